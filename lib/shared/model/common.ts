import { z } from 'zod';

/** Record ids are opaque strings made by the background (`crypto.randomUUID()`). */
export const Id = z.string().min(1).max(200);

/** Milliseconds since the epoch. Touch and purchase times are instants. */
export const Timestamp = z.number().int().nonnegative();

/** A calendar date in the seller's time zone, as due dates are (`YYYY-MM-DD`). */
export const CalendarDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');

/**
 * An e-mail address in the one form the store keys on: trimmed and lower-case.
 * (The local part is case-sensitive in theory; no provider a seller meets treats it so,
 * and Gmail's own `email` attributes already come lower-case.)
 */
export const Email = z
  .string()
  .trim()
  .max(254, 'an e-mail address has at most 254 characters')
  .toLowerCase()
  .pipe(z.email({ message: 'not a valid e-mail address' }));

/** LinkedIn's public profile id, the `<id>` in `/in/<id>/`. */
export const LinkedInId = z
  .string()
  .trim()
  .min(3)
  .max(100)
  .regex(/^[\p{L}\p{N}_-]+$/u, 'expected the id from a linkedin.com/in/<id>/ address');

/**
 * A phone number in the one form the store compares: an optional leading `+` and digits only
 * (`+14155550101`), so `+1 (415) 555-0101` and `+1 415 555 0101` are one number.
 */
export const Phone = z.string().regex(/^\+?\d{3,20}$/, 'expected a phone number: digits, optionally after a +');

export const ValueTier = z.enum(['high', 'medium', 'low']);
export type ValueTier = z.infer<typeof ValueTier>;

/** Short free text that came from a page or a person: bounded so no record grows without limit. */
export const ShortText = (max = 300) => z.string().trim().max(max);

/** A Gmail message or thread id in its decimal spelling (`#msg-f:<n>`, `thread-f:<n>`). */
export const GmailId = z.string().regex(/^\d{1,20}$/, 'expected a decimal Gmail id');

/**
 * A list bounded where it enters, so no record or setting grows without limit (and a sum over a
 * list stays finite): past `max` the value is refused with the limit named.
 */
export const List = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max, `at most ${max.toLocaleString('en-US')} entries`);

/** The most a single purchase can be: a sum of every purchase a book holds stays finite. */
export const MAX_AMOUNT = 1e12;

/** A registrable domain (`acme.co.uk`), lower-case. */
export const Domain = z.string().trim().toLowerCase().min(3).max(253);
