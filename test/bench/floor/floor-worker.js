// The floor's worker: one database, opened once; one read-only transaction per question.
let opened;
function database() {
  opened ??= new Promise((resolve, reject) => {
    const open = indexedDB.open('floor', 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('contacts', { keyPath: 'id' }).createIndex('by-email', 'emails', { multiEntry: true });
      db.createObjectStore('touches', { keyPath: 'id' }).createIndex('by-contact-at', ['contactId', 'at']);
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  return opened;
}

async function card(email) {
  const db = await database();
  const tx = db.transaction(['contacts', 'touches']);
  const contact = await new Promise((resolve) => {
    const get = tx.objectStore('contacts').index('by-email').get(email);
    get.onsuccess = () => resolve(get.result);
  });
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
  const first = await new Promise((resolve) => {
    const get = db.transaction('contacts').objectStore('contacts').getAll(null, 20);
    get.onsuccess = () => resolve(get.result);
  });
  return first.map((contact) => ({ name: contact.name, due: '2026-11-02' }));
}

/** The bench's seeding, from the floor's own page (seed.html): records put as given. */
async function seed({ contacts = [], touches = [] }) {
  const db = await database();
  const tx = db.transaction(['contacts', 'touches'], 'readwrite');
  for (const c of contacts) tx.objectStore('contacts').put(c);
  for (const t of touches) tx.objectStore('touches').put(t);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  return true;
}

chrome.runtime.onMessage.addListener((message, _sender, respond) => {
  if (message?.floor === 'card') card(message.email).then(respond, () => respond(null));
  else if (message?.floor === 'today') today().then(respond, () => respond([]));
  else if (message?.floor === 'seed') seed(message).then(respond, (e) => respond(String(e)));
  else return false;
  return true;
});
