import type { Reason } from '@/lib/shared/model';
import type { ReasonCode } from './reasons';

/**
 * Plain-English wording of each reason, one short sentence a seller reads in a second. The
 * UI may word them its own way from the same codes; this is the default and the reference.
 */
type Params = Reason['params'];

/** "1 message", "1,319 messages": English words, English digits. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const num = (p: Params, key: string) => Number(p[key] ?? 0);
const text = (p: Params, key: string) => String(p[key] ?? '');
/** A calendar date as a seller reads it in these English sentences: "4 Sep 2026". */
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
export const calendarDay = (iso: string) => {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(`${iso}T00:00:00Z`) : Number.NaN;
  return Number.isNaN(at) ? iso : DAY.format(at);
};
const day = (p: Params, key: string) => calendarDay(text(p, key));
const LEVEL_WORDS: Record<string, string> = { none: 'No trust yet', some: 'Some trust', full: 'Trusted' };
const level = (p: Params, key: string) => LEVEL_WORDS[text(p, key)] ?? text(p, key);

function duration(months: number): string {
  if (months < 12) return plural(months, 'month');
  const years = Math.floor(months / 12);
  return plural(years, 'year');
}

function ago(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

const WORDING: { [C in ReasonCode]: (p: Params) => string } = {
  replied_ratio: (p) => {
    const [replied, of] = [num(p, 'replied'), num(p, 'of')];
    if (of === 0) return 'No message of yours has had time for an answer yet';
    if (replied === 0) return of === 1 ? 'No reply to your last message' : `No reply to your last ${of} messages`;
    if (of === 1) return 'Replied to your last message';
    return replied === of
      ? `Replied to all of your last ${of} messages`
      : `Replied to ${replied} of your last ${of} messages`;
  },
  never_two_way: () => 'No two-way contact yet',
  silent_days: (p) => `No two-way contact for ${plural(num(p, 'days'), 'day')}`,
  recent_two_way: (p) => `Last two-way contact ${ago(num(p, 'days'))}`,
  regular: (p) => `In two-way contact in ${num(p, 'months')} of the last ${plural(num(p, 'of'), 'month')}`,
  happy: (p) => `Rated their happiness ${num(p, 'happiness')}/5 on ${day(p, 'date')}`,
  tenure: (p) => `Two-way contact kept up for ${duration(num(p, 'months'))}`,
  breadth: (p) =>
    `Known to ${plural(num(p, 'sellers'), 'seller')}; ${plural(num(p, 'contacts'), 'contact')} in touch at the account`,
  override: (p) => `Set by hand to "${level(p, 'level')}" until ${day(p, 'until')}`,
  reply_owed: (p) => `They wrote on ${day(p, 'date')} and are waiting for your reply`,
  no_reply: (p) => `No reply to your last ${plural(num(p, 'count'), 'message')} since ${day(p, 'date')}`,
  unhappy: (p) => `Said they were only ${num(p, 'happiness')}/5 happy on ${day(p, 'date')}`,
  purchase: (p) => `Bought on ${day(p, 'date')}: see how it is going`,
  new_customer: (p) => `Became a customer on ${day(p, 'date')}: welcome them`,
  meeting: (p) => `Met on ${day(p, 'date')}: follow up while it is fresh`,
  cadence: (p) => `In touch about every ${plural(num(p, 'days'), 'day')}`,
  check_in_due: (p) => `Not asked whether they are happy in the last ${plural(num(p, 'touches'), 'touch', 'touches')}`,
  never_checked_in: () => 'Never asked whether they are happy',
  thin_coverage: (p) =>
    num(p, 'sellers') <= 1 ? 'Only one seller knows this account' : 'Few people know this account',
  few_products: (p) => `The account owns ${plural(num(p, 'products'), 'product')}`,
  give_first: () => 'Give something before asking for anything',
  past_max_gap: (p) =>
    `No two-way contact for ${plural(num(p, 'days'), 'day')}, longer than the ${num(p, 'maxDays')}-day limit`,
  gone_silent: (p) => `No two-way contact for ${plural(num(p, 'days'), 'day')}: counted as lost`,
  trust_fell: (p) => `Trust fell from "${level(p, 'from')}" to "${level(p, 'to')}" in the last 30 days`,
  marked_former: () => 'Marked as a former customer',
  lost_if_either_leaves: () => 'One seller and one contact: everything is lost if either leaves',
  lost_if_seller_leaves: () => 'Only one seller knows this account: all is lost if they leave',
  lost_if_contact_leaves: () => 'Only one contact at this account: all is lost if they leave',
  survives_departures: (p) =>
    `Links between ${plural(num(p, 'sellers'), 'seller')} and ${plural(num(p, 'contacts'), 'contact')}: it survives a departure`,
  no_coverage: () => 'No two-way contact at this account in the last six months',
  meet_second_contact: () => 'Meet a second contact at the account',
  bring_in_colleague: () => 'Bring in a colleague',
  restart_contact: () => 'Get back in two-way contact with someone there',
  same_company: (p) => `Still at ${text(p, 'company')}`,
  company_changed: (p) => `Moved from ${text(p, 'from')} to ${text(p, 'to')}`,
  company_unknown: () => 'Current company not known',
  no_account: (p) => `Works at ${text(p, 'company')}, which is not one of your accounts`,
};

/** One short English sentence for a reason; an unknown code (from a newer version) is shown as is. */
export function describeReason(reason: Reason): string {
  const wording = (WORDING as Record<string, ((p: Params) => string) | undefined>)[reason.code];
  return wording ? wording(reason.params ?? {}) : reason.code.replaceAll('_', ' ');
}
