import { z } from 'zod';
import {
  CalendarDate,
  Email,
  GmailId,
  Id,
  LinkedInId,
  List,
  MAX_AMOUNT,
  Phone,
  ShortText,
  Timestamp,
  ValueTier,
} from './common';

/** The seller using Rapport is always this seller id; colleagues and CRM owners get their own. */
export const ME = 'me';

export const Seller = z.object({
  id: Id,
  name: ShortText(200),
  emails: List(Email, 50).default([]),
  linkedinId: LinkedInId.optional(),
  /** The import that created this record (absent for records made any other way). */
  importId: Id.optional(),
});
export type Seller = z.infer<typeof Seller>;

/**
 * Values a record held that a teammate's later edit replaced (team sync keeps them rather than
 * drop them: lib/background/sync/merge.ts), newest last. Each value as JSON text, shown as text.
 */
export const EditHistory = List(
  z.object({ field: z.string().max(50), value: z.string().max(2_000), at: Timestamp }),
  50,
);

export const Account = z.object({
  id: Id,
  name: ShortText(200),
  /** Registrable domains (`acme.co.uk`), never a free-mail domain. */
  domains: List(z.string().toLowerCase().max(253), 50).default([]),
  linkedinCompanyId: z.string().max(100).optional(),
  valueTier: ValueTier.default('medium'),
  products: List(ShortText(200), 100).default([]),
  notes: ShortText(5000).default(''),
  /** The import that created this account, as on touches and purchases. */
  importId: Id.optional(),
  history: EditHistory.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Account = z.infer<typeof Account>;

/**
 * `contact` is a plain contact (an imported LinkedIn connection, say): known, but no
 * cadence until the seller says they are a prospect or customer.
 */
export const ContactStatus = z.enum(['contact', 'prospect', 'customer', 'former']);
export type ContactStatus = z.infer<typeof ContactStatus>;

export const TrustLevel = z.enum(['none', 'some', 'full']);
export type TrustLevel = z.infer<typeof TrustLevel>;

export const TrustOverride = z.object({
  level: TrustLevel,
  setAt: Timestamp,
  /** Overrides expire so a hand-set level cannot hide a relationship going cold. */
  until: Timestamp,
});

export const Contact = z.object({
  id: Id,
  name: ShortText(200),
  emails: List(Email, 50).default([]),
  linkedinId: LinkedInId.optional(),
  title: ShortText(200).optional(),
  /**
   * Phone numbers as an import normalised them (`+14155550101`). Optional rather than defaulted:
   * records stored before the field existed come back from the store without it.
   */
  phones: z.array(Phone).max(20).optional(),
  accountId: Id.optional(),
  status: ContactStatus.default('contact'),
  /** Prospects get a cadence only while the seller marks them active. */
  activeProspect: z.boolean().default(false),
  /** Overrides the account's tier for this person when set. */
  valueTier: ValueTier.optional(),
  /** Which seller owns the contact in the CRM; absent when nobody does. */
  ownerId: Id.optional(),
  notes: ShortText(5000).default(''),
  trustOverride: TrustOverride.optional(),
  /** Every status change, oldest first: won and lost months are recomputed from it. */
  statusHistory: List(z.object({ status: ContactStatus, at: Timestamp }), 500).default([]),
  /** The import that created this contact, as on touches and purchases. */
  importId: Id.optional(),
  history: EditHistory.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Contact = z.infer<typeof Contact>;

/**
 * `linkedin-visit` and `note` are recorded but are not contact with the customer:
 * the relationship engine never counts them as a touch.
 */
export const TouchKind = z.enum([
  'email',
  'meeting',
  'call',
  'linkedin-message',
  'linkedin-visit',
  'note',
  'check-in',
  'value-add',
  'offer',
]);
export type TouchKind = z.infer<typeof TouchKind>;

export const Direction = z.enum(['inbound', 'outbound', 'none']);
export type Direction = z.infer<typeof Direction>;

export const TouchSource = z.enum(['captured', 'manual', 'imported']);

/**
 * One per contact per interaction: a thread message with three customers on it is three
 * touches sharing a `sourceId`, each in its own contact's log (lib/background/db/touch-logs.ts),
 * which holds one touch per source.
 */
export const Touch = z.object({
  id: Id,
  contactId: Id,
  accountId: Id.optional(),
  /** Who on the selling side took part; `me` for the seller using Rapport. */
  sellerId: Id.default(ME),
  kind: TouchKind,
  direction: Direction,
  at: Timestamp,
  source: TouchSource,
  /** Where it came from, for de-duplication: `gmail:<message id>`, `import:<file row>`. */
  sourceId: z.string().min(1).max(300).optional(),
  /** The Gmail thread an e-mail touch belongs to (decimal id), so "Open" can go straight to it. */
  threadId: GmailId.optional(),
  /** An e-mail's subject line or a one-line note. Never a message body. */
  summary: ShortText(300).optional(),
  /** The customer's answer to "are you happy?", 1 (not at all) to 5 (very). */
  happiness: z.number().int().min(1).max(5).optional(),
  importId: Id.optional(),
});
export type Touch = z.infer<typeof Touch>;

/** How every `sourceId` of a touch from an import file begins: an import skips rows whose source is stored. */
export const IMPORTED_SOURCE = 'import:';

export const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'expected a three-letter currency code such as EUR');

export const Purchase = z.object({
  id: Id,
  accountId: Id,
  contactId: Id.optional(),
  amount: z
    .number()
    .finite()
    .nonnegative({ message: 'amount must not be negative' })
    .max(MAX_AMOUNT, { message: `amount is too large: at most ${MAX_AMOUNT.toLocaleString('en-US')}` }),
  currency: Currency,
  at: Timestamp,
  product: ShortText(200).optional(),
  importId: Id.optional(),
});
export type Purchase = z.infer<typeof Purchase>;

export { CalendarDate };
