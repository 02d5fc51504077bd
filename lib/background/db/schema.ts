import type { DBSchema } from 'idb';
import type { Account, Contact, DataSet, FollowUp, Purchase, Seller, Settings } from '@/lib/shared/model';
import type { ContactSummary } from '@/lib/shared/relationship/summary';
import type { TouchLog } from './touch-logs';

export const DB_NAME = 'rapport';

/** How the seller left the sidebar on a site. */
export interface SidebarPrefs {
  collapsed: boolean;
}

/**
 * CRM owners an import could not match to the seller, kept until the seller says which one
 * they are (or none), so the question survives leaving the page.
 */
export interface OwnerQuestion {
  owners: { sellerId: string; rows: number }[];
  at: number;
}

/** Contacts an import wrote records for and whose follow-ups are still to be planned again. */
export interface ReplanQueue {
  contactIds: string[];
}

/** What the page readers last said: which of them found nothing where the site should show something. */
export interface HealthReport {
  site: 'gmail' | 'linkedin';
  failed: string[];
  at: number;
}

/** A contact the seller deleted, with everything deleted with them, until they undo it. */
export interface DeletedContact {
  deletedAt: number;
  data: DataSet;
}

/**
 * The store's shape at the newest version. Index names say what they look up.
 */
export interface RapportDB extends DBSchema {
  sellers: { key: string; value: Seller; indexes: { 'by-email': string } };
  accounts: {
    key: string;
    value: Account;
    indexes: { 'by-domain': string; 'by-linkedin-company': string; 'by-name': string };
  };
  contacts: {
    key: string;
    value: Contact;
    indexes: { 'by-email': string; 'by-linkedin': string; 'by-account': string; 'by-owner': string };
  };
  /** Each contact's touches in one record (touch-logs.ts); there is no store of single touches since v7. */
  touchLogs: {
    key: string;
    value: TouchLog;
    indexes: { 'by-account': string; 'by-seller': string; 'by-size': number; 'by-imported': string };
  };
  purchases: { key: string; value: Purchase; indexes: { 'by-account-at': [string, number] } };
  followUps: {
    key: string;
    value: FollowUp;
    indexes: { 'by-state-due': [string, string]; 'by-live-contact': string; 'by-closed-contact': string };
  };
  /**
   * Single records by name: `settings`, `health` (the last page-reader report), `sidebar:<site>`,
   * `owner-question` (owners waiting for "which one is you?"), `replan` (contacts an import's
   * parts wrote for, until its settle plans them), `undo:<contact id>` (a deleted contact, to restore),
   * `view:<version>:<name>` (the dashboard's last answer of a view, views.ts).
   */
  meta: { key: string; value: Settings | HealthReport | SidebarPrefs | OwnerQuestion | ReplanQueue | DeletedContact };
  /**
   * Derived, one per contact with something to say: what trust and next touch need, kept
   * current on every write so the sidebar and popup never read a contact's touches. None is
   * stored for a contact with no touch and no closed follow-up (isEmptySummary); one missing
   * for a contact with touches, or of an older `version`, is rebuilt from them. Not part of backups.
   */
  summaries: { key: string; value: ContactSummary };
  /**
   * Team sync's own bookkeeping (sync/replicate.ts), not part of backups: `doc:<document id>` →
   * the revision and shared fields of a contact, account or seller as the team's server last
   * had them; `have:<n>` → ids of touches and purchases the server holds (they never change).
   */
  team: { key: string; value: TeamDocState | string[] };
}

/** A changeable record as the team's server last had it: its revision, its shared fields as JSON. */
export interface TeamDocState {
  rev: string;
  json: string;
}

/** The kinds of record a data set (a backup, an import, a write) holds, each a store but touches. */
export type StoreName = 'sellers' | 'accounts' | 'contacts' | 'touches' | 'purchases' | 'followUps';
export const DATA_STORES: readonly StoreName[] = [
  'sellers',
  'accounts',
  'contacts',
  'touches',
  'purchases',
  'followUps',
];
/** The stores holding a data set, for a transaction's scope: touches are kept in their contacts' logs. */
export const DATA_SCOPE = ['sellers', 'accounts', 'contacts', 'touchLogs', 'purchases', 'followUps'] as const;
/** A transaction over the data and `meta`, as every write of a data set takes. */
export type WriteScope = ('meta' | (typeof DATA_SCOPE)[number])[];
