import type { TouchKind } from '@/lib/shared/model';
import { CONTACT_CSV_HEADERS } from '@/lib/shared/export/csv';
import { type DateOrder, inferDateOrder } from './dates';
import {
  ACTIVITY_FIELDS,
  ACTIVITY_SYNONYMS,
  type ActivityField,
  CONTACT_FIELDS,
  CONTACT_SYNONYMS,
  type ContactField,
  headerKey,
  type ImportKind,
  looseField,
  PURCHASE_FIELDS,
  PURCHASE_SYNONYMS,
  type PurchaseField,
} from './fields';

/** Which product a file looks like it came from; it sets the defaults, the seller can correct them. */
export type SourceFormat = 'hubspot' | 'salesforce' | 'pipedrive' | 'google' | 'linkedin' | 'rapport' | 'generic';

/** Each field → the index of its column, or null for none. */
export type Columns<F extends string> = Record<F, number | null>;

interface MappingBase {
  format: SourceFormat;
  /** How to read `01/02/2024`. Dotted dates are always day first, named months never ambiguous. */
  dateOrder: DateOrder;
  /** Whether `1,5` means one and a half (European sheets) rather than fifteen hundred-odd. */
  decimalComma: boolean;
}
export interface ContactMapping extends MappingBase {
  kind: 'contacts';
  columns: Columns<ContactField>;
}
export interface ActivityMapping extends MappingBase {
  kind: 'activities';
  columns: Columns<ActivityField>;
  /** For files of one kind of activity with no type column ("all rows are calls"). */
  defaultKind?: TouchKind;
}
export interface PurchaseMapping extends MappingBase {
  kind: 'purchases';
  columns: Columns<PurchaseField>;
  /** For amounts without a currency column or symbol. */
  defaultCurrency?: string;
}
export type Mapping = ContactMapping | ActivityMapping | PurchaseMapping;

export interface GuessOptions {
  /** Force the kind of file; otherwise it is guessed from the headers. */
  kind?: ImportKind;
  /** A few data rows: dates like `25/03/2024` there settle the day/month order. */
  sampleRows?: readonly (readonly string[])[];
  /** The file's separator: `;` files come from European Excel, with day-first dates and decimal commas. */
  delimiter?: string;
}

/** The seller sees this guess and may correct any column; confirming it as is imports everything. */
export function guessMapping(headers: readonly string[], options: GuessOptions & { kind: 'contacts' }): ContactMapping;
export function guessMapping(
  headers: readonly string[],
  options: GuessOptions & { kind: 'activities' },
): ActivityMapping;
export function guessMapping(
  headers: readonly string[],
  options: GuessOptions & { kind: 'purchases' },
): PurchaseMapping;
export function guessMapping(headers: readonly string[], options?: GuessOptions): Mapping;
export function guessMapping(headers: readonly string[], options: GuessOptions = {}): Mapping {
  const keys = headers.map(headerKey);
  const format = detectFormat(headers, keys);
  const european = options.delimiter === ';';
  const kind = options.kind ?? guessKind(keys);
  const columns = mapColumns(kind, keys, format);
  // Contacts have one date, when they became a customer: its samples settle the order too.
  const dateColumn =
    kind === 'contacts' ? (columns as Columns<ContactField>).customerSince : (columns as Columns<'date'>).date;
  const fallbackOrder: DateOrder = european ? 'dmy' : 'mdy';
  const dates = dateColumn === null ? [] : (options.sampleRows ?? []).map((row) => row[dateColumn] ?? '');
  const base = { format, dateOrder: inferDateOrder(dates, fallbackOrder), decimalComma: european };
  return { ...base, kind, columns } as Mapping;
}

/** What the mapping still needs before rows can import; empty when it is complete. */
export function missingFields(mapping: Mapping): string[] {
  const has = (column: number | null | undefined) => column !== null && column !== undefined;
  const missing: string[] = [];
  if (mapping.kind === 'contacts') {
    const c = mapping.columns;
    if (![c.email, c.email2, c.email3, c.linkedin].some(has)) missing.push('email-or-linkedin');
  } else if (mapping.kind === 'activities') {
    const c = mapping.columns;
    if (!has(c.date)) missing.push('date');
    if (!has(c.contactEmail) && !has(c.contactLinkedin)) missing.push('contact');
    if (!has(c.type) && !mapping.defaultKind) missing.push('type');
  } else {
    const c = mapping.columns;
    if (!has(c.date)) missing.push('date');
    if (!has(c.amount)) missing.push('amount');
    if (!has(c.account) && !has(c.contactEmail)) missing.push('account-or-contact');
  }
  return missing;
}

