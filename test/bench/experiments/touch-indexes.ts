import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../../e2e/launch';

// An experiment, not a scenario: `npx tsx test/bench/experiments/touch-indexes.ts` (a few minutes).
// What a record per touch costs in Rapport's service worker, by the indexes it carries: 200,000
// touches seeded in parts of 10,000, then 100,000 more in parts of 5,000 (an import), with the
// four indexes touches had until v7, two, one and none, each with default and relaxed durability.
// On this machine (session 9): 100,000 touches took 17.4-17.9 s with four indexes, 14.7-14.8 s
// with one, 9.1-9.8 s with none; durability made no difference. The records themselves, not
// only their index entries, cost 60-90 µs each: what made touches move into per-contact logs.

const variant = (name: string, indexes: string, durability: string) => `(async () => {
  await new Promise((r) => { const d = indexedDB.deleteDatabase('ix-${name}'); d.onsuccess = d.onerror = r; });
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('ix-${name}', 1);
    r.onupgradeneeded = () => { const touches = r.result.createObjectStore('touches', { keyPath: 'id' }); ${indexes} };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const done = (tx) => new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); tx.onabort = () => rej(tx.error); });
  const touch = (c, n) => ({ id: crypto.randomUUID(), contactId: 'c' + c, accountId: 'a' + (c % 1000), sellerId: 'me', kind: 'email', direction: n % 2 ? 'inbound' : 'outbound', at: 1.7e12 + n * 3.6e6, source: 'imported', sourceId: 'import:crm:' + c + ':' + n, summary: 'Subject ' + n, importId: 'imp' });
  let t = performance.now();
  for (let p = 0; p < 20; p++) {
    const tx = db.transaction('touches', 'readwrite', { durability: '${durability}' });
    for (let c = p * 500; c < (p + 1) * 500; c++) for (let n = 0; n < 20; n++) tx.objectStore('touches').put(touch(c, n));
    await done(tx);
  }
  const seed = performance.now() - t;
  t = performance.now();
  for (let p = 0; p < 20; p++) {
    const tx = db.transaction('touches', 'readwrite', { durability: '${durability}' });
    for (let k = 0; k < 5000; k++) { const c = (p * 5000 + k) % 10000; tx.objectStore('touches').put(touch(c, 20 + Math.floor((p * 5000 + k) / 10000))); }
    await done(tx);
  }
  const apply = performance.now() - t;
  db.close();
  indexedDB.deleteDatabase('ix-${name}');
  return { name: '${name}', durability: '${durability}', seedMs: Math.round(seed), applyMs: Math.round(apply) };
})()`;

const FOUR = `touches.createIndex('by-contact-at', ['contactId', 'at']); touches.createIndex('by-account-at', ['accountId', 'at']); touches.createIndex('by-source', ['sourceId', 'contactId'], { unique: true }); touches.createIndex('by-seller', 'sellerId');`;
const TWO = `touches.createIndex('by-contact-at', ['contactId', 'at']); touches.createIndex('by-source', ['sourceId', 'contactId'], { unique: true });`;
const ONE = `touches.createIndex('by-contact-at', ['contactId', 'at']);`;
const { context, worker } = await launch(mkdtempSync(path.join(os.tmpdir(), 'ix-')));
for (const [name, ix] of [
  ['four', FOUR],
  ['two', TWO],
  ['one', ONE],
  ['none', ''],
] as const) {
  for (const d of ['default', 'relaxed']) console.log(JSON.stringify(await worker.evaluate(variant(name, ix, d))));
}
await context.close();
