// An experiment, not a scenario: `npx tsx test/bench/experiments/bucket-cost.ts` (a few seconds).
// The leaky bucket of the bench's book (10,000 contacts, 200,000 touches, 24 months as the
// dashboard asks) worked out in Node eight times, and a digest of the answer, so a change to the
// engine can show it is faster and answers the same. Session 18 on this machine (2 cores), the
// engine before and after trust read summaries in place, run in turn: 300-410 against 155-225 ms
// in one minute, 450-820 against 240-460 ms in a slower one (about half); same digest.
// Profile it with `node --cpu-prof --import tsx test/bench/experiments/bucket-cost.ts`.
import { createHash } from 'node:crypto';
import type { Touch } from '@/lib/shared/model';
import { DEFAULT_SETTINGS } from '@/lib/shared/model/settings';
import { leakyBucket } from '@/lib/shared/relationship/bucket';
import { summarize } from '@/lib/shared/relationship/summarize';
import { SIZES } from '../budgets';
import { generate } from '../dataset';

const now = Date.UTC(2026, 11, 7, 12);
const book = generate(SIZES.full, now);
const touchesOf = new Map<string, Touch[]>();
for (const t of book.touches) touchesOf.set(t.contactId, [...(touchesOf.get(t.contactId) ?? []), t]);
const input = {
  contacts: book.contacts,
  accounts: book.accounts,
  purchases: book.purchases,
  summaries: book.contacts.map((c) => summarize({ contactId: c.id, touches: touchesOf.get(c.id) ?? [] })),
  cadence: DEFAULT_SETTINGS.cadence,
  timeZone: 'Europe/Paris',
  now,
  months: 24,
};
const times: number[] = [];
let answer = '';
for (let run = 0; run < 8; run++) {
  const start = performance.now();
  const months = leakyBucket(input);
  times.push(performance.now() - start);
  answer = JSON.stringify(months);
}
console.log(`${times.map((t) => t.toFixed(0)).join(' ')} ms`);
console.log(`answer ${createHash('sha256').update(answer).digest('hex').slice(0, 16)}`);
