import { ME, type Touch } from '@/lib/shared/model';
import type { PlanIds } from './accounts-plan';
import type { ContactPlan, PersonFacts } from './contacts-plan';
import type { ActivityDraft } from './drafts';
import { type ExistingRecords, SourcesByContact } from './existing';
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
  /** Every touch this plan made, taken or not: a row repeated later in the file adds none. */
  private readonly planned = new SourcesByContact();

  constructor(
    private readonly existing: ExistingRecords,
    private readonly ids: PlanIds,
    private readonly contacts: ContactPlan,
    private readonly owners: OwnerPlan,
  ) {}

  /**
   * Hands over the touches planned so far, so a large file can be stored while it is read; what
   * was planned is remembered, so a row repeated later in the file is still recognised.
   */
  take(): Touch[] {
    const taken = this.touches;
    this.touches = [];
    return taken;
  }

  add(d: ActivityDraft): 'imported' | 'merged' {
    // Another seller's touch keeps its seller: it counts for the account's coverage.
    const sellerId = d.seller ? this.owners.resolve(d.seller) : ME;
    // A name belongs to the contact only when the row is about one person. Built field by
    // field, not spread: this runs for every row of a 100,000-row file (see remembered.ts).
    const alone = d.contactEmails.length <= 1;
    let created = false;
    for (let i = 0; i < Math.max(1, d.contactEmails.length); i++) {
      const email = d.contactEmails[i];
      const person: PersonFacts = { emails: alone || email === undefined ? d.contactEmails : [email] };
      if (alone && d.contactName) person.name = d.contactName;
      if (alone && d.contactLinkedinId) person.linkedinId = d.contactLinkedinId;
      const { contact } = this.contacts.upsert(person);
      if (this.planned.has(d.sourceId, contact.id) || this.existing.hasTouch(d.sourceId, contact.id)) continue;
      this.planned.add(d.sourceId, contact.id);
      const touch: Touch = {
        id: this.ids.newId(),
        contactId: contact.id,
        sellerId,
        kind: d.kind,
        direction: d.direction,
        at: d.at,
        source: 'imported',
        sourceId: d.sourceId,
        importId: this.ids.importId,
      };
      if (contact.accountId) touch.accountId = contact.accountId;
      if (d.summary) touch.summary = d.summary;
      this.touches.push(touch);
      created = true;
    }
    return created ? 'imported' : 'merged';
  }
}
