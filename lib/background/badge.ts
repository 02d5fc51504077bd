import type { IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';
import { dateOf } from '@/lib/shared/relationship/calendar';
import type { RapportDB } from './db/schema';
import { dueCount } from './followups';
import { STARTUP_DELAY_MS } from './reminders';
import { getSettings } from './settings';

const MIDNIGHT = 'rapport:midnight';
/** The badge has room for three digits. */
const MOST_SHOWN = 999;

/** The toolbar badge: how many follow-ups are due today or overdue (empty when none). */
export async function updateBadge(db: IDBPDatabase<RapportDB>, now: number): Promise<void> {
  const { timeZone } = await getSettings(db);
  const count = await dueCount(db, dateOf(now, timeZone), MOST_SHOWN);
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#cf222e' });
}

/**
 * Keeps the badge true across days: recount when the worker starts and at every local
 * midnight, when yesterday's "upcoming" becomes today's "due". The worker may sleep through
 * midnight; the alarm wakes it, and it is re-armed from scratch on every start.
 */
export function keepBadgeCurrent(db: () => Promise<IDBPDatabase<RapportDB>>, now: () => number): void {
  const arm = async () => {
    const next = new Date(now());
    next.setHours(24, 0, 5, 0);
    await browser.alarms.create(MIDNIGHT, { when: next.getTime() });
  };
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== MIDNIGHT) return;
    await updateBadge(await db(), now());
    await arm();
  });
  void arm();
  // After any request that woke the worker has been answered.
  setTimeout(() => void db().then((database) => updateBadge(database, now())), STARTUP_DELAY_MS);
}
