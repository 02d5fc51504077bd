import { isFreeMailDomain, registrableDomain } from '@/lib/shared/domains';
import type { Account } from '@/lib/shared/model';
import { Book } from './book';
import { companyKey, domainCompanyKey } from './companies';
import type { ExistingRecords } from './existing';

export interface PlanIds {
  importId: string;
  now: number;
  newId: () => string;
}

/**
 * Accounts come from company names and from the registrable domains of contacts' work
 * addresses (`mail.acme.co.uk` → `acme.co.uk`), never from free mail or the seller's own
 * domains. An account known by name and one known by domain are one account when the names
 * agree ("Acme Inc." and acme.com), so neither a file nor the store ends up with twins.
 */
export class AccountPlan {
  readonly book = new Book<Account>();
  private readonly byDomain = new Map<string, string>();
  private readonly byKey = new Map<string, string>();
  private readonly internal: Set<string>;
  /** Accounts this import named after a domain for want of a company name; a later name replaces it. */
  private readonly namedByDomain = new Set<string>();

  constructor(
    private readonly existing: ExistingRecords,
    private readonly ids: PlanIds,
    internalDomains: readonly string[],
  ) {
    this.internal = new Set(internalDomains.map((d) => d.trim().toLowerCase()));
  }

  /** The domains of these addresses that can name an account, once each. */
  domainsOf(emails: readonly string[]): string[] {
    const domains = emails.map((e) => registrableDomain(e)).filter((d): d is string => !!d);
    return [...new Set(domains)].filter((d) => !isFreeMailDomain(d) && !this.internal.has(d));
  }

  byId(id: string): Account | undefined {
    const known = this.book.get(id);
    if (known) return known;
    const stored = this.existing.accountById(id);
    return stored && this.adopt(stored);
  }

  /** The account for a company name and/or work domains, created when there is none; undefined without either. */
  resolve(company: string | undefined, domains: readonly string[]): Account | undefined {
    let account: Account | undefined;
    for (const d of domains) account ??= this.findByDomain(d);
    if (!account && company) account = this.findByKey(companyKey(company));
    // A contact at acme.com with no company column still belongs to the "Acme Inc." known by name.
    if (!account && !company) {
      for (const d of domains) {
        const key = domainCompanyKey(d);
        account ??= key ? this.findByKey(key) : undefined;
      }
    }
    if (!account) return company || domains.length ? this.create(company, domains) : undefined;
    for (const d of domains) this.addDomain(account, d);
    if (company && this.namedByDomain.has(account.id)) {
      account.name = company;
      this.namedByDomain.delete(account.id);
      this.register(account);
    }
    return account;
  }

  addProduct(account: Account, product: string): void {
    if (!account.products.includes(product)) account.products.push(product);
  }

  private findByDomain(domain: string): Account | undefined {
    const id = this.byDomain.get(domain);
    if (id) return this.book.get(id);
    const stored = this.existing.accountByDomain(domain);
    return stored && this.adopt(stored);
  }

  private findByKey(key: string): Account | undefined {
    if (!key) return undefined;
    const id = this.byKey.get(key);
    if (id) return this.book.get(id);
    const stored = this.existing.accountByKey(key);
    return stored && this.adopt(stored);
  }

  private adopt(stored: Account): Account {
    const account = this.book.adopt(stored);
    this.register(account);
    return account;
  }

  private create(company: string | undefined, domains: readonly string[]): Account {
    const { importId, now, newId } = this.ids;
    const account = this.book.add({
      id: newId(),
      // Without a company name the domain is the most honest name there is.
      name: company || domains[0] || '',
      domains: [],
      valueTier: 'medium',
      products: [],
      notes: '',
      createdAt: now,
      updatedAt: now,
      importId,
    });
    if (!company) this.namedByDomain.add(account.id);
    for (const d of domains) this.addDomain(account, d);
    this.register(account);
    return account;
  }

  /** Adds a domain unless another account owns it: a domain names one company. */
  private addDomain(account: Account, domain: string): void {
    if (account.domains.includes(domain)) return;
    const owner = this.byDomain.get(domain) ?? this.existing.accountByDomain(domain)?.id;
    if (owner && owner !== account.id) return;
    account.domains.push(domain);
    this.byDomain.set(domain, account.id);
    const key = domainCompanyKey(domain);
    if (key && !this.byKey.has(key)) this.byKey.set(key, account.id);
  }

  private register(account: Account): void {
    for (const d of account.domains) if (!this.byDomain.has(d)) this.byDomain.set(d, account.id);
    const key = this.namedByDomain.has(account.id) ? undefined : companyKey(account.name);
    if (key && !this.byKey.has(key)) this.byKey.set(key, account.id);
    for (const d of account.domains) {
      const dk = domainCompanyKey(d);
      if (dk && !this.byKey.has(dk)) this.byKey.set(dk, account.id);
    }
  }
}
