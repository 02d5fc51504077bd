import type { IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';
import { transition } from '@/lib/shared/model';
import { addDays, dateOf, startOfDate } from '@/lib/shared/relationship/calendar';
import type { RapportDB } from './db/schema';
import { whileWriting } from './kept';
import { getSettings } from './settings';

export const NEXT_DUE = 'rapport:next-due';
export const DIGEST = 'rapport:digest';
export const DUE_NOTIFICATION = 'rapport:due';

const LAST_DATE = '9999-12-31';
/** Long enough for a waking request to be answered first, short enough to stay in the worker's life. */
export const STARTUP_DELAY_MS = 1500;

/**
 * Two alarms, however many follow-ups there are (Chrome allows 500): the start of the next day
 * on which something falls due, and the daily digest. Re-armed from the database after every
 * write and on every worker start; the worker keeps nothing in memory.
 */
export async function armReminders(db: IDBPDatabase<RapportDB>, now: number): Promise<void> {
  const { timeZone, digestTime } = await getSettings(db);
  const today = dateOf(now, timeZone);
  const later = (state: 'open' | 'snoozed') =>
    db.getFromIndex('followUps', 'by-state-due', IDBKeyRange.bound([state, today], [state, LAST_DATE], true));
  const next = (await Promise.all([later('open'), later('snoozed')]))
    .map((f) => f?.due)
    .filter((d): d is string => !!d)
    .sort()[0];
  if (next) await browser.alarms.create(NEXT_DUE, { when: startOfDate(next, timeZone) });
  else await browser.alarms.clear(NEXT_DUE);
  await browser.alarms.create(DIGEST, { when: nextDigest(now, digestTime, timeZone) });
}

/** The next time the clock in the seller's zone shows `HH:MM`. */
export function nextDigest(now: number, hhmm: string, timeZone: string): number {
  const [h = 8, m = 30] = hhmm.split(':').map(Number);
  const at = (date: string) => startOfDate(date, timeZone) + (h * 60 + m) * 60_000;
  const today = dateOf(now, timeZone);
  return at(today) > now ? at(today) : at(addDays(today, 1));
}

/**
 * Tells the seller what fell due and was not announced yet, once: each follow-up remembers
 * it was announced. A snoozed follow-up whose day has come is open again. A reminder missed
 * while the browser was closed is shown at the next start, once.
 */
export async function announceDue(db: IDBPDatabase<RapportDB>, now: number): Promise<number> {
  // Waking a snoozed follow-up changes the popup's list: answers the worker kept go (kept.ts).
  return whileWriting(() => wakeAndAnnounce(db, now));
}

async function wakeAndAnnounce(db: IDBPDatabase<RapportDB>, now: number): Promise<number> {
  const { timeZone, namesInNotifications } = await getSettings(db);
  const today = dateOf(now, timeZone);
  const tx = db.transaction(['followUps', 'contacts'], 'readwrite');
  const index = tx.objectStore('followUps').index('by-state-due');
  const followUps = tx.objectStore('followUps');
  const woken = await index.getAll(IDBKeyRange.bound(['snoozed', ''], ['snoozed', today]));
  // Every write sent at once: after a day away a thousand can be due, and a round trip each
  // held the follow-ups for most of a second while the popup waited to read them.
  await Promise.all(woken.map((f) => followUps.put(transition(f, { type: 'wake' }))));
  const due = (await index.getAll(IDBKeyRange.bound(['open', ''], ['open', today]))).filter((f) => !f.notifiedAt);
  const [named] = await Promise.all([
    Promise.all(due.slice(0, 3).map((f) => tx.objectStore('contacts').get(f.contactId))),
    ...due.map((f) => followUps.put({ ...f, notifiedAt: now })),
  ]);
  const names = named.flatMap((contact) => (contact ? [contact.name] : []));
  await tx.done;
  if (due.length > 0) {
    await browser.notifications.create(DUE_NOTIFICATION, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: due.length === 1 ? 'Rapport: a follow-up is due' : `Rapport: ${due.length} follow-ups are due`,
      message: dueMessage(namesInNotifications ? names : [], due.length),
    });
  }
  return due.length;
}

/**
 * Rapport's own words first, then the names, quoted and cut short: a name comes from page text
 * or an import, so one crafted to read like a system message ("Your password expired…") must
 * still read as a name. Without names (a setting, for a shared or locked screen), only counts.
 */
export function dueMessage(names: readonly string[], count: number): string {
  if (names.length === 0) return 'Open Rapport to see who and why.';
  const quoted = names.map((name) => `“${shorten(name)}”`);
  const others = count - names.length;
  return `Follow up with ${quoted.join(', ')}${others > 0 ? ` and ${others} more` : ''}. Open Rapport to see why.`;
}

const shorten = (name: string) => {
  const flat = name
    .replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ')
    .replace(/[“”"]/g, "'")
    .trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
};

/** The morning digest: how many are due today, whether or not they were announced. */
export async function digest(db: IDBPDatabase<RapportDB>, now: number): Promise<number> {
  const { timeZone } = await getSettings(db);
  const count = await db.countFromIndex(
    'followUps',
    'by-state-due',
    IDBKeyRange.bound(['open', ''], ['open', dateOf(now, timeZone)]),
  );
  if (count > 0) {
    await browser.notifications.create(DUE_NOTIFICATION, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: `Today: ${count} ${count === 1 ? 'follow-up' : 'follow-ups'}`,
      message: 'Reply owed and overdue first. Open Rapport to work through them.',
    });
  }
  return count;
}

/**
 * Wires the alarms and the notification click: the dashboard's Today view opens (a
 * notification cannot open the popup reliably). Listeners register at start; state is read from the database.
 */
export function keepRemindersCurrent(db: () => Promise<IDBPDatabase<RapportDB>>, now: () => number): void {
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== NEXT_DUE && alarm.name !== DIGEST) return;
    const database = await db();
    if (alarm.name === NEXT_DUE) await announceDue(database, now());
    else await digest(database, now());
    await armReminders(database, now());
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id !== DUE_NOTIFICATION) return;
    void browser.tabs.create({ url: browser.runtime.getURL('/options.html#today') });
    void browser.notifications.clear(id);
  });
  // The catch-up waits a moment: a worker woken by a sidebar look-up answers that first, instead
  // of making the seller wait behind this write.
  setTimeout(() => {
    void db().then(async (database) => {
      await announceDue(database, now());
      await armReminders(database, now());
    });
  }, STARTUP_DELAY_MS);
}
