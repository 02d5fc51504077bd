import { isFreeMailDomain } from '@/lib/shared/domains';
import type { Purchase } from '@/lib/shared/model';
import type { AccountPlan, PlanIds } from './accounts-plan';
import type { ContactPlan } from './contacts-plan';
import type { PurchaseDraft, RowError } from './drafts';
import { type ExistingRecords, purchaseKey } from './existing';

/**
 * Purchases land on the account the row names (by name or web domain), else on the buyer's
 * account, else on the account of the buyer's work domain. The buyer becomes a customer and
 * the product joins the account's products. A purchase the store already has (same account,
 * time, amount, currency and product) is matched rather than added again, once per stored copy.
 */
export class PurchasePlan {
  readonly purchases: Purchase[] = [];
  private readonly matched = new Map<string, number>();

  constructor(
    private readonly existing: ExistingRecords,
    private readonly ids: PlanIds,
    private readonly contacts: ContactPlan,
    private readonly accounts: AccountPlan,
  ) {}

  add(d: PurchaseDraft): 'imported' | 'merged' | RowError {
    if (d.accountDomain && isFreeMailDomain(d.accountDomain)) {
      return { line: d.line, code: 'free-mail-account', reason: `${d.accountDomain} is free mail, not a company` };
    }
    const emails = d.contactEmail ? [d.contactEmail] : [];
    const buyer = emails.length ? this.contacts.find(emails) : undefined;
    const account = d.accountDomain
      ? this.accounts.resolve(undefined, [d.accountDomain])
      : d.accountName
        ? this.accounts.resolve(d.accountName, this.accounts.domainsOf(emails))
        : ((buyer?.accountId ? this.accounts.byId(buyer.accountId) : undefined) ??
          this.accounts.resolve(undefined, this.accounts.domainsOf(emails)));
    if (!account) {
      return {
        line: d.line,
        code: 'missing-account',
        reason: 'no account: the row names none and the contact has a free-mail address',
      };
    }
    // An existing buyer keeps their account, and gets this one if they had none.
    const contact = emails.length
      ? this.contacts.upsert({ emails, accountId: account.id, status: 'customer' }).contact
      : undefined;
    if (d.product) this.accounts.addProduct(account, d.product);
    const purchase: Purchase = {
      id: '',
      accountId: account.id,
      ...(contact ? { contactId: contact.id } : {}),
      amount: d.amount,
      currency: d.currency,
      at: d.at,
      ...(d.product ? { product: d.product } : {}),
      importId: this.ids.importId,
    };
    const key = purchaseKey(purchase);
    const matched = this.matched.get(key) ?? 0;
    if (matched < this.existing.purchaseCount(key)) {
      this.matched.set(key, matched + 1);
      return 'merged';
    }
    this.purchases.push({ ...purchase, id: this.ids.newId() });
    return 'imported';
  }
}
