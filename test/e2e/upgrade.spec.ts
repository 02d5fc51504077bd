import { DB_VERSION } from '@/lib/background/db/migrations';
import { expect, test } from './harness';

/**
 * The upgrades from schema v6 in Chromium itself, on a store built as v6 kept it: v7 moves the
 * touches (a record each, with four indexes) into one log per contact, v8 finds follow-ups by
 * `liveFor` and `closedFor`. The unit tests run every upgrade on fake-indexeddb; this one runs
 * the step that moves the most data where sellers run it.
 */

// What v6 held, written by hand as v1-v6 created it (lib/background/db/migrations.ts).
const BUILD_V6 = `(async () => {
  const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const build = () => {
    const open = indexedDB.open('rapport', 6);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('sellers', { keyPath: 'id' }).createIndex('by-email', 'emails', { multiEntry: true });
      const accounts = db.createObjectStore('accounts', { keyPath: 'id' });
      accounts.createIndex('by-domain', 'domains', { multiEntry: true });
      accounts.createIndex('by-linkedin-company', 'linkedinCompanyId');
      accounts.createIndex('by-name', 'name');
      const contacts = db.createObjectStore('contacts', { keyPath: 'id' });
      contacts.createIndex('by-email', 'emails', { multiEntry: true, unique: true });
      contacts.createIndex('by-linkedin', 'linkedinId', { unique: true });
      contacts.createIndex('by-account', 'accountId');
      contacts.createIndex('by-owner', 'ownerId');
      const touches = db.createObjectStore('touches', { keyPath: 'id' });
      touches.createIndex('by-contact-at', ['contactId', 'at']);
      touches.createIndex('by-account-at', ['accountId', 'at']);
      touches.createIndex('by-source', ['sourceId', 'contactId'], { unique: true });
      touches.createIndex('by-seller', 'sellerId');
      db.createObjectStore('purchases', { keyPath: 'id' }).createIndex('by-account-at', ['accountId', 'at']);
      const followUps = db.createObjectStore('followUps', { keyPath: 'id' });
      followUps.createIndex('by-state-due', ['state', 'due']);
      followUps.createIndex('by-contact', 'contactId');
      followUps.createIndex('by-live-contact', 'liveFor', { unique: true });
      db.createObjectStore('meta');
      db.createObjectStore('summaries', { keyPath: 'contactId' });
      db.createObjectStore('team');
    };
    return request(open);
  };
  // The worker's own connection steps aside for the delete (its 'blocking' handler closes it).
  // Its start-up work (the badge, reminders, the import notice, 1.5 s after it starts) may open
  // the store again, as v7, between the delete and this open: then it is deleted again.
  let db;
  for (let attempt = 1; !db; attempt++) {
    await request(indexedDB.deleteDatabase('rapport'));
    db = await build().catch((error) => {
      if (error.name !== 'VersionError' || attempt === 5) throw error;
      return new Promise((resolve) => setTimeout(resolve, 200));
    });
  }
  const tx = db.transaction(['accounts', 'contacts', 'touches', 'followUps'], 'readwrite');
  const now = Date.now();
  tx.objectStore('accounts').put({ id: 'acme', name: 'Acme', domains: ['acme.example'], products: [], tier: 'standard', notes: '', createdAt: now, updatedAt: now });
  for (let c = 0; c < 30; c++) {
    tx.objectStore('contacts').put({ id: 'c' + c, name: 'Person ' + c, emails: ['p' + c + '@acme.example'], accountId: 'acme', status: 'customer', statusHistory: [], notes: '', createdAt: now, updatedAt: now });
    // A follow-up to do, and one done (v6 knew no 'closedFor').
    tx.objectStore('followUps').put({ id: 'f' + c + '-live', contactId: 'c' + c, due: '2026-12-01', kind: 'check-in', reason: { code: 'cadence', params: {} }, state: 'open', liveFor: 'c' + c, setByHand: true, createdAt: now });
    tx.objectStore('followUps').put({ id: 'f' + c + '-done', contactId: 'c' + c, due: '2026-11-01', kind: 'check-in', reason: { code: 'cadence', params: {} }, state: 'done', createdAt: now, closedAt: now });
    // 40 touches each, written out of time order; every fifth a colleague's.
    for (let n = 0; n < 40; n++) {
      tx.objectStore('touches').put({ id: 't' + c + '-' + n, contactId: 'c' + c, accountId: 'acme', sellerId: n % 5 ? 'me' : 'colleague', kind: 'email', direction: n % 2 ? 'inbound' : 'outbound', at: now - ((n * 7919) % 40) * 86400000 - n, source: 'imported', sourceId: 'import:h' + c + '-' + n });
    }
  }
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
  db.close();
  return true;
})()`;

test('a v6 store with 1,200 touches and 60 follow-ups upgrades in Chromium: every touch kept in its log in time order, counted and exported; every follow-up found by its contact', async ({
  worker,
  api,
}) => {
  await api('data.counts', {});
  expect(await worker.evaluate(BUILD_V6)).toBe(true);
  // The next request opens the store again, which runs the upgrade.
  const counts = await api('data.counts', {});
  expect(counts).toMatchObject({ contacts: 30, touches: 1_200, accounts: 1 });
  const layout = (await worker.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => { const r = indexedDB.open('rapport'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const names = [...db.objectStoreNames];
    const followUps = db.transaction('followUps').objectStore('followUps');
    const count = (index) => new Promise((resolve) => { const r = followUps.index(index).count(); r.onsuccess = () => resolve(r.result); });
    const followUpIndexes = { names: [...followUps.indexNames].sort(), live: await count('by-live-contact'), closed: await count('by-closed-contact') };
    const logs = await new Promise((resolve) => { const r = db.transaction('touchLogs').objectStore('touchLogs').getAll(); r.onsuccess = () => resolve(r.result); });
    db.close();
    return { version: db.version, names, followUpIndexes, logs: logs.map((l) => ({ contactId: l.contactId, size: l.size, sellers: l.sellerIds.sort(), ordered: l.touches.every((t, i, all) => i === 0 || all[i - 1].at <= t.at) })) };
  })()`)) as {
    version: number;
    names: string[];
    followUpIndexes: { names: string[]; live: number; closed: number };
    logs: { contactId: string; size: number; sellers: string[]; ordered: boolean }[];
  };
  expect(layout.version).toBe(DB_VERSION);
  // v8: each contact's follow-ups by `liveFor` and `closedFor`, no index on `contactId`.
  expect(layout.followUpIndexes).toEqual({
    names: ['by-closed-contact', 'by-live-contact', 'by-state-due'],
    live: 30,
    closed: 30,
  });
  const looked = await api('people.lookup', { emails: ['p7@acme.example'], linkedinIds: [], profiles: [] });
  expect(looked.cards[0]?.followUp?.id).toBe('f7-live');
  expect(layout.names).not.toContain('touches');
  expect(layout.logs).toHaveLength(30);
  expect(layout.logs.every((l) => l.size === 40 && l.ordered && l.sellers.join() === 'colleague,me')).toBe(true);
  const exported = await api('data.export', {});
  expect(new Set(exported.touches.map((t) => t.id)).size).toBe(1_200);
  // Imported before, so importing the same rows again would skip them: the basis lists them all.
  const basis = await api('import.basis', {});
  expect('importedTouches' in basis ? basis.importedTouches : []).toHaveLength(1_200);
});
