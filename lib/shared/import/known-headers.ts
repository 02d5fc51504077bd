import { ACTIVITY_SYNONYMS, CONTACT_SYNONYMS, headerKey, PURCHASE_SYNONYMS } from './fields';

// Every header any mapping knows, plus LinkedIn's own columns: what a header row looks like.
const KNOWN = new Set<string>([
  ...Object.values(CONTACT_SYNONYMS).flat(),
  ...Object.values(ACTIVITY_SYNONYMS).flat(),
  ...Object.values(PURCHASE_SYNONYMS).flat(),
  'url',
  'connectedon',
  'recordid',
  'middlename',
]);

/** True when a cell reads like a column header that an import recognises. */
export const knownHeader = (cell: string): boolean => KNOWN.has(headerKey(cell));
