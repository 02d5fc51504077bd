import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { RapportDB } from './schema';

type UpgradeTx = IDBPTransaction<RapportDB, StoreNames<RapportDB>[], 'versionchange'>;
export type Migration = (db: IDBPDatabase<RapportDB>, tx: UpgradeTx) => void;

/**
 * Append-only: step N upgrades version N-1 to N. Never edit a step that has shipped; add one.
 * A step runs inside the upgrade transaction, so it must not await anything but IndexedDB.
 */
export const migrations: readonly Migration[] = [
  // v1: the first schema.
  (db) => {
    db.createObjectStore('sellers', { keyPath: 'id' }).createIndex('by-email', 'emails', { multiEntry: true });

    const accounts = db.createObjectStore('accounts', { keyPath: 'id' });
    accounts.createIndex('by-domain', 'domains', { multiEntry: true });
    accounts.createIndex('by-linkedin-company', 'linkedinCompanyId');
    accounts.createIndex('by-name', 'name');

    const contacts = db.createObjectStore('contacts', { keyPath: 'id' });
    // Multi-entry: a contact is found by any of their addresses.
    contacts.createIndex('by-email', 'emails', { multiEntry: true, unique: true });
    contacts.createIndex('by-linkedin', 'linkedinId', { unique: true });
    contacts.createIndex('by-account', 'accountId');

    const touches = db.createObjectStore('touches', { keyPath: 'id' });
    touches.createIndex('by-contact-at', ['contactId', 'at']);
    touches.createIndex('by-account-at', ['accountId', 'at']);
    // One record per (source, contact): reopening a thread can never store an e-mail twice.
    touches.createIndex('by-source', ['sourceId', 'contactId'], { unique: true });
    // Dropped again at v5 (below); the steps stay as they ran, so older stores upgrade the same way.
    touches.createIndex('by-at' as never, 'at');

    db.createObjectStore('purchases', { keyPath: 'id' }).createIndex('by-account-at', ['accountId', 'at']);

    const followUps = db.createObjectStore('followUps', { keyPath: 'id' });
    followUps.createIndex('by-state-due', ['state', 'due']);
    followUps.createIndex('by-contact', 'contactId');
    // `liveFor` exists only on open or snoozed follow-ups: at most one live per contact.
    followUps.createIndex('by-live-contact', 'liveFor', { unique: true });

    db.createObjectStore('meta');
  },
  // v2: per-contact relationship summaries. Empty at first: each is built the first time its
  // contact is read or written (building them here would mean awaiting work inside the upgrade).
  (db) => {
    db.createObjectStore('summaries', { keyPath: 'contactId' });
  },
  // v3: contacts by CRM owner, so the popup can tell the seller's own follow-ups from the team's
  // by reading index keys instead of every contact.
  (_db, tx) => {
    tx.objectStore('contacts').createIndex('by-owner', 'ownerId');
  },
  // v4: touches by seller, so "that CRM owner is me" rewrites one owner's touches without
  // reading the others (an import can bring hundreds of thousands).
  (_db, tx) => {
    tx.objectStore('touches').createIndex('by-seller', 'sellerId');
  },
  // v5: touches no longer by time alone. Nothing looked them up that way, and every touch written
  // (a capture, an import of 100,000 activities, a teammate's history arriving) paid for the
  // index: one of five kept per touch.
  (_db, tx) => {
    tx.objectStore('touches').deleteIndex('by-at');
  },
  // v6: what the team's server holds, as this browser last saw it (sync/replicate.ts), in place
  // of a second copy of every record in a PouchDB database of its own.
  (db) => {
    db.createObjectStore('team');
  },
];

export const DB_VERSION = migrations.length;
