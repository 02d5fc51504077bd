// An experiment, not a scenario: `npx tsx test/bench/experiments/record-cost.ts` (about a minute).
// The least the contacts import's writes can cost in Rapport's service worker: 10,000 contacts
// and 10,000 follow-ups, records shaped and indexed as Rapport's (four and three indexes), put
// with plain IndexedDB after 10,000 of each are stored, then variations. On this machine
// (session 11, Chromium 156, 2 cores), three runs: 10,000 contacts 0.86-1.14 s, 10,000 follow-ups
// 1.01-1.13 s (issuing the puts 0.2-0.25 s of it), through idb 1.15-1.22 s; without indexes
// 0.52-0.70 s each. The two stores in two transactions at once 2.0-2.2 s (in one transaction,
// tried first, 2.35-2.5 s), relaxed durability no different, small records barely cheaper,
// 2 KB records dearer, and the 10,000 contacts as one record 0.03-0.05 s: the cost is per
// request, about 100 µs each with Rapport's indexes. So 20,000 records are 2.0-2.2 s here
// whatever the code around them.
// Session 12 added `nobycontact`: the follow-ups without their `by-contact` index (three runs
// each, interleaved): 10,000 follow-ups 0.98-1.11 s against 1.19-1.42 s with it (through idb
// 1.01-1.19 s against 1.19-1.32 s). That index is the one whose entries a live follow-up
// shares with `by-live-contact`. Session 13 dropped it (schema v8: closed follow-ups are found
// by `closedFor`); the variant stays to measure the difference again.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { launch } from '../../e2e/launch';
const IDB = readFileSync('node_modules/idb/build/index.js', 'utf8').replace(
  'export { deleteDB, openDB, unwrap, wrap };',
  'return { openDB, wrap, unwrap };',
);

