import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { leaveOutBadRecords } from '@/lib/background/prune';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { contact, touch } from '../../helpers/records';
import { putTouch } from '../../helpers/touch-store';

describe('leaveOutBadRecords', () => {
  const Card = z.object({
    contact: z.object({ id: z.string(), name: z.string() }),
    value: z.number().finite(),
    history: z.array(z.object({ id: z.string(), kind: z.enum(['email', 'call']) })),
  });
  const Answer = z.object({ cards: z.array(Card) });

  it.each([
    {
      case: 'a bad touch leaves its card with the rest of its history',
      answer: {
        cards: [
          {
            contact: { id: 'a', name: 'A' },
            value: 1,
            history: [
              { id: 't1', kind: 'email' },
              { id: 't2', kind: 'telepathy' },
            ],
          },
        ],
      },
      left: ['t2'],
      cards: 1,
    },
    {
      case: 'an infinite value leaves out that card, not the others',
      answer: {
        cards: [
          { contact: { id: 'a', name: 'A' }, value: Number.POSITIVE_INFINITY, history: [] },
          { contact: { id: 'b', name: 'B' }, value: 2, history: [] },
        ],
      },
      left: [],
      cards: 1,
    },
    {
      case: 'two bad records in one list both go',
      answer: {
        cards: [
          { contact: { id: 'a', name: 1 }, value: 1, history: [] },
          { contact: { id: 'b', name: 'B' }, value: 2, history: [] },
          { contact: { id: 'c', name: 3 }, value: 3, history: [] },
        ],
      },
      left: [],
      cards: 1,
    },
  ])('$case', ({ answer, left, cards }) => {
    const first = Answer.safeParse(answer);
    expect(first.success).toBe(false);
    if (first.success) return;
    expect(leaveOutBadRecords(answer, first.error.issues)).toEqual(left);
    expect(Answer.safeParse(answer).success).toBe(true);
    expect(answer.cards).toHaveLength(cards);
  });

  it('an issue outside every list is the answer’s own: nothing is left out', () => {
    expect(leaveOutBadRecords({ cards: 'no' }, [{ path: ['cards'] }])).toBeUndefined();
  });
});

describe('a stored record that fails today’s schema', () => {
  it('is left out of the answers it would break, named by data.check, and carried by data.page', async () => {
    const db = await startBackground();
    await db.put('contacts', contact({ id: 'good', emails: ['good@acme.example'] }));
    await db.put('contacts', { ...contact({ id: 'bad', emails: ['bad@acme.example'] }), status: 'vip' } as never);
    await putTouch(db, {
      ...touch({ id: 't-bad', contactId: 'good', sourceId: 'gmail:1' }),
      kind: 'telepathy',
    } as never);
    await putTouch(db, touch({ id: 't-good', contactId: 'good', sourceId: 'gmail:2' }));

    const touches = await deliver(envelope('touch.list', { contactId: 'good', limit: 10 }), senders.page);
    expect(touches.ok).toBe(true);
    expect((touches.data as { id: string }[]).map((t) => t.id)).toEqual(['t-good']);

    const check = await deliver(envelope('data.check', {}), senders.page);
    expect(check.data).toMatchObject({
      total: 2,
      problems: [
        { store: 'contacts', id: 'bad', problem: expect.stringContaining('status') },
        { store: 'touches', id: 't-bad', problem: expect.stringContaining('kind') },
      ],
    });
    const page = await deliver(envelope('data.page', { store: 'contacts' }), senders.page);
    expect(page.data).toMatchObject({ invalid: 1, data: { contacts: [{ id: 'bad', status: 'vip' }, { id: 'good' }] } });
  });
});
