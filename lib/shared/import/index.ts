export { type BackupRestore, parseBackup } from './backup';
export { type BatchOptions, type BatchOutcome, readInBatches } from './batches';
export type { Imported } from './book';
export { applyMerge, diffRecord, type MergeChange, revertMerge } from './changes';
export { type ClaimResult, claimedContact, claimedMe, claimedTouch, claimSeller } from './claim';
export { companyKey, domainCompanyKey, personKey } from './companies';
export { type CsvOptions, type CsvReader, type CsvRow, openCsv } from './csv';
export { type DateOrder, inferDateOrder, parseDate } from './dates';
export { decodeFile } from './decode';
export type {
  ActivityDraft,
  ContactDraft,
  MappedRow,
  MappedRows,
  PersonRef,
  PurchaseDraft,
  RowError,
  RowErrorCode,
} from './drafts';
export { type ExistingRecords, indexRecords, purchaseKey, type RecordLists } from './existing';
export {
  ACTIVITY_FIELDS,
  type ActivityField,
  CONTACT_FIELDS,
  type ContactField,
  type ImportKind,
  PURCHASE_FIELDS,
  type PurchaseField,
} from './fields';
export {
  type ActivityMapping,
  type Columns,
  type ContactMapping,
  type GuessOptions,
  guessMapping,
  type Mapping,
  missingFields,
  type PurchaseMapping,
  type SourceFormat,
} from './mapping';
export type { MeInSettings, OwnerSummary } from './owners';
export { createPlanner, type ImportCounts, type ImportPlan, type ImportPlanner, type PlanContext } from './planner';
export { mapRow } from './rows';
export { type ImportUndo, planUndo, type UndoSteps, undoRecord } from './undo';
export { parseVCards } from './vcard';
