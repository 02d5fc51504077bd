import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Email, type FollowUpEvent, isLive, transition } from '@/lib/shared/model';
import { followUp } from '../../helpers/records';

const event: fc.Arbitrary<FollowUpEvent> = fc.oneof(
  fc.record({ type: fc.constant('done' as const), at: fc.nat() }),
  fc.record({ type: fc.constant('dismiss' as const), at: fc.nat() }),
  fc.record({ type: fc.constant('wake' as const) }),
  fc
    .date({ min: new Date('2026-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => ({ type: 'snooze' as const, until: d.toISOString().slice(0, 10) })),
);

describe('follow-up state machine, any sequence of steps', () => {
  it('holds the per-contact slot exactly while live, and never leaves a closed state', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), (events) => {
        let current = followUp();
        let closed = false;
        for (const e of events) {
          try {
            current = transition(current, e);
          } catch {
            continue; // a refused step changes nothing
          }
          expect(closed).toBe(false);
          closed = !isLive(current);
        }
        expect(current.liveFor).toBe(isLive(current) ? current.contactId : undefined);
        expect(current.closedAt !== undefined).toBe(!isLive(current));
      }),
    );
  });
});

describe('Email', () => {
  it('normalising is idempotent and always lower-case', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.constantFrom('', ' ', '\t'), (address, pad) => {
        const once = Email.safeParse(pad + address.toUpperCase() + pad);
        if (!once.success) return;
        expect(once.data).toBe(once.data.toLowerCase());
        expect(Email.parse(once.data)).toBe(once.data);
      }),
    );
  });
});
