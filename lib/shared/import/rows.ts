import { Currency, IMPORTED_SOURCE } from '@/lib/shared/model';
import { registrableDomain } from '@/lib/shared/domains';
import { parseAmount } from './amounts';
import {
  cleanCell,
  clip,
  defaultDirection,
  linkedInIdFrom,
  normaliseEmail,
  parseDirection,
  parseKind,
  parseStatus,
  personRef,
  splitEmails,
} from './cells';
import type { CsvRow } from './csv';
import { parseDate } from './dates';
import {
  type ActivityDraft,
  type ContactDraft,
  type MappedRow,
  oneLine,
  type PurchaseDraft,
  quoted,
  type RowError,
} from './drafts';
import { hash53 } from './hash';
import type { ActivityMapping, Columns, ContactMapping, Mapping, PurchaseMapping } from './mapping';

type Outcome<D> = D | RowError;

/**
 * One row → its checked draft or its error, as the file is read: the import maps and plans each
 * row as papaparse hands it over, so no batch of rows or drafts is kept (README, Performance).
 */
export function mapRow(row: CsvRow, mapping: Mapping): MappedRow {
  if (row.problem === 'broken-quotes') {
    return {
      kind: 'error',
      error: fail(
        row,
        'broken-quotes',
        'a quote opens here and never closes, so the rest of the file ran into this row',
      ),
    };
  }
  switch (mapping.kind) {
    case 'contacts':
      return outcome('contacts', contactRow(row, mapping));
    case 'activities':
      return outcome('activities', activityRow(row, mapping));
    case 'purchases':
      return outcome('purchases', purchaseRow(row, mapping));
  }
}

function outcome<K extends Exclude<MappedRow['kind'], 'error'>>(
  kind: K,
  result: Outcome<Extract<MappedRow, { kind: K }>['draft']>,
): MappedRow {
  return isError(result) ? { kind: 'error', error: result } : ({ kind, draft: result } as MappedRow);
}

const isError = <D>(outcome: Outcome<D>): outcome is RowError =>
  typeof (outcome as RowError).code === 'string' && typeof (outcome as RowError).reason === 'string';

const fail = (row: CsvRow, code: RowError['code'], reason: string): RowError => ({ line: row.line, code, reason });

/** The cleaned cell of a field, '' when the field has no column. */
function reader<F extends string>(row: CsvRow, columns: Columns<F>) {
  return (field: F): string => {
    const index = columns[field];
    return index === null ? '' : cleanCell(row.cells[index]);
  };
}

/** All addresses in the cells, normalised and once each; the first bad one fails the row. */
function emailsIn(row: CsvRow, cells: string[]): string[] | RowError {
  const emails: string[] = [];
  for (const cell of cells) {
    for (const candidate of splitEmails(cell)) {
      const email = normaliseEmail(candidate);
      if (!email) return fail(row, 'invalid-email', `invalid email ${quoted(candidate)}`);
      if (!emails.includes(email)) emails.push(email);
    }
  }
  return emails;
}

function contactRow(row: CsvRow, mapping: ContactMapping): Outcome<ContactDraft> {
  const cell = reader(row, mapping.columns);
  const emails = emailsIn(row, [cell('email'), cell('email2'), cell('email3')]);
  if (!Array.isArray(emails)) return emails;
  const linkedin = linkedInIdFrom(cell('linkedin'));
  if (linkedin === 'invalid')
    return fail(row, 'invalid-linkedin', `not a LinkedIn profile address: ${quoted(cell('linkedin'))}`);
  if (!emails.length && !linkedin) return fail(row, 'no-identity', 'no email and no LinkedIn URL');
  const name = cell('fullName') || [cell('firstName'), cell('lastName')].filter(Boolean).join(' ');
  const title = clip(cell('title'), 200);
  const company = clip(cell('company'), 200);
  const owner = personRef(cell('owner'));
  const status = parseStatus(cell('status'));
  const sinceText = cell('customerSince');
  const customerSince = sinceText ? parseDate(sinceText, mapping.dateOrder) : undefined;
  if (sinceText && customerSince === undefined) {
    return fail(row, 'invalid-date', `unparseable customer-since date ${quoted(sinceText)}`);
  }
  return {
    line: row.line,
    name: clip(name, 200),
    emails,
    phones: cell('phone') ? splitPhones(cell('phone')) : [],
    ...(linkedin ? { linkedinId: linkedin } : {}),
    ...(title ? { title } : {}),
    ...(company ? { company } : {}),
    ...(owner ? { owner } : {}),
    ...(status ? { status } : {}),
    ...(customerSince === undefined ? {} : { customerSince }),
  };
}

const splitPhones = (cell: string) =>
  cell
    .split(/\s*:::\s*|;/)
    .map((p) => p.trim())
    .filter(Boolean);

