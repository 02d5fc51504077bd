import { type Contact, ME, type Seller, type Touch } from '@/lib/shared/model';
import { personKey } from './companies';
import type { MeInSettings } from './owners';

/**
 * After an import that matched no owner to the seller, the seller says "that one is me": the
 * owner's touches and contacts become the seller's own, and their name and addresses go into
 * the settings. The background applies these one record at a time along its indexes (an
 * owner can have hundreds of thousands of touches) and then deletes the seller record.
 */
export const claimedTouch = (touch: Touch): Touch => ({ ...touch, sellerId: ME });

export const claimedContact = (contact: Contact, now: number): Contact => ({ ...contact, ownerId: ME, updatedAt: now });

/**
 * `Settings.me` that recognises this owner next time: their addresses added, and their name
 * as the CRM owner name, since the CRM evidently writes the seller so (the settings hold one
 * such name; the one that just failed to match is the one to replace). A name that is only an
 * address, or one the settings already match, changes nothing.
 */
export function claimedMe<M extends MeInSettings & { linkedinId?: string | undefined }>(me: M, seller: Seller): M {
  const emails = [...new Set([...me.emails, ...seller.emails])];
  const nameKey = personKey(seller.name);
  const known = [me.crmOwnerName, me.name].map(personKey);
  const isAddress = seller.name.includes('@');
  return {
    ...me,
    emails,
    ...(nameKey && !isAddress && !known.includes(nameKey) ? { crmOwnerName: seller.name } : {}),
    ...(!me.linkedinId && seller.linkedinId ? { linkedinId: seller.linkedinId } : {}),
  };
}

export interface ClaimResult {
  /** Only the records that change. */
  touches: Touch[];
  contacts: Contact[];
  /** What `Settings.me` becomes, so the next import recognises the seller by itself. */
  me: MeInSettings;
}

/** The whole claim over record lists: what the background's index walk does, for tests and small stores. */
export function claimSeller(
  seller: Seller,
  records: { touches: readonly Touch[]; contacts: readonly Contact[] },
  me: MeInSettings,
  now: number,
): ClaimResult {
  return {
    touches: records.touches.filter((t) => t.sellerId === seller.id).map(claimedTouch),
    contacts: records.contacts.filter((c) => c.ownerId === seller.id).map((c) => claimedContact(c, now)),
    me: claimedMe(me, seller),
  };
}
