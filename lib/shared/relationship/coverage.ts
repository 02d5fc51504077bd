import { DAY_MS } from './calendar';
import { type RelationshipReason, reason } from './reasons';
import type { ContactSummary } from './summary';

/**
 * Account coverage: who on the selling side is in real two-way contact with whom at the
 * account, over the last 180 days.
 *
 * | quadrant | sellers : contacts | lost when someone leaves |
 * | 1        | one : one          | everything, if either leaves |
 * | 2        | one : many         | everything, if the seller leaves |
 * | 3        | many : one         | everything, if the contact leaves |
 * | 4        | many : many        | nothing: the relationship survives |
 */
export const COVERAGE_WINDOW_DAYS = 180;

export type Quadrant = 1 | 2 | 3 | 4;

export interface Coverage {
  /** Null when nobody at the account had two-way contact in the window. */
  quadrant: Quadrant | null;
  sellers: string[];
  contacts: string[];
  /** Who knows whom: one entry per seller and contact in two-way contact. */
  links: { sellerId: string; contactId: string }[];
  /** Sellers whose leaving would leave some contact with nobody who knows them. */
  soleSellers: string[];
  /** What is lost if someone leaves. */
  risk: RelationshipReason;
  /** The moves toward quadrant 4; none once there. */
  moves: RelationshipReason[];
}

/** Coverage of one account, from the summaries of its contacts. */
export function coverage(summaries: readonly ContactSummary[], now: number): Coverage {
  const since = now - COVERAGE_WINDOW_DAYS * DAY_MS;
  const links = summaries.flatMap((s) =>
    s.sellers.filter((x) => x.lastTwoWayAt >= since).map((x) => ({ sellerId: x.id, contactId: s.contactId })),
  );
  const sellers = [...new Set(links.map((l) => l.sellerId))].sort();
  const contacts = [...new Set(links.map((l) => l.contactId))].sort();
  const soleSellers = sellers.filter((seller) =>
    contacts.some((c) => links.every((l) => l.contactId !== c || l.sellerId === seller)),
  );
  const base = { sellers, contacts, links, soleSellers };

  if (links.length === 0) {
    return { ...base, quadrant: null, risk: reason('no_coverage', {}), moves: [reason('restart_contact', {})] };
  }
  const manySellers = sellers.length > 1;
  const manyContacts = contacts.length > 1;
  if (manySellers && manyContacts) {
    return {
      ...base,
      quadrant: 4,
      risk: reason('survives_departures', { sellers: sellers.length, contacts: contacts.length }),
      moves: [],
    };
  }
  if (manySellers) {
    return {
      ...base,
      quadrant: 3,
      risk: reason('lost_if_contact_leaves', {}),
      moves: [reason('meet_second_contact', {})],
    };
  }
  if (manyContacts) {
    return {
      ...base,
      quadrant: 2,
      risk: reason('lost_if_seller_leaves', {}),
      moves: [reason('bring_in_colleague', {})],
    };
  }
  return {
    ...base,
    quadrant: 1,
    risk: reason('lost_if_either_leaves', {}),
    moves: [reason('meet_second_contact', {}), reason('bring_in_colleague', {})],
  };
}
