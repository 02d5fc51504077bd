// The floor's worker: one database, opened once; one read-only transaction per question.

/** A request's result (or its error) as a promise. */
function settle(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves once the transaction has committed. */
function committed(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
}

let opened;
function database() {
  if (!opened) {
    const open = indexedDB.open('floor', 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('contacts', { keyPath: 'id' }).createIndex('by-email', 'emails', { multiEntry: true });
      db.createObjectStore('touches', { keyPath: 'id' }).createIndex('by-contact-at', ['contactId', 'at']);
    };
    opened = settle(open);
  }
  return opened;
}

async function card(email) {
  const db = await database();
  const tx = db.transaction(['contacts', 'touches']);
  const contact = await settle(tx.objectStore('contacts').index('by-email').get(email));
  if (!contact) return null;
  const touches = [];
  await new Promise((resolve) => {
    const range = IDBKeyRange.bound([contact.id, 0], [contact.id, Number.MAX_SAFE_INTEGER]);
    const cursor = tx.objectStore('touches').index('by-contact-at').openCursor(range, 'prev');
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (at && touches.length < 20) {
        touches.push({ kind: at.value.kind, at: at.value.at, summary: at.value.summary });
        at.continue();
      } else resolve();
    };
  });
  return { name: contact.name, touches };
}

/** The popup's list at its least: the first 20 contacts by key, one request in one transaction. */
async function today() {
  const db = await database();
  const first = await settle(db.transaction('contacts').objectStore('contacts').getAll(null, 20));
  return first.map((contact) => ({ name: contact.name, due: '2026-11-02' }));
}

/**
 * The least an import of `count` contact rows must write: as many contacts and as many follow-ups,
 * indexed as Rapport indexes them, contacts in parts of 5,000 and follow-ups in transactions of
 * 500, each part's puts all sent before its commit is awaited. In a database of its own, made
 * and dropped here; answers the milliseconds the writes took.
 */
async function importFloor(count) {
  const name = 'floor-import';
  await settle(indexedDB.deleteDatabase(name));
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const contacts = open.result.createObjectStore('contacts', { keyPath: 'id' });
    contacts.createIndex('by-email', 'emails', { multiEntry: true, unique: true });
    contacts.createIndex('by-linkedin', 'linkedinId', { unique: true });
    contacts.createIndex('by-account', 'accountId');
    contacts.createIndex('by-owner', 'ownerId');
    const followUps = open.result.createObjectStore('followUps', { keyPath: 'id' });
    followUps.createIndex('by-state-due', ['state', 'due']);
    followUps.createIndex('by-live-contact', 'liveFor', { unique: true });
    followUps.createIndex('by-closed-contact', 'closedFor');
  };
  const db = await settle(open);
  const now = Date.now();
  const contacts = Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    name: `Imp${i} Person`,
    emails: [`imp${i}@import${i % 500}.example`],
    accountId: `account-${i % 500}`,
    ownerId: 'me',
    title: 'Buyer',
    status: 'customer',
    source: 'import',
    createdAt: now,
    updatedAt: now,
  }));
  const followUps = contacts.map((c) => ({
    id: crypto.randomUUID(),
    contactId: c.id,
    due: '2026-11-16',
    kind: 'introduce',
    reason: { code: 'never_two_way', params: {} },
    state: 'open',
    liveFor: c.id,
    createdAt: now,
  }));
  const started = performance.now();
  for (const [store, records, size] of [
    ['contacts', contacts, 5000],
    ['followUps', followUps, 500],
  ]) {
    for (let i = 0; i < records.length; i += size) {
      const tx = db.transaction(store, 'readwrite');
      for (const record of records.slice(i, i + size)) tx.objectStore(store).put(record);
      await committed(tx);
    }
  }
  const ms = performance.now() - started;
  db.close();
  await settle(indexedDB.deleteDatabase(name));
  return ms;
}

/** The bench's seeding, from the floor's own page (seed.html): records put as given. */
async function seed({ contacts = [], touches = [] }) {
  const db = await database();
  const tx = db.transaction(['contacts', 'touches'], 'readwrite');
  for (const c of contacts) tx.objectStore('contacts').put(c);
  for (const t of touches) tx.objectStore('touches').put(t);
  await committed(tx);
  return true;
}

chrome.runtime.onMessage.addListener((message, _sender, respond) => {
  if (message?.floor === 'card') card(message.email).then(respond, () => respond(null));
  else if (message?.floor === 'today') today().then(respond, () => respond([]));
  else if (message?.floor === 'import') importFloor(message.count).then(respond, (e) => respond(String(e)));
  else if (message?.floor === 'seed') seed(message).then(respond, (e) => respond(String(e)));
  else return false;
  return true;
});
