import { describe, expect, it } from 'vitest';
import { putEach } from '@/lib/background/db/put-each';

/** A fresh store keyed by `id`, with a unique index on `email`, as the contacts store has. */
async function openStore(): Promise<IDBDatabase> {
  const name = `put-each-${crypto.randomUUID()}`;
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () =>
      open.result.createObjectStore('people', { keyPath: 'id' }).createIndex('by-email', 'email', { unique: true });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

const ended = (tx: IDBTransaction) =>
  new Promise<'complete' | 'abort'>((resolve) => {
    tx.oncomplete = () => resolve('complete');
    tx.onabort = () => resolve('abort');
  });

const count = (db: IDBDatabase) =>
  new Promise<number>((resolve) => {
    const request = db.transaction('people').objectStore('people').count();
    request.onsuccess = () => resolve(request.result);
  });

const named = (record: { id: string }, error: unknown) =>
  new Error(`people record ${record.id}: ${(error as DOMException | null)?.name}`);

describe('putEach: many puts, one promise', () => {
  it('resolves once every record is stored', async () => {
    const db = await openStore();
    const tx = db.transaction('people', 'readwrite');
    const people = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, email: `p${i}@acme.example` }));
    await putEach(tx.objectStore('people'), people, named);
    expect(await ended(tx)).toBe('complete');
    expect(await count(db)).toBe(300);
  });

  it('resolves at once for no records, and the transaction still commits', async () => {
    const db = await openStore();
    const tx = db.transaction('people', 'readwrite');
    await putEach(tx.objectStore('people'), [], named);
    expect(await ended(tx)).toBe('complete');
  });

  it('names the first record refused (a unique clash), and none of the batch is stored', async () => {
    const db = await openStore();
    const tx = db.transaction('people', 'readwrite');
    const people = [
      { id: 'a', email: 'same@acme.example' },
      { id: 'b', email: 'other@acme.example' },
      { id: 'c', email: 'same@acme.example' },
      { id: 'd', email: 'same@acme.example' },
    ];
    const outcome = ended(tx);
    await expect(putEach(tx.objectStore('people'), people, named)).rejects.toThrow('people record c: ConstraintError');
    expect(await outcome).toBe('abort');
    expect(await count(db)).toBe(0);
  });

  it("without `describe`, rejects with the browser's own error", async () => {
    const db = await openStore();
    const tx = db.transaction('people', 'readwrite');
    const people = [
      { id: 'a', email: 'same@acme.example' },
      { id: 'b', email: 'same@acme.example' },
    ];
    await expect(putEach(tx.objectStore('people'), people)).rejects.toMatchObject({ name: 'ConstraintError' });
  });

  it('names a record that cannot be put at all (no key), without making the rest', async () => {
    const db = await openStore();
    const tx = db.transaction('people', 'readwrite');
    const people = [
      { id: 'a', email: 'a@acme.example' },
      { email: 'keyless@acme.example' } as unknown as { id: string; email: string },
    ];
    await expect(putEach(tx.objectStore('people'), people, named)).rejects.toThrow(
      'people record undefined: DataError',
    );
    tx.abort();
    expect(await count(db)).toBe(0);
  });
});
