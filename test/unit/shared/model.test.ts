import { describe, expect, it } from 'vitest';
import {
  Contact,
  DEFAULT_SETTINGS,
  Email,
  FollowUpTransitionError,
  Settings,
  Touch,
  transition,
} from '@/lib/shared/model';
import { contact, followUp, touch } from '../../helpers/records';

describe('Email', () => {
  it.each([
    ['  Jane.Doe@Acme.CO.UK ', 'jane.doe@acme.co.uk'],
    ['a@b.io', 'a@b.io'],
  ])('normalises %j to %j', (input, expected) => {
    expect(Email.parse(input)).toBe(expected);
  });

  it.each(['', 'jane', 'jane@', '@acme.com', 'jane doe@acme.com'])('refuses %j with a clear message', (input) => {
    const result = Email.safeParse(input);
    expect(result.success).toBe(false);
  });
});

describe('records', () => {
  it('a contact fills its defaults and keys on lower-case addresses', () => {
    const parsed = Contact.parse({ id: 'c', name: 'Pat', emails: ['Pat@X.example'], createdAt: 1, updatedAt: 1 });
    expect(parsed).toMatchObject({
      status: 'contact',
      activeProspect: false,
      emails: ['pat@x.example'],
      statusHistory: [],
    });
  });

  it('a touch never carries a body: unknown fields are dropped', () => {
    const parsed = Touch.parse({ ...touch(), body: 'the whole e-mail' });
    expect(parsed).not.toHaveProperty('body');
  });

  it('a touch summary is bounded and a check-in answer is 1 to 5', () => {
    expect(Touch.safeParse(touch({ summary: 'x'.repeat(301) })).success).toBe(false);
    expect(Touch.safeParse(touch({ kind: 'check-in', happiness: 6 })).success).toBe(false);
    expect(Touch.safeParse(touch({ kind: 'check-in', happiness: 2 })).success).toBe(true);
  });

  it('the default settings are valid and give every tier a bounded cadence', () => {
    const parsed = Settings.parse(DEFAULT_SETTINGS);
    for (const tier of ['high', 'medium', 'low'] as const) {
      expect(parsed.cadence[tier]?.maxDays).toBeLessThanOrEqual(180);
    }
  });

  it('a cadence whose longest gap is shorter than its ideal one is refused', () => {
    const bad = { ...DEFAULT_SETTINGS, cadence: { ...DEFAULT_SETTINGS.cadence, high: { idealDays: 30, maxDays: 10 } } };
    expect(Settings.safeParse(bad).success).toBe(false);
  });

  it('contact fixtures are valid', () => {
    expect(Contact.safeParse(contact()).success).toBe(true);
  });
});

describe('follow-up state machine', () => {
  const at = 1_000;
  it.each([
    ['open', { type: 'done', at }, 'done', false],
    ['open', { type: 'dismiss', at }, 'dismissed', false],
    ['open', { type: 'snooze', until: '2026-02-01' }, 'snoozed', true],
    ['snoozed', { type: 'wake' }, 'open', true],
    ['snoozed', { type: 'snooze', until: '2026-03-01' }, 'snoozed', true],
    ['snoozed', { type: 'done', at }, 'done', false],
  ] as const)('%s --%o--> %s', (from, event, to, live) => {
    const next = transition(followUp({ state: from }), event);
    expect(next.state).toBe(to);
    // Only a live follow-up holds the per-contact slot in the unique index.
    expect(next.liveFor).toBe(live ? 'contact-1' : undefined);
  });

  it('snoozing moves the due date', () => {
    expect(transition(followUp(), { type: 'snooze', until: '2026-02-01' }).due).toBe('2026-02-01');
  });

  it.each([
    ['done', { type: 'wake' }],
    ['done', { type: 'snooze', until: '2026-02-01' }],
    ['dismissed', { type: 'done', at }],
    ['open', { type: 'wake' }],
  ] as const)('a %s follow-up refuses %o', (from, event) => {
    expect(() => transition(followUp({ state: from, liveFor: undefined }), event)).toThrow(FollowUpTransitionError);
  });
});
