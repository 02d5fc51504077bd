import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../../e2e/launch';

// An experiment, not a scenario: `npx tsx test/bench/experiments/touch-logs.ts` (about 30 s).
// What the store shape the README proposes for touches would cost: each contact's touches kept
// in one record (a log), measured in Rapport's own service worker on this machine. It seeds
// 10,000 logs of 20 touches (the bench store's 200,000), then imports 100,000 activities as the
// import would (read each contact's log, drop what it holds already by source, append, write),
// in parts of 1,000 contacts, then reads every log once as planning would. Today's shape takes
// 12.9-13.7 s for the same 100,000 touches (README, session 7).

const code = `(async () => {
  const open = () => new Promise((resolve, reject) => {
    const r = indexedDB.open('log-floor', 1);
    r.onupgradeneeded = () => {
      const logs = r.result.createObjectStore('logs', { keyPath: 'contactId' });
      logs.createIndex('by-account', 'accountId');
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const db = await open();
  const done = (tx) => new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); tx.onabort = () => rej(tx.error); });
  const touch = (c, n) => ({ id: crypto.randomUUID(), contactId: 'c' + c, accountId: 'a' + (c % 1000), sellerId: 'me', kind: 'email', direction: n % 2 ? 'inbound' : 'outbound', at: 1.7e12 + n * 3.6e6, source: 'imported', sourceId: 'crm:' + c + ':' + n, summary: 'Subject ' + n, importId: 'imp' });
  // 10,000 contacts with 20 touches each (the bench store's 200,000).
  let t = performance.now();
  for (let p = 0; p < 10; p++) {
    const tx = db.transaction('logs', 'readwrite');
    for (let c = p * 1000; c < (p + 1) * 1000; c++) tx.objectStore('logs').put({ contactId: 'c' + c, accountId: 'a' + (c % 1000), touches: Array.from({ length: 20 }, (_, n) => touch(c, n)) });
    await done(tx);
  }
  const seed = performance.now() - t;
  // An import of 100,000 activities: 10 more per contact, in parts of 1,000 contacts.
  t = performance.now();
  for (let p = 0; p < 10; p++) {
    const tx = db.transaction('logs', 'readwrite');
    const store = tx.objectStore('logs');
    const ids = Array.from({ length: 1000 }, (_, k) => 'c' + (p * 1000 + k));
    const logs = await Promise.all(ids.map((id) => new Promise((res) => { const r = store.get(id); r.onsuccess = () => res(r.result); })));
    logs.forEach((log, k) => {
      const c = p * 1000 + k;
      const seen = new Set(log.touches.map((x) => x.sourceId));
      for (let n = 20; n < 30; n++) { const x = touch(c, n); if (!seen.has(x.sourceId)) log.touches.push(x); }
      store.put(log);
    });
    await done(tx);
  }
  const apply = performance.now() - t;
  // Planning reads every log once.
  t = performance.now();
  const all = await new Promise((res) => { const r = db.transaction('logs').objectStore('logs').getAll(); r.onsuccess = () => res(r.result); });
  const read = performance.now() - t;
  db.close();
  indexedDB.deleteDatabase('log-floor');
  return { seedMs: Math.round(seed), applyMs: Math.round(apply), readAllMs: Math.round(read), logs: all.length, touches: all.reduce((s, l) => s + l.touches.length, 0) };
})()`;

const { context, worker } = await launch(mkdtempSync(path.join(os.tmpdir(), 'log-floor-')));
for (let run = 0; run < 2; run++) console.log(JSON.stringify(await worker.evaluate(code)));
await context.close();
