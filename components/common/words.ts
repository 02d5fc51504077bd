import { dateOf, daysBetween } from '@/lib/shared/relationship/calendar';
import type { FollowUpKind, TouchKind, TrustLevel } from '@/lib/shared/model';

/** Trust in words: colour is never the only signal. */
export const TRUST_WORDS: Record<TrustLevel, string> = { none: 'No trust yet', some: 'Some trust', full: 'Trusted' };

export const NEXT_WORDS: Record<FollowUpKind, string> = {
  reply: 'Reply',
  'follow-up': 'Follow up gently',
  'check-in': 'Check in: ask if they are happy',
  'value-add': 'Share something useful',
  'something-new': 'Show them something new',
  introduce: 'Introduce a colleague',
  offer: 'Make an offer',
};

export const TOUCH_WORDS: Record<TouchKind, string> = {
  email: 'E-mail',
  meeting: 'Meeting',
  call: 'Call',
  'linkedin-message': 'LinkedIn message',
  'linkedin-visit': 'Profile visit',
  note: 'Note',
  'check-in': 'Check-in',
  'value-add': 'Value-add',
  offer: 'Offer',
};

export const QUADRANT_WORDS = {
  1: 'One seller, one contact',
  2: 'One seller, many contacts',
  3: 'Many sellers, one contact',
  4: 'Many sellers, many contacts',
} as const;

const DAY = 86_400_000;

/** "3 days ago", "in 2 weeks", in the browser's language. */
// Made once per locale: a table of 200 rows would otherwise build a formatter per row (the
// dashboard's search re-renders them on every keystroke).
const relativeFormats = new Map<string | undefined, Intl.RelativeTimeFormat>();

export function relative(fromNow: number, locale?: string): string {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  const days = Math.round(fromNow / DAY);
  if (Math.abs(days) >= 60) return format.format(Math.round(days / 30), 'month');
  if (Math.abs(days) >= 14) return format.format(Math.round(days / 7), 'week');
  return format.format(days, 'day');
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A moment as the seller reads it: "6 Dec 2026, 14:02" in the browser's language. */
export const dateTime = (at: number): string => dateTimeFormat.format(at);

/** Days from today (in the browser's zone) to a calendar date (`YYYY-MM-DD`). */
export const daysUntil = (date: string, now: number): number => daysBetween(dateOf(now, ''), date);

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function money(amount: number, currency: string, locale?: string): string {
  const key = `${locale ?? ''}|${currency}`;
  try {
    let format = moneyFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
      moneyFormats.set(key, format);
    }
    return format.format(amount);
  } catch {
    return `${Math.round(amount)} ${currency}`;
  }
}

/** The import's fields as the mapping step names them (keys are `lib/shared/import/fields.ts`). */
export const FIELD_WORDS: Record<string, string> = {
  fullName: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  email2: 'Second e-mail',
  email3: 'Third e-mail',
  company: 'Company',
  title: 'Job title',
  owner: 'Owner (seller)',
  linkedin: 'LinkedIn profile',
  phone: 'Phone',
  status: 'Status or lifecycle stage',
  customerSince: 'Customer since',
  date: 'Date',
  type: 'Activity type',
  direction: 'Direction (in or out)',
  contactEmail: 'Contact e-mail',
  contactLinkedin: 'Contact LinkedIn profile',
  contactName: 'Contact name',
  seller: 'Seller or owner',
  subject: 'Subject',
  externalId: 'Activity id',
  account: 'Account (company or domain)',
  amount: 'Amount',
  currency: 'Currency',
  product: 'Product',
  // What `missingFields` asks for when nothing fills it.
  'email-or-linkedin': 'an e-mail or a LinkedIn profile column',
  contact: 'a contact e-mail or LinkedIn column',
  'account-or-contact': 'an account or a contact e-mail column',
};

/** A field's name for the seller; the key itself for one not listed. */
export const fieldWords = (field: string) => FIELD_WORDS[field] ?? field;
