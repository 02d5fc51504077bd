import { type IDBPDatabase, type IDBPTransaction, type StoreNames, unwrap } from 'idb';
import type { FollowUp, Touch } from '@/lib/shared/model';
import type { RapportDB } from './schema';
import { logOf } from './touch-logs';

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

    // Touches were single records until v7 (below), which moves them into per-contact logs.
    const touches = db.createObjectStore('touches' as never, { keyPath: 'id' });
    touches.createIndex('by-contact-at' as never, ['contactId', 'at']);
    touches.createIndex('by-account-at' as never, ['accountId', 'at']);
    // One record per (source, contact): reopening a thread can never store an e-mail twice.
    touches.createIndex('by-source' as never, ['sourceId', 'contactId'], { unique: true });
    // Dropped again at v5 (below); the steps stay as they ran, so older stores upgrade the same way.
    touches.createIndex('by-at' as never, 'at');

    db.createObjectStore('purchases', { keyPath: 'id' }).createIndex('by-account-at', ['accountId', 'at']);

    const followUps = db.createObjectStore('followUps', { keyPath: 'id' });
    followUps.createIndex('by-state-due', ['state', 'due']);
    followUps.createIndex('by-contact' as never, 'contactId');
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
    tx.objectStore('touches' as never).createIndex('by-seller' as never, 'sellerId');
  },
  // v5: touches no longer by time alone. Nothing looked them up that way, and every touch written
  // (a capture, an import of 100,000 activities, a teammate's history arriving) paid for the
  // index: one of five kept per touch.
  (_db, tx) => {
    tx.objectStore('touches' as never).deleteIndex('by-at');
  },
  // v6: what the team's server holds, as this browser last saw it (sync/replicate.ts), in place
  // of a second copy of every record in a PouchDB database of its own.
  (db) => {
    db.createObjectStore('team');
  },
  // v7: each contact's touches in one record (touch-logs.ts): an import of 100,000 activities
  // wrote 100,000 records and 400,000 index entries, at 60-90 µs each. The touches move here,
  // walking the old store by contact so one contact's touches are in memory at a time; the
  // old store goes once the walk is done. If the upgrade stops, it runs again from v6.
  (db, tx) => {
    const logs = db.createObjectStore('touchLogs', { keyPath: 'contactId' });
    logs.createIndex('by-account', 'accountIds', { multiEntry: true });
    logs.createIndex('by-seller', 'sellerIds', { multiEntry: true });
    logs.createIndex('by-size', 'size');
    logs.createIndex('by-imported', 'imported');
    const raw = unwrap(tx);
    const rawLogs = raw.objectStore('touchLogs');
    const walk = raw.objectStore('touches').index('by-contact-at').openCursor();
    let contactId: string | undefined;
    let touches: Touch[] = [];
    const flush = () => {
      const log = contactId === undefined ? undefined : logOf(contactId, touches);
      if (log) rawLogs.put(log);
    };
    walk.onsuccess = () => {
      const cursor = walk.result;
      if (!cursor) {
        flush();
        db.deleteObjectStore('touches' as never);
        return;
      }
      const touch = cursor.value as Touch;
      if (touch.contactId !== contactId) {
        flush();
        contactId = touch.contactId;
        touches = [];
      }
      touches.push(touch);
      cursor.continue();
    };
  },
  // v8: a contact's follow-ups by two sparse indexes, `liveFor` (live) and `closedFor` (closed),
  // in place of one on `contactId` that every follow-up paid a third index entry for. Each
  // follow-up is brought to that form (withContactKeys in lib/shared/model/followup.ts): closed
  // ones get `closedFor`; a live one whose `liveFor` is missing or names someone else (only a
  // hand-made data set could store one) takes its contact's live place if it is free, else is
  // dismissed. No request may fail inside the upgrade, so first every `liveFor` not in its place
  // is removed (the walk), then the homeless live ones are placed (after it).
  (_db, tx) => {
    const followUps = unwrap(tx).objectStore('followUps');
    followUps.deleteIndex('by-contact');
    followUps.createIndex('by-closed-contact', 'closedFor');
    const placed = new Set<string>();
    const homeless: FollowUp[] = [];
    const walk = followUps.openCursor();
    walk.onsuccess = () => {
      const cursor = walk.result;
      if (cursor) {
        const { liveFor, closedFor: _closedFor, ...rest } = cursor.value as FollowUp;
        const live = rest.state === 'open' || rest.state === 'snoozed';
        if (!live) cursor.update({ ...rest, closedFor: rest.contactId });
        else if (liveFor === rest.contactId) placed.add(liveFor);
        else {
          homeless.push(rest);
          cursor.update(rest);
        }
        cursor.continue();
        return;
      }
      const at = Date.now();
      for (const followUp of homeless) {
        const { snoozedUntil: _snooze, plannedDue: _staggered, ...rest } = followUp;
        if (placed.has(followUp.contactId)) {
          followUps.put({ ...rest, state: 'dismissed', closedFor: followUp.contactId, closedAt: at });
        } else {
          placed.add(followUp.contactId);
          followUps.put({ ...followUp, liveFor: followUp.contactId });
        }
      }
    };
  },
];

export const DB_VERSION = migrations.length;
