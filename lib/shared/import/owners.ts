import { ME, type Seller } from '@/lib/shared/model';
import type { PlanIds } from './accounts-plan';
import type { Imported } from './book';
import { personKey } from './companies';
import type { PersonRef } from './drafts';
import type { ExistingRecords } from './existing';

/** Who the seller is, from their settings: how an owner column names them. */
export interface MeInSettings {
  name: string;
  emails: readonly string[];
  crmOwnerName: string;
}

/** One distinct owner named in the file, for the dashboard's "which one is you?" question. */
export interface OwnerSummary {
  name?: string;
  email?: string;
  sellerId: string;
  isMe: boolean;
  /** True when this import creates the seller record. */
  isNew: boolean;
  /** Rows that named this owner. */
  rows: number;
}

/**
 * Owner and seller columns name people on the selling side. The one that matches the
 * settings (an address of the seller's, or their CRM owner name or name) is `me`; the others
 * are colleagues, found among the stored sellers or created, so their touches keep counting
 * for account coverage under their own name.
 */
export class OwnerPlan {
  private readonly created = new Map<string, Imported<Seller>>();
  private readonly byEmail = new Map<string, string>();
  private readonly byKey = new Map<string, string>();
  private readonly summaries = new Map<string, OwnerSummary>();
  private readonly myEmails: Set<string>;
  private readonly myKeys: Set<string>;

  constructor(
    private readonly existing: ExistingRecords,
    private readonly ids: PlanIds,
    me: MeInSettings | undefined,
  ) {
    this.myEmails = new Set((me?.emails ?? []).map((e) => e.trim().toLowerCase()));
    this.myKeys = new Set([me?.crmOwnerName ?? '', me?.name ?? ''].map(personKey).filter(Boolean));
  }

  /** The seller id for a named owner, counting the row. */
  resolve(ref: PersonRef): string {
    const key = ref.email ?? personKey(ref.name ?? '');
    const summary = this.summaries.get(key) ?? this.summarise(ref);
    summary.rows++;
    this.summaries.set(key, summary);
    return summary.sellerId;
  }

  owners(): OwnerSummary[] {
    return [...this.summaries.values()].sort((a, b) => b.rows - a.rows);
  }

  /** Sellers this import creates (existing ones are never changed by an import). */
  sellers(): Imported<Seller>[] {
    return [...this.created.values()];
  }

  private summarise(ref: PersonRef): OwnerSummary {
    const nameKey = personKey(ref.name ?? '');
    const base = { ...(ref.name ? { name: ref.name } : {}), ...(ref.email ? { email: ref.email } : {}), rows: 0 };
    if ((ref.email && this.myEmails.has(ref.email)) || (nameKey && this.myKeys.has(nameKey))) {
      return { ...base, sellerId: ME, isMe: true, isNew: false };
    }
    const known =
      (ref.email && (this.byEmail.get(ref.email) ?? this.existing.sellerByEmail(ref.email)?.id)) ||
      (nameKey && (this.byKey.get(nameKey) ?? this.existing.sellerByKey(nameKey)?.id));
    if (known) return { ...base, sellerId: known, isMe: known === ME, isNew: this.created.has(known) };
    const seller: Imported<Seller> = {
      id: this.ids.newId(),
      name: ref.name ?? ref.email ?? '',
      emails: ref.email ? [ref.email] : [],
      importId: this.ids.importId,
    };
    this.created.set(seller.id, seller);
    if (ref.email) this.byEmail.set(ref.email, seller.id);
    if (nameKey) this.byKey.set(nameKey, seller.id);
    return { ...base, sellerId: seller.id, isMe: false, isNew: true };
  }
}
