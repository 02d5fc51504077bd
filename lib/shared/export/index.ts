export {
  BACKUP_FORMAT,
  BACKUP_STORES,
  BACKUP_VERSION,
  BackupData,
  type BackupEnvelope,
  type BackupStore,
  toBackupJson,
} from './backup';
export { CONTACT_CSV_HEADERS, type ContactCsvContext, contactsToCsv } from './csv';
export { escapeFormula, startsFormula, unescapeFormula } from './formula';
export { linkedInProfileUrl } from './links';
export { contactsToVCard } from './vcard';
