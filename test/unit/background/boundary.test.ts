import fc from 'fast-check';
import type { IDBPDatabase } from 'idb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAll } from '@/lib/background/data';
import type { RapportDB } from '@/lib/background/db/schema';
import { protocol, type RequestType } from '@/lib/messaging/protocol';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { contact, touch } from '../../helpers/records';
import { putTouch } from '../../helpers/touch-store';

/**
 * The worker's boundary under abuse: messages far too large, nested without end, or made up at
 * random for every request type, from a content script (a page's renderer, which the page may
 * have taken over) and from Rapport's own pages. Each is answered (never a throw, never a hang),
 * and one that is refused changes nothing.
 */

let db: IDBPDatabase<RapportDB>;
let tried = 0;
const PROTOTYPE_BEFORE = Object.getOwnPropertyNames(Object.prototype);
beforeAll(async () => {
  db = await startBackground();
  await db.put('contacts', contact());
  await putTouch(db, touch());
});

const snapshot = async () => ({ counts: await countAll(db), meta: await db.getAllKeys('meta') });
const refusedUnchanged = async (message: unknown, from: keyof typeof senders) => {
  tried++;
  const before = await snapshot();
  const answer = await deliver(message, senders[from]);
  expect(answer.ok).toBe(false);
  expect(answer.error?.message).toMatch(/\w/);
  expect(await snapshot()).toEqual(before);
  return answer;
};

const HUGE = 'x'.repeat(20_000_000);
const deep = (levels: number) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { next: value };
  return value;
};
const message = (over: object) => ({
  id: '1842863092531652600',
  at: Date.UTC(2026, 0, 5),
  from: 'a@b.example',
  ...over,
});

describe('messages too large for what they carry are refused and change nothing', () => {
  it.each([
    ['a 20 MB name to track', envelope('contact.track', { name: HUGE, email: 'x@y.example' }), 'page'],
    [
      'a 20 MB subject in a capture',
      envelope('gmail.capture', { account: 'sales@ourco.example', messages: [message({ subject: HUGE })] }),
      'content',
    ],
    [
      '100,000 messages in one capture',
      envelope('gmail.capture', {
        account: 'sales@ourco.example',
        messages: Array.from({ length: 100_000 }, (_, i) => message({ id: String(1842863092531652600n + BigInt(i)) })),
      }),
      'content',
    ],
    [
      '50,000 recipients on one message',
      envelope('gmail.capture', {
        account: 'sales@ourco.example',
        messages: [message({ to: Array.from({ length: 50_000 }, (_, i) => `p${i}@b.example`) })],
      }),
      'content',
    ],
    [
      '10,000 people in one page report',
      envelope('page.report', {
        site: 'gmail',
        people: Array.from({ length: 10_000 }, (_, i) => ({ email: `p${i}@b.example` })),
      }),
      'content',
    ],
    ['a payload nested 100,000 deep', envelope('touch.add', deep(100_000)), 'page'],
    ['a type 1 MB long', envelope('x'.repeat(1_000_000)), 'page'],
  ] as const)('%s', async (_label, forged, from) => {
    const answer = await refusedUnchanged(forged, from);
    expect(['invalid', 'unknown-type']).toContain(answer.error?.code);
  });
});

describe('made-up messages for every request type', () => {
  const types = Object.keys(protocol) as RequestType[];
  // Anything JSON can carry, with the odd values a forger reaches for.
  const payload = fc.oneof(
    fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: false }),
    fc.dictionary(
      fc.constantFrom('contactId', 'email', 'name', 'messages', 'account', 'confirm', 'site', 'people', '__proto__'),
      fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 })),
    ),
  );

  it('from a content script: every one is answered, and none that is refused changes anything', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...types), payload, async (type, body) => {
        tried++;
        const before = await snapshot();
        const answer = await deliver(envelope(type, body), senders.content);
        expect(typeof answer.ok).toBe('boolean');
        if (!answer.ok) {
          expect(['invalid', 'forbidden', 'failed']).toContain(answer.error?.code);
          expect(await snapshot()).toEqual(before);
        }
        // A content script never gets an extension-page-only request through.
        if (protocol[type].access === 'page') expect(answer.error?.code).toBe('forbidden');
      }),
      { numRuns: 400, seed: 20261206 },
    );
  });

  it('from Rapport’s own pages: every one is answered; one with the wrong shape changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...types), payload, async (type, body) => {
        tried++;
        const before = await snapshot();
        const answer = await deliver(envelope(type, body), senders.page);
        expect(typeof answer.ok).toBe('boolean');
        if (!answer.ok && answer.error?.code === 'invalid') expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 400, seed: 20261207 },
    );
  });
});

afterAll(() => {
  // `__proto__` keys in the made-up payloads reached nothing shared.
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(PROTOTYPE_BEFORE);
  console.log(
    `worker boundary: ${tried} forged or made-up messages delivered, each answered, the refused ones changed nothing`,
  );
});
