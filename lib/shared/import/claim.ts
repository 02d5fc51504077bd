import { type Contact, ME, type Seller, type Touch } from '@/lib/shared/model';
import type { MeInSettings } from './owners';

export interface ClaimResult {
  /** Only the records that change. */
  touches: Touch[];
  contacts: Contact[];
  /** What to merge into `Settings.me`, so the next import recognises the seller by itself. */
  me: Pick<MeInSettings, 'crmOwnerName' | 'emails'>;
}

/**
 * After an import that matched no owner to the seller, the seller says "that one is me": the
 * owner's touches and contacts become the seller's own, and their name and address go into
 * the settings. The background then deletes the seller record.
 */
export function claimSeller(
  seller: Seller,
  records: { touches: readonly Touch[]; contacts: readonly Contact[] },
  me: MeInSettings,
  now: number,
): ClaimResult {
  return {
    touches: records.touches.filter((t) => t.sellerId === seller.id).map((t) => ({ ...t, sellerId: ME })),
    contacts: records.contacts
      .filter((c) => c.ownerId === seller.id)
      .map((c) => ({ ...c, ownerId: ME, updatedAt: now })),
    me: {
      crmOwnerName: me.crmOwnerName || seller.name,
      emails: [...new Set([...me.emails, ...seller.emails])],
    },
  };
}
