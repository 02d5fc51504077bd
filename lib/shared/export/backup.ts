import { z } from 'zod';
import { DataSet, RECORD_SCHEMAS } from '@/lib/shared/model';

// Backups are made and restored in extension pages, whose CSP forbids `new Function`: tell
// zod up front (as the protocol does) rather than let it probe and log a CSP error.
z.config({ jitless: true });

export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_VERSION = 1;

/**
 * The stores a backup holds, in the order they are written and restored (records a later
 * store points to come first). Their schemas are the model's `DataSet`.
 */
export const BACKUP_STORES = ['sellers', 'accounts', 'contacts', 'touches', 'purchases', 'followUps'] as const;
export type BackupStore = (typeof BACKUP_STORES)[number];

export const BACKUP_SCHEMAS = RECORD_SCHEMAS;

/** A backup's data is the store's data set: one schema for both. */
export const BackupData = DataSet;
export type BackupData = DataSet;

/** The file: a stable, versioned envelope, so a later Rapport can tell what it is reading. */
export interface BackupEnvelope {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the backup was made, ms since the epoch. */
  exportedAt: number;
  data: BackupData;
}

/**
 * The full backup as JSON text. Indented, one record per few lines, so a person can read it
 * and a restore can report a bad record by its line.
 */
export function toBackupJson(data: BackupData, exportedAt: number): string {
  const ordered = Object.fromEntries(BACKUP_STORES.map((store) => [store, data[store]])) as BackupData;
  const envelope: BackupEnvelope = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, data: ordered };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}