const script = (variant: string) => `(async () => {
  await new Promise((r) => { const d = indexedDB.deleteDatabase('rc'); d.onsuccess = d.onerror = r; });
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('rc', 1);
    r.onupgradeneeded = () => {
      const c = r.result.createObjectStore('contacts', { keyPath: 'id' });
      ${
        variant === 'noindex'
          ? ''
          : `c.createIndex('by-email', 'emails', { multiEntry: true, unique: true });
      c.createIndex('by-linkedin', 'linkedinUrl', { unique: true });
      c.createIndex('by-account', 'accountId');
      c.createIndex('by-owner', 'ownerId');`
      }
      const f = r.result.createObjectStore('followUps', { keyPath: 'id' });
      ${
        variant === 'noindex'
          ? ''
          : `f.createIndex('by-state-due', ['state', 'due']);
      ${variant === 'nobycontact' ? '' : "f.createIndex('by-contact', 'contactId');"}
      f.createIndex('by-live-contact', 'liveFor', { unique: true });`
      }
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const done = (tx) => new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); tx.onabort = () => rej(tx.error); });
  const contact = (i, p) => ({ id: p + 'c' + i + '-' + crypto.randomUUID(), name: 'Imp' + i + ' Person', emails: [p + 'imp' + i + '@import' + (i % 500) + '.example'], accountId: 'a' + (i % 500), ownerId: 'me', title: 'Buyer', lifecycle: 'customer', source: 'import', importId: 'x', createdAt: 1.7e12, updatedAt: 1.7e12 });
  const fu = (c) => ({ id: crypto.randomUUID(), contactId: c.id, due: '2026-12-20', kind: 'email', reason: { code: 'first-touch', params: { days: 14 } }, state: 'open', liveFor: c.id, createdAt: 1.7e12 });
  const put = async (store, recs, parts) => {
    const t = performance.now();
    let issue = 0;
    const per = Math.ceil(recs.length / parts);
    for (let p = 0; p < parts; p++) {
      const tx = db.transaction(store, 'readwrite');
      const s = tx.objectStore(store);
      const i0 = performance.now();
      for (const r of recs.slice(p * per, (p + 1) * per)) s.put(r);
      issue += performance.now() - i0;
      await done(tx);
    }
    return Math.round(performance.now() - t) + ' (issue ' + Math.round(issue) + ')';
  };
  const seedC = Array.from({ length: 10000 }, (_, i) => contact(i, 's'));
  const out = { variant: '${variant}' };
  out.seedContacts = await put('contacts', seedC, 2);
  out.seedFollowUps = await put('followUps', seedC.map(fu), 2);
  const newC = Array.from({ length: 10000 }, (_, i) => contact(i, 'n'));
  out.contacts10k = await put('contacts', newC, 2);
  out.followUps10k = await put('followUps', newC.map(fu), 20);
  let t = performance.now();
  const tx = db.transaction('contacts'); const all = await new Promise((r) => { const q = tx.objectStore('contacts').getAll(); q.onsuccess = () => r(q.result); });
  out.getAll20k = Math.round(performance.now() - t);
  const newC2 = Array.from({ length: 10000 }, (_, i) => contact(i, 'm'));
  t = performance.now();
  const tc = db.transaction('contacts', 'readwrite'); for (const c of newC2) tc.objectStore('contacts').put(c);
  const tf = db.transaction('followUps', 'readwrite'); for (const c of newC2) tf.objectStore('followUps').put(fu(c));
  await Promise.all([done(tc), done(tf)]);
  out.concurrent = Math.round(performance.now() - t);
  const idb = (() => { ${IDB} })();
  const wdb = idb.wrap(db);
  const newC4 = Array.from({ length: 10000 }, (_, i) => contact(i, 'w'));
  t = performance.now();
  const wt = wdb.transaction('followUps', 'readwrite');
  const writes = [];
  const i0 = performance.now();
  for (const c of newC4) writes.push(wt.objectStore('followUps').put(fu(c)));
  const wissue = performance.now() - i0;
  await Promise.all(writes); await wt.done;
  out.idbFollowUps = Math.round(performance.now() - t) + ' (issue ' + Math.round(wissue) + ')';
  const newC3 = Array.from({ length: 10000 }, (_, i) => contact(i, 'r'));
  t = performance.now();
  const rc = db.transaction('contacts', 'readwrite', { durability: 'relaxed' }); for (const c of newC3) rc.objectStore('contacts').put(c);
  await done(rc);
  out.relaxedContacts = Math.round(performance.now() - t);
  const small = Array.from({ length: 10000 }, (_, i) => ({ id: 'q' + i, emails: ['q' + i + '@x.example'], accountId: 'a' + (i % 500) }));
  t = performance.now();
  const sc = db.transaction('contacts', 'readwrite'); for (const c of small) sc.objectStore('contacts').put(c);
  await done(sc);
  out.smallContacts = Math.round(performance.now() - t);
  const big = Array.from({ length: 10000 }, (_, i) => ({ ...contact(i, 'b'), notes: 'x'.repeat(2000) }));
  t = performance.now();
  const bc = db.transaction('contacts', 'readwrite'); for (const c of big) bc.objectStore('contacts').put(c);
  await done(bc);
  out.bigContacts = Math.round(performance.now() - t);
  const one = Array.from({ length: 10000 }, (_, i) => contact(i, 'o'));
  t = performance.now();
  const oc = db.transaction('contacts', 'readwrite'); oc.objectStore('contacts').put({ id: 'bundle', all: one });
  await done(oc);
  out.oneRecordOf10k = Math.round(performance.now() - t);
  db.close();
  return out;
})()`;

const { context, worker } = await launch(mkdtempSync(path.join(os.tmpdir(), 'rc-')));
for (const v of ['indexes', 'noindex', 'nobycontact', 'indexes', 'nobycontact'])
  console.log(JSON.stringify(await worker.evaluate(script(v))));
await context.close();