function detectFormat(headers: readonly string[], keys: readonly string[]): SourceFormat {
  const has = (...wanted: string[]) => wanted.every((k) => keys.includes(k));
  const any = (...wanted: string[]) => wanted.some((k) => keys.includes(k));
  if (headers.length === CONTACT_CSV_HEADERS.length && headers.every((h, i) => h === CONTACT_CSV_HEADERS[i])) {
    return 'rapport';
  }
  if (has('connectedon') && any('url', 'emailaddress')) return 'linkedin';
  if (any('email1value', 'email1label', 'email1type', 'fileas', 'organization1name')) return 'google';
  if (headers.some((h) => /^(Person|Organization|Deal|Activity) - /.test(h.trim()))) return 'pipedrive';
  if (has('recordid') && any('contactowner', 'lifecyclestage', 'leadstatus', 'createdate', 'associatedcompany')) {
    return 'hubspot';
  }
  if (
    any('contactid', 'mailingstreet', 'mailingcity', 'mailingcountry', 'leadsource', 'ownerid', 'accountid') ||
    has('contactowner', 'accountname')
  ) {
    return 'salesforce';
  }
  return 'generic';
}

function guessKind(keys: readonly string[]): ImportKind {
  const purchase = mapColumns('purchases', keys, 'generic') as Columns<PurchaseField>;
  if (
    purchase.amount !== null &&
    purchase.date !== null &&
    (purchase.account !== null || purchase.contactEmail !== null)
  )
    return 'purchases';
  const activity = mapColumns('activities', keys, 'generic') as Columns<ActivityField>;
  const saysWhat = activity.type !== null || activity.subject !== null || activity.direction !== null;
  const saysWho = activity.contactEmail !== null || activity.contactLinkedin !== null;
  if (activity.date !== null && saysWhat && saysWho) return 'activities';
  return 'contacts';
}

/** Extra header keys that mean a field only in one product's files. */
const FORMAT_EXTRAS: Partial<Record<SourceFormat, Partial<Record<ContactField, readonly string[]>>>> = {
  // LinkedIn's URL column is the profile address; in other files "URL" is usually a website.
  linkedin: { linkedin: ['url'] },
};

function mapColumns(kind: ImportKind, keys: readonly string[], format: SourceFormat): Columns<string> {
  if (kind === 'contacts') {
    const order: ContactField[] = ['email', 'email2', 'email3', 'linkedin', 'fullName', 'firstName', 'lastName'];
    const rest = CONTACT_FIELDS.filter((f) => !order.includes(f));
    const columns = assign(keys, [...order, ...rest], CONTACT_SYNONYMS, FORMAT_EXTRAS[format] ?? {});
    return withLoose(columns, keys, { email: 'email', linkedin: 'linkedin' });
  }
  if (kind === 'activities') {
    const columns = assign(keys, ACTIVITY_FIELDS, ACTIVITY_SYNONYMS, {});
    return withLoose(columns, keys, { email: 'contactEmail', linkedin: 'contactLinkedin' });
  }
  return assign(keys, PURCHASE_FIELDS, PURCHASE_SYNONYMS, {});
}

function assign<F extends string>(
  keys: readonly string[],
  fields: readonly F[],
  synonyms: Record<F, readonly string[]>,
  extras: Partial<Record<F, readonly string[]>>,
): Columns<F> {
  const taken = new Set<number>();
  const columns = {} as Columns<F>;
  for (const field of fields) {
    columns[field] = null;
    for (const synonym of [...(extras[field] ?? []), ...synonyms[field]]) {
      const index = keys.findIndex((key, i) => key === synonym && !taken.has(i));
      if (index >= 0) {
        columns[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return columns;
}

function withLoose<F extends string>(
  columns: Columns<F>,
  keys: readonly string[],
  targets: { email: F; linkedin: F },
): Columns<F> {
  const taken = new Set(Object.values<number | null>(columns).filter((c): c is number => c !== null));
  keys.forEach((key, index) => {
    const field = looseField(key);
    if (!field || taken.has(index) || columns[targets[field]] !== null) return;
    columns[targets[field]] = index;
    taken.add(index);
  });
  return columns;
}
