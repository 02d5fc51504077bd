import type { DataSet } from '@/lib/messaging/protocol';
import type { Touch } from '@/lib/shared/model';
import type { Sizes } from './budgets';

/** A small seeded generator (mulberry32): the same seed gives the same store on every machine. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
    /** Heavy-tailed weights: a few contacts get most touches, as in a real book of business. */
    pareto: (alpha = 1.2) => 1 / (1 - next()) ** (1 / alpha),
  };
}

const DAY = 86_400_000;
const KINDS: Touch['kind'][] = [
  'email',
  'email',
  'email',
  'email',
  'meeting',
  'call',
  'linkedin-message',
  'check-in',
  'value-add',
  'offer',
];

/** The e-mail of contact number i: the sidebar scenario looks people up by these. */
export const contactEmail = (i: number) => `person${i}@account${i % 1000}.example`;

/**
 * A store of the given size: accounts of 1-50 contacts, touches spread over two years with a
 * heavy tail per contact, purchases on a fifth of the accounts. Times end at `now`.
 */
export function generate(size: Sizes, now: number, seed = 42): DataSet {
  const r = random(seed);
  const accounts: DataSet['accounts'] = Array.from({ length: size.accounts }, (_, i) => ({
    id: `a${i}`,
    name: `Account ${i}`,
    domains: [`account${i}.example`],
    valueTier: r.pick(['high', 'medium', 'medium', 'low', 'low', 'low'] as const),
    products: Array.from({ length: r.int(0, 4) }, (_, p) => `Product ${p}`),
    notes: '',
    createdAt: now - 900 * DAY,
    updatedAt: now - 900 * DAY,
  }));
  const contacts: DataSet['contacts'] = Array.from({ length: size.contacts }, (_, i) => {
    const status = r.pick(['customer', 'customer', 'customer', 'prospect', 'contact', 'former'] as const);
    return {
      id: `c${i}`,
      name: `Person ${i}`,
      emails: [contactEmail(i)],
      accountId: `a${i % size.accounts}`,
      status,
      activeProspect: status === 'prospect' && r.next() < 0.5,
      notes: '',
      statusHistory: [{ status, at: now - r.int(30, 800) * DAY }],
      createdAt: now - 800 * DAY,
      updatedAt: now - 800 * DAY,
    };
  });
  const weights = contacts.map(() => r.pareto());
  const total = weights.reduce((a, b) => a + b, 0);
  const touches: Touch[] = [];
  contacts.forEach((c, i) => {
    const count = Math.max(1, Math.round(((weights[i] ?? 1) / total) * size.touches));
    for (let k = 0; k < count && touches.length < size.touches; k++) {
      const kind = r.pick(KINDS);
      touches.push({
        id: `t${touches.length}`,
        contactId: c.id,
        ...(c.accountId ? { accountId: c.accountId } : {}),
        sellerId: r.next() < 0.85 ? 'me' : `s${r.int(1, 20)}`,
        kind,
        direction: kind === 'meeting' || kind === 'call' ? 'none' : r.next() < 0.55 ? 'outbound' : 'inbound',
        at: now - r.int(0, 730 * 24) * (DAY / 24),
        source: 'imported',
        sourceId: `bench:${touches.length}`,
        summary: `Subject line ${touches.length}`,
        ...(kind === 'check-in' ? { happiness: r.int(1, 5) } : {}),
      });
    }
  });
  const purchases: DataSet['purchases'] = Array.from({ length: size.purchases }, (_, i) => ({
    id: `p${i}`,
    accountId: `a${r.int(0, Math.max(0, Math.floor(size.accounts / 5) - 1))}`,
    amount: Math.round(r.pareto(1.5) * 500),
    currency: 'EUR',
    at: now - r.int(0, 730) * DAY,
  }));
  const sellers: DataSet['sellers'] = Array.from({ length: 20 }, (_, i) => ({
    id: `s${i + 1}`,
    name: `Colleague ${i + 1}`,
    emails: [`colleague${i + 1}@ourco.example`],
  }));
  return { sellers, accounts, contacts, touches, purchases, followUps: [] };
}
