import { ME, type Touch } from '@/lib/shared/model';
import type { PlanIds } from './accounts-plan';
import type { ContactPlan } from './contacts-plan';
import type { ActivityDraft } from './drafts';
import type { ExistingRecords } from './existing';
import type { OwnerPlan } from './owners';

/**
 * Activities become touches, one per contact the row names (a meeting with two customers is
 * two touches with one source id). A contact the store does not know yet is created, so no
 * good row is lost; a touch already stored for that contact under the same source id is not
 * stored again, which makes importing a file twice harmless.
 */
export class ActivityPlan {
  /** Touches planned and not yet taken (see `take`). */
  touches: Touch[] = [];
  private readonly keys = new Set<string>();

  constructor(
    private readonly existing: ExistingRecords,
    private readonly ids: PlanIds,
    private readonly contacts: ContactPlan,
    private readonly owners: OwnerPlan,
  ) {}

  /**
   * Hands over the touches planned so far, so a large file can be stored while it is read; the
   * keys stay, so a row repeated later in the file is still recognised.
   */
  take(): Touch[] {
    const taken = this.touches;
    this.touches = [];
    return taken;
  }

  add(d: ActivityDraft): 'imported' | 'merged' {
    // Another seller's touch keeps its seller: it counts for the account's coverage.
    const sellerId = d.seller ? this.owners.resolve(d.seller) : ME;
    const known = {
      ...(d.contactName ? { name: d.contactName } : {}),
      ...(d.contactLinkedinId ? { linkedinId: d.contactLinkedinId } : {}),
    };
    // A name belongs to the contact only when the row is about one person.
    const people =
      d.contactEmails.length === 0
        ? [{ emails: [], ...known }]
        : d.contactEmails.map((email) => ({ emails: [email], ...(d.contactEmails.length === 1 ? known : {}) }));
    let created = false;
    for (const person of people) {
      const { contact } = this.contacts.upsert(person);
      const key = `${d.sourceId}\u0000${contact.id}`;
      if (this.keys.has(key) || this.existing.hasTouch(d.sourceId, contact.id)) continue;
      this.keys.add(key);
      this.touches.push({
        id: this.ids.newId(),
        contactId: contact.id,
        ...(contact.accountId ? { accountId: contact.accountId } : {}),
        sellerId,
        kind: d.kind,
        direction: d.direction,
        at: d.at,
        source: 'imported',
        sourceId: d.sourceId,
        ...(d.summary ? { summary: d.summary } : {}),
        importId: this.ids.importId,
      });
      created = true;
    }
    return created ? 'imported' : 'merged';
  }
}