function dateOf(row: CsvRow, text: string, mapping: Mapping): number | RowError {
  if (!text) return fail(row, 'missing-date', 'no date');
  const at = parseDate(text, mapping.dateOrder);
  return at === undefined ? fail(row, 'invalid-date', `unparseable date ${quoted(text)}`) : at;
}

function activityRow(row: CsvRow, mapping: ActivityMapping): Outcome<ActivityDraft> {
  const cell = reader(row, mapping.columns);
  const at = dateOf(row, cell('date'), mapping);
  if (typeof at !== 'number') return at;
  const typeText = cell('type');
  const typed = typeText ? parseKind(typeText) : mapping.defaultKind ? { kind: mapping.defaultKind } : undefined;
  if (!typed) {
    return typeText
      ? fail(row, 'unknown-kind', `unknown activity type ${quoted(typeText)}`)
      : fail(row, 'missing-kind', 'no activity type');
  }
  const directionText = cell('direction');
  const direction = directionText ? parseDirection(directionText) : (typed.direction ?? defaultDirection(typed.kind));
  if (!direction) return fail(row, 'unknown-direction', `unknown direction ${quoted(directionText)}`);
  const contactEmails = emailsIn(row, [cell('contactEmail')]);
  if (!Array.isArray(contactEmails)) return contactEmails;
  const linkedin = linkedInIdFrom(cell('contactLinkedin'));
  if (linkedin === 'invalid') {
    return fail(row, 'invalid-linkedin', `not a LinkedIn profile address: ${quoted(cell('contactLinkedin'))}`);
  }
  if (!contactEmails.length && !linkedin) return fail(row, 'no-identity', 'no contact email and no LinkedIn URL');
  const summary = clip(oneLine(cell('subject')), 300);
  const seller = personRef(cell('seller'));
  const contactName = clip(cell('contactName'), 200);
  const externalId = cell('externalId');
  const sourceId = externalId
    ? `${IMPORTED_SOURCE}${mapping.format}:${clip(externalId, 200)}`
    : `${IMPORTED_SOURCE}h${hash53([String(at), typed.kind, direction, cell('seller').toLowerCase(), summary])}`;
  // Field by field, not spread: one row of 100,000 (see remembered.ts).
  const draft: ActivityDraft = { line: row.line, at, kind: typed.kind, direction, contactEmails, sourceId };
  if (linkedin) draft.contactLinkedinId = linkedin;
  if (contactName) draft.contactName = contactName;
  if (seller) draft.seller = seller;
  if (summary) draft.summary = summary;
  return draft;
}

function purchaseRow(row: CsvRow, mapping: PurchaseMapping): Outcome<PurchaseDraft> {
  const cell = reader(row, mapping.columns);
  const at = dateOf(row, cell('date'), mapping);
  if (typeof at !== 'number') return at;
  const amountText = cell('amount');
  if (!amountText) return fail(row, 'missing-amount', 'no amount');
  const amount = parseAmount(amountText, mapping.decimalComma);
  if (!amount.ok) {
    return amount.negative
      ? fail(row, 'negative-amount', `negative amount ${quoted(amountText)}`)
      : fail(
          row,
          'invalid-amount',
          `${amount.reason === 'not a number' ? 'unparseable' : amount.reason} amount ${quoted(amountText)}`,
        );
  }
  const currencyText = cell('currency') || amount.currency || mapping.defaultCurrency || '';
  if (!currencyText) return fail(row, 'missing-currency', 'no currency');
  const currency = Currency.safeParse(currencyText);
  if (!currency.success) return fail(row, 'invalid-currency', `unknown currency ${quoted(currencyText)}`);
  const contactText = cell('contactEmail');
  const contactEmail = contactText ? normaliseEmail(contactText) : undefined;
  if (contactText && !contactEmail) return fail(row, 'invalid-email', `invalid email ${quoted(contactText)}`);
  const account = accountCell(cell('account'));
  if (!account.name && !account.domain && !contactEmail) {
    return fail(row, 'missing-account', 'no account and no contact email');
  }
  const product = clip(cell('product'), 200);
  return {
    line: row.line,
    at,
    amount: amount.amount,
    currency: currency.data,
    ...(account.name ? { accountName: clip(account.name, 200) } : {}),
    ...(account.domain ? { accountDomain: account.domain } : {}),
    ...(contactEmail ? { contactEmail } : {}),
    ...(product ? { product } : {}),
  };
}

/** An account cell names a company ("Acme Inc.") or gives its web address ("acme.com", "https://www.acme.com/"). */
function accountCell(text: string): { name?: string; domain?: string } {
  if (!text) return {};
  const host = /^(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[/:?#].*)?$/i.exec(text)?.[1];
  const domain = host ? registrableDomain(host) : undefined;
  return domain ? { domain } : { name: text };
}
