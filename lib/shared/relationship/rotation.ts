import type { TrustLevel } from '@/lib/shared/model';
import type { RelationshipContext } from './context';
import { type RelationshipReason, reason } from './reasons';
import type { ContactSummary, RotationKind } from './summary';

/**
 * Which kind of touch comes next on the cadence: give before asking, and never ask twice in
 * a row. `offer` (a new product, cross-sell, up-sell) is the only ask; check-ins, value-adds,
 * something new and introductions are gives. The rotation reads the kinds of logged touches
 * and completed follow-ups (captured e-mails have no give/ask kind).
 *
 * In order, the first that applies:
 * 1. check-in, when none was among the last three (asking is the only way to know);
 * 2. introduce a colleague, when only one seller knows the account and there is some trust,
 *    unless an introduction was among the last four;
 * 3. offer, to accounts owning fewer than three products, with some trust, after at least
 *    three gives since the last ask, and never right after one;
 * 4. otherwise a value-add or something new, whichever was given less recently.
 */
export const FEW_PRODUCTS = 3;
export const GIVES_BEFORE_ASK = 3;
const CHECK_IN_WITHIN = 3;
const INTRODUCE_WITHIN = 4;

export const isAsk = (kind: string) => kind === 'offer';

export function chooseKind(
  summary: Pick<ContactSummary, 'recentKinds'>,
  ctx: Pick<RelationshipContext, 'account'>,
  level: TrustLevel,
): { kind: RotationKind; reason: RelationshipReason } {
  const kinds = summary.recentKinds.map((k) => k.kind);
  const lastCheckIn = kinds.indexOf('check-in');
  if (lastCheckIn === -1 || lastCheckIn >= CHECK_IN_WITHIN) {
    return {
      kind: 'check-in',
      reason: lastCheckIn === -1 ? reason('never_checked_in', {}) : reason('check_in_due', { touches: lastCheckIn }),
    };
  }
  const { sellersInTouch, contactsInTouch, productCount } = ctx.account;
  const someTrust = level !== 'none';
  if (sellersInTouch <= 1 && someTrust && !kinds.slice(0, INTRODUCE_WITHIN).includes('introduce')) {
    return {
      kind: 'introduce',
      reason: reason('thin_coverage', { sellers: sellersInTouch, contacts: contactsInTouch }),
    };
  }
  const lastAsk = kinds.findIndex(isAsk);
  const givesSinceAsk = lastAsk === -1 ? kinds.length : lastAsk;
  if (productCount < FEW_PRODUCTS && someTrust && givesSinceAsk >= GIVES_BEFORE_ASK) {
    return { kind: 'offer', reason: reason('few_products', { products: productCount }) };
  }
  const valueAdd = kinds.indexOf('value-add');
  const somethingNew = kinds.indexOf('something-new');
  const lessRecent = (i: number) => (i === -1 ? Infinity : i);
  const kind = lessRecent(somethingNew) > lessRecent(valueAdd) ? 'something-new' : 'value-add';
  return { kind, reason: reason('give_first', {}) };
}
