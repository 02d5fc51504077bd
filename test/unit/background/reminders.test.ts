import type { IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RapportDB } from '@/lib/background/db/schema';
import {
  announceDue,
  armReminders,
  DIGEST,
  digest,
  dueMessage,
  NEXT_DUE,
  nextDigest,
} from '@/lib/background/reminders';
import { updateSettings } from '@/lib/background/settings';
import { startOfDate } from '@/lib/shared/relationship/calendar';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { contact, followUp } from '../../helpers/records';

const TZ = 'Europe/Berlin';
const NOW = Date.UTC(2026, 10, 23, 10); // Monday 23 November 2026, 11:00 in Berlin
let db: IDBPDatabase<RapportDB>;

beforeEach(async () => {
  db = await startBackground(() => NOW);
  await deliver(envelope('settings.update', { timeZone: TZ, digestTime: '08:30' }), senders.page);
  await db.put('contacts', contact({ id: 'a', emails: ['a@x.example'], name: 'Ann' }));
  await db.put('contacts', contact({ id: 'b', emails: ['b@x.example'], name: 'Ben' }));
});

const created = () => vi.spyOn(fakeBrowser.notifications, 'create');
afterEach(() => vi.restoreAllMocks());

describe('what a notification says', () => {
  it.each([
    { names: ['Ann'], count: 1, says: 'Follow up with “Ann”. Open Rapport to see why.' },
    {
      names: ['Ann', 'Ben', 'Cy'],
      count: 5,
      says: 'Follow up with “Ann”, “Ben”, “Cy” and 2 more. Open Rapport to see why.',
    },
    // A name crafted on a page to pass for a system message stays a quoted name on one line.
    {
      names: ['Chrome: "Your session expired"\nsign in at evil.example'],
      count: 1,
      says: "Follow up with “Chrome: 'Your session expired' sign in …”. Open Rapport to see why.",
    },
    // Notifications are plain text: markup in a name is shown as its characters.
    {
      names: ['<img src=x onerror=alert(1)>Mallory'],
      count: 1,
      says: 'Follow up with “<img src=x onerror=alert(1)>Mallory”. Open Rapport to see why.',
    },
    { names: [], count: 4, says: 'Open Rapport to see who and why.' },
  ])('$says', ({ names, count, says }) => {
    expect(dueMessage(names, count)).toBe(says);
  });

  it('says no name when the seller turned names off', async () => {
    await updateSettings(db, { namesInNotifications: false });
    await db.put('followUps', followUp({ id: 'f1', contactId: 'a', liveFor: 'a', due: '2026-11-23' }));
    const spy = created();
    await announceDue(db, NOW);
    expect(JSON.stringify(spy.mock.calls[0]?.[1])).not.toContain('Ann');
  });
});

describe('reminders', () => {
  it('a follow-up due today is announced once; announcing again shows nothing', async () => {
    await db.put('followUps', followUp({ id: 'f1', contactId: 'a', liveFor: 'a', due: '2026-11-23' }));
    const spy = created();
    expect(await announceDue(db, NOW)).toBe(1);
    expect(await announceDue(db, NOW + 60_000)).toBe(0);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[1]).toMatchObject({
      title: 'Rapport: a follow-up is due',
      message: expect.stringContaining('“Ann”'),
    });
  });

  it('one missed while the browser was closed is announced once at the next start', async () => {
    await db.put('followUps', followUp({ id: 'f1', contactId: 'a', liveFor: 'a', due: '2026-11-20' }));
    expect(await announceDue(db, NOW)).toBe(1);
    expect(await db.get('followUps', 'f1')).toMatchObject({ notifiedAt: NOW });
  });

  it('a snoozed follow-up wakes on its day and is announced', async () => {
    await db.put(
      'followUps',
      followUp({
        id: 'f1',
        contactId: 'a',
        liveFor: 'a',
        state: 'snoozed',
        due: '2026-11-23',
        snoozedUntil: '2026-11-23',
      }),
    );
    expect(await announceDue(db, NOW)).toBe(1);
    expect(await db.get('followUps', 'f1')).toMatchObject({ state: 'open' });
  });

  it('the popup opened before a snoozed follow-up woke lists it when opened after', async () => {
    const snoozed = { contactId: 'a', liveFor: 'a', state: 'snoozed' as const, due: '2026-11-23' };
    await db.put('followUps', followUp({ id: 'f1', ...snoozed, snoozedUntil: '2026-11-23' }));
    const popup = async () =>
      ((await deliver(envelope('followup.list', { team: false }), senders.page)) as { data: { rows: unknown[] } }).data
        .rows.length;
    // The worker keeps the popup's answer while nothing is written; waking is a write.
    expect(await popup()).toBe(0);
    await announceDue(db, NOW);
    expect(await popup()).toBe(1);
  });

  it('one alarm at the start of the next due day, however many follow-ups there are', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      followUp({ id: `f${i}`, contactId: `c${i}`, liveFor: `c${i}`, due: i === 0 ? '2026-11-26' : '2026-12-31' }),
    );
    const tx = db.transaction('followUps', 'readwrite');
    await Promise.all(many.map((f) => tx.store.put(f)));
    await tx.done;
    await armReminders(db, NOW);
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.map((a) => a.name).sort()).toEqual([DIGEST, NEXT_DUE].sort());
    expect((await fakeBrowser.alarms.get(NEXT_DUE))?.scheduledTime).toBe(startOfDate('2026-11-26', TZ));
  });

  it('the digest is due at the seller’s time: tomorrow when today’s has passed', () => {
    expect(nextDigest(NOW, '08:30', TZ)).toBe(startOfDate('2026-11-24', TZ) + 510 * 60_000);
    expect(nextDigest(NOW, '12:00', TZ)).toBe(startOfDate('2026-11-23', TZ) + 720 * 60_000);
  });

  it('the digest counts what is due today or overdue, and stays quiet when nothing is', async () => {
    const spy = created();
    expect(await digest(db, NOW)).toBe(0);
    await db.put('followUps', followUp({ id: 'f1', contactId: 'a', liveFor: 'a', due: '2026-11-22' }));
    await db.put('followUps', followUp({ id: 'f2', contactId: 'b', liveFor: 'b', due: '2026-11-30' }));
    expect(await digest(db, NOW)).toBe(1);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
