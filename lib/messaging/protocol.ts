/**
 * The one protocol between content scripts, extension pages and the background.
 * Schemas live here and the types are inferred from them. Only the background imports this
 * file as a value (to validate); content scripts and components use `import type` so zod
 * never reaches their bundles.
 */
import { z } from 'zod';
import {
  Account,
  CalendarDate,
  Contact,
  ContactStatus,
  DataSet,
  Direction,
  Email,
  FollowUp,
  GmailId,
  Id,
  LinkedInId,
  Purchase,
  Reason,
  Seller,
  Settings,
  SettingsPatch,
  ShortText,
  Timestamp,
  Touch,
  TouchKind,
  TrustLevel,
  ValueTier,
} from '@/lib/shared/model';

// Extension pages forbid `new Function`; tell zod up front instead of letting it probe
// (the probe shows up as a CSP error on the extension's page in Chrome).
z.config({ jitless: true });

/**
 * Who may send a request: any context of ours, extension pages only (never a content script),
 * or content scripts only (a report about the tab they run in).
 */
export type Access = 'any' | 'page' | 'content';

const define = <Req extends z.ZodType, Res extends z.ZodType>(access: Access, request: Req, response: Res) => ({
  access,
  request,
  response,
});

const SettingsView = Settings.pick({
  internalDomains: true,
  confirmedAccounts: true,
  ignoredAddresses: true,
  inboxMarkers: true,
  timeZone: true,
  gmailInSidePanel: true,
}).extend({ me: Settings.shape.me.pick({ emails: true }) });
export type SettingsView = z.infer<typeof SettingsView>;

const Count = z.number().int().nonnegative();

/**
 * The dashboard's views of the whole book answer at once with the last answer worked out
 * (kept in the store, `stale`), while the worker works out today's; the page then asks with
 * `fresh` and shows that. `asOf` is when the answer was worked out (lib/background/views.ts).
 */
/**
 * The largest file whose text an import keeps to finish it after a closed tab. Chrome refuses an
 * extension message over 64 MiB ("Message exceeded maximum allowed size of 64MiB", reported in
 * https://github.com/scriptscat/scriptcat/issues/1744); 100,000 activity rows are about 8 MB. A
 * larger file still imports; it is just not kept.
 */
export const MAX_IMPORT_TEXT = 48_000_000;

/**
 * Records per message when many move between the dashboard and the worker (an import's parts, a
 * restore's, an export's pages): a part serialises in milliseconds and never nears the limit.
 * The worker cuts an import's touches again into parts of this size (import-journal.ts).
 */
export const PART = 5_000;

const TeamServer = z.object({
  url: z.string().max(2_000),
  database: z.string().min(1).max(200),
  user: z.string().max(200),
  hasPassword: z.boolean(),
});
const ConnectionResult = z.enum(['ok', 'unreachable', 'wrong-password', 'no-access', 'no-database', 'invalid']);
const SyncStatus = z.object({
  at: Timestamp,
  ok: z.boolean(),
  /** Why it failed, in words. */
  error: z.string().optional(),
  pushed: Count.default(0),
  pulled: Count.default(0),
  /** Documents from the team held back, with why (until a later version of them is taken). */
  refused: z.array(z.string()).max(500).default([]),
});

const BookRequest = z.object({ fresh: z.boolean().default(false) });
const LastKnown = z.object({ asOf: Timestamp, stale: z.boolean() });
const StoreName = z.enum(['sellers', 'accounts', 'contacts', 'touches', 'purchases', 'followUps']);

/** A merge planned into an existing record (lib/shared/import/changes.ts). */
const MergeOf = <T extends z.ZodObject>(record: T) =>
  z.object({
    id: Id,
    after: record,
    before: z.record(z.string(), z.unknown()),
    added: z.array(record.keyof()).max(50),
    expectedUpdatedAt: Timestamp,
  });

const Counts = z.object({
  sellers: z.number(),
  accounts: z.number(),
  contacts: z.number(),
  touches: z.number(),
  purchases: z.number(),
  followUps: z.number(),
});

export { DataSet } from '@/lib/shared/model';

/** What the sidebar card shows for one tracked contact; reasons are codes the UI words. */
const Card = z.object({
  contactId: Id,
  trust: z.object({ level: TrustLevel, score: z.number(), overridden: z.boolean(), reasons: z.array(Reason) }),
  /** The live follow-up: the suggested next touch, when the contact has a cadence. */
  followUp: FollowUp.nullable(),
  risk: z.object({ state: z.enum(['healthy', 'at-risk', 'lost', 'not-customer']), reasons: z.array(Reason) }),
  /** The latest touches, newest first. */
  recent: z.array(Touch),
  /** Two-way contacts per month (`YYYY-MM`), for the sparkline. */
  touchesByMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  account: Account.nullable(),
  coverage: z
    .object({ quadrant: z.number().int().min(1).max(4).nullable(), risk: Reason, moves: z.array(Reason) })
    .nullable(),
  value: z.array(
    z.object({
      currency: z.string(),
      toDate: z.number(),
      perYear: z.number(),
      years: z.number(),
      ahead: z.number().nullable(),
      expectedYears: z.number().nullable(),
    }),
  ),
});
export type Card = z.infer<typeof Card>;

/** A company as a LinkedIn profile shows it; the id or slug from its `/company/<id>/` link when there is one. */
const PageCompany = z.object({
  name: ShortText(200).pipe(z.string().min(1)),
  linkedinCompanyId: z
    .string()
    .regex(/^[\w.%-]{1,100}$/)
    .optional(),
});

/** A person as a page shows them, with the keys the background matches on. */
const PagePerson = z.object({
  name: ShortText(200),
  email: Email.optional(),
  linkedinId: LinkedInId.optional(),
  company: PageCompany.optional(),
  /** On a LinkedIn profile: the current position's title. */
  title: ShortText(200).optional(),
});
export type PagePerson = z.infer<typeof PagePerson>;

const ContactQuery = z
  .object({ email: Email.optional(), linkedinId: LinkedInId.optional() })
  .refine((q) => q.email || q.linkedinId, { message: 'give an email or a linkedinId' });

export const protocol = {
  /** Liveness, and which worker instance answered (a new `bootId` after every worker start). */
  ping: define('any', z.object({}), z.object({ version: z.string(), bootId: z.string(), startedAt: Timestamp })),
  'settings.get': define('page', z.object({}), Settings),
  /**
   * What a page reader needs of the settings to tell who is who and whether to record: no names,
   * no CRM owner, no rhythm. The content scripts' only view of the settings.
   */
  'settings.view': define('any', z.object({}), SettingsView),
  'settings.update': define('page', SettingsPatch, Settings),
  'contact.find': define('page', ContactQuery, Contact.nullable()),
  /** One contact by id (the dashboard's contact page), or null. */
  'contact.get': define('page', z.object({ contactId: Id }), Contact.nullable()),
  /** Start tracking a person seen on a page. Idempotent: an existing contact is returned as is. */
  'contact.track': define(
    'page',
    z
      .object({
        name: ShortText(200),
        email: Email.optional(),
        linkedinId: LinkedInId.optional(),
        /** On LinkedIn: the profile's current company, the account for someone without an address. */
        company: PageCompany.optional(),
        /** On LinkedIn: the current position's title. */
        title: ShortText(200).optional(),
      })
      .refine((q) => q.email || q.linkedinId, { message: 'give an email or a linkedinId' }),
    Contact,
  ),
  /** Customer, prospect (active or not), former or plain contact: the status decides the cadence. */
  'contact.setStatus': define(
    'page',
    z.object({ contactId: Id, status: ContactStatus, activeProspect: z.boolean().default(false) }),
    Contact,
  ),
  /** A hand-set trust level: shown as the seller's and expiring, so it cannot hide a cooling relationship. */
  'contact.setTrust': define(
    'page',
    z.object({ contactId: Id, level: TrustLevel.nullable(), days: z.number().int().min(1).max(365).default(90) }),
    Contact,
  ),
  'account.setTier': define('page', z.object({ accountId: Id, tier: ValueTier }), Account),
  'purchase.add': define(
    'page',
    z.object({
      accountId: Id,
      contactId: Id.optional(),
      amount: Purchase.shape.amount,
      currency: z.string().regex(/^[A-Z]{3}$/),
      product: ShortText(200).optional(),
    }),
    z.object({ id: Id }),
  ),
  /** Never show this address again (a newsletter, a noreply): kept in settings, editable there. */
  'address.ignore': define('page', z.object({ email: Email }), z.object({ ignoredAddresses: z.array(Email) })),
  'touch.add': define(
    'page',
    z.object({
      contactId: Id,
      kind: TouchKind,
      direction: Direction,
      at: Timestamp,
      summary: ShortText(300).optional(),
      sourceId: z.string().min(1).max(300).optional(),
      happiness: z.number().int().min(1).max(5).optional(),
    }),
    /** `duplicate` is true when this source id was already stored for this contact. */
    z.object({ touch: Touch, duplicate: z.boolean() }),
  ),
  'touch.list': define(
    'page',
    z.object({ contactId: Id, limit: z.number().int().min(1).max(1000).default(20) }),
    z.array(Touch),
  ),
  /** Everything the sidebar shows for the people on a page, in one request. */
  'people.lookup': define(
    'page',
    z.object({
      emails: z.array(Email).max(200).default([]),
      linkedinIds: z.array(LinkedInId).max(50).default([]),
      /**
       * LinkedIn profiles on the page, matched by id, then an address from their contact info,
       * then name and company (to confirm); a matched contact whose account differs from the
       * profile's company has changed jobs.
       */
      profiles: z
        .array(
          z.object({
            linkedinId: LinkedInId,
            name: ShortText(200),
            emails: z.array(Email).max(10).default([]),
            company: PageCompany.optional(),
          }),
        )
        .max(5)
        .default([]),
    }),
    z.object({
      contacts: z.array(Contact),
      cards: z.array(Card),
      matches: z
        .array(
          z.object({
            linkedinId: LinkedInId,
            kind: z.enum(['linkedin', 'email', 'name', 'conflict', 'none']),
            contactIds: z.array(Id),
            jobChange: z.object({ from: z.string(), to: z.string() }).optional(),
          }),
        )
        .default([]),
    }),
  ),
  /** The seller corrects a contact's name, title or addresses (an address another contact has is refused). */
  'contact.update': define(
    'page',
    z.object({
      contactId: Id,
      name: ShortText(200).optional(),
      title: ShortText(200).optional(),
      emails: z.array(Email).max(20).optional(),
    }),
    Contact,
  ),
  /** The seller corrects an account's name or domains. */
  'account.update': define(
    'page',
    z.object({
      accountId: Id,
      name: ShortText(200).optional(),
      domains: z.array(z.string().min(3).max(253)).max(20).optional(),
    }),
    Account,
  ),
  /** Two accounts are one company: `mergeId`'s contacts, touches and purchases move to `keepId`. */
  'account.merge': define('page', z.object({ keepId: Id, mergeId: Id }), Account),
  /** Two contacts are one person: `mergeId` is merged into `keepId`, every touch kept. */
  'contact.merge': define(
    'page',
    z.object({ keepId: Id, mergeId: Id }),
    z.object({ contact: Contact, moved: z.number() }),
  ),
  /** Deletes a contact with their touches and follow-ups; `contact.undoDelete` brings all of it back. */
  'contact.delete': define('page', z.object({ contactId: Id }), z.object({})),
  'contact.undoDelete': define('page', z.object({ contactId: Id }), Contact),
  /** The seller confirms a LinkedIn profile is this contact: the id is stored on them (and taken from another). */
  'profile.link': define('page', z.object({ contactId: Id, linkedinId: LinkedInId }), Contact),
  /** The person moved to the company their profile shows: they join its account (found or made). */
  'contact.moveToCompany': define(
    'page',
    z.object({ contactId: Id, company: PageCompany, title: ShortText(200).optional() }),
    Contact,
  ),
  /** The seller confirms that the Gmail account open on the page is a work account: capture may start. */
  'account.confirm': define('page', z.object({ account: Email }), z.object({ confirmedAccounts: z.array(Email) })),
  /**
   * What a content script reads on its tab's page: the people it shows (at most 50), which
   * readers failed. Kept per tab in the session store, where the sidebar page (the side panel)
   * reads it. A LinkedIn profile's current company also names an account known only by
   * LinkedIn's company id, and gives a tracked contact without an account their company's.
   */
  'page.report': define(
    'content',
    z.object({
      site: z.enum(['gmail', 'linkedin']),
      people: z.array(PagePerson).max(50),
      health: z.array(z.string().max(60)).max(30).default([]),
      /** An empty-list message for the sidebar, chosen by the site ("Open a profile …"). */
      empty: z.string().max(200).default(''),
      /** Counts up each time the page asks for the people to be shown afresh (new touches were recorded). */
      shown: z.number().int().min(0).default(0),
      /** Gmail: the account open on the page, and whether the seller confirmed it is for work. */
      account: z.object({ address: Email, confirmed: z.boolean() }).optional(),
      /** The page's theme is dark: the sidebar follows it. */
      dark: z.boolean().optional(),
      /** Gmail: how the framed sidebar sits (the content script sizes its host; the frame draws it). */
      layout: z
        .object({
          /** The seller's saved choice. */
          collapsed: z.boolean(),
          /** What is on screen: collapsed by choice, or for lack of room. */
          shownCollapsed: z.boolean(),
          cramped: z.boolean(),
          inColumn: z.boolean(),
        })
        .optional(),
    }),
    z.object({}),
  ),
  /**
   * From the sidebar framed into a tab: ask that tab's content script to collapse or expand the
   * sidebar's host, or to read and record the page again (the seller tracked someone, or
   * confirmed the account). The background passes it to the sender's own tab only.
   */
  'sidebar.command': define('page', z.object({ command: z.enum(['toggle-sidebar', 'rescan']) }), z.object({})),
  /**
   * The Gmail account open on a page: its company domain (not free mail) becomes a proposed
   * internal domain unless the seller declined it. Answers with the internal domains now.
   */
  'account.seen': define('any', z.object({ account: Email }), z.object({ internalDomains: z.array(z.string()) })),
  /** Gmail messages seen on a page, metadata only; stored as touches with tracked contacts. */
  'gmail.capture': define(
    'any',
    z.object({
      /** The Gmail account open on the page: capture runs only on confirmed accounts. */
      account: Email,
      messages: z
        .array(
          z
            .object({
              /** Gmail's message id in decimal (`#msg-f:<id>`; the legacy hex id converted). */
              id: GmailId.optional(),
              /** Gmail's thread id in decimal (`thread-f:<id>`), when the page shows it. */
              threadId: GmailId.optional(),
              /**
               * A message the seller just sent, before Gmail shows it with an id: the draft id or a
               * key the compose window was given. Replaced by the real id once the thread shows it.
               */
              sentKey: z
                .string()
                .regex(/^[\w-]{1,80}$/)
                .optional(),
              subject: ShortText(300).optional(),
              at: Timestamp,
              from: Email,
              to: z.array(Email).max(500).default([]),
            })
            .refine((m) => (m.id === undefined) !== (m.sentKey === undefined), {
              message: 'a message has either a Gmail id or a sent key',
            }),
        )
        .max(500),
    }),
    z.object({
      confirmed: z.boolean(),
      stored: z.number(),
      duplicates: z.number(),
      /** External people on these messages whom the seller does not track. */
      untracked: z.number(),
    }),
  ),
  /**
   * LinkedIn conversations seen on a page, metadata only: who wrote each message and when. Stored
   * as `linkedin-message` touches with tracked participants, once per message (LinkedIn's event id).
   */
  'linkedin.capture': define(
    'any',
    z.object({
      conversations: z
        .array(
          z.object({
            participants: z.array(LinkedInId).min(1).max(20),
            messages: z
              .array(
                z.object({
                  id: z.string().regex(/^urn:li:[\w:(),.=+/-]{1,250}$/),
                  from: z.union([z.literal('me'), LinkedInId]),
                  at: Timestamp,
                }),
              )
              .max(500),
          }),
        )
        .max(10),
    }),
    z.object({ stored: z.number(), duplicates: z.number() }),
  ),
  /**
   * The dashboard's book of business: every account with its coverage quadrant and the moves
   * toward quadrant 4, its value, its contacts and those at risk, its last two-way contact and owners.
   */
  'book.accounts': define(
    'page',
    BookRequest,
    LastKnown.extend({
      accounts: z.array(
        z.object({
          id: Id,
          name: z.string(),
          domain: z.string(),
          valueTier: ValueTier,
          value: z.array(z.object({ currency: z.string(), toDate: z.number() })),
          quadrant: z.number().int().min(1).max(4).nullable(),
          moves: z.array(Reason),
          sellers: z.number().int(),
          contacts: z.number().int(),
          customers: z.number().int(),
          atRisk: z.number().int(),
          lastTwoWayAt: Timestamp.optional(),
          owners: z.array(z.string()),
        }),
      ),
    }),
  ),
  /** One account for its dashboard page: contacts and who knows them, coverage, purchases, history. */
  'account.page': define(
    'page',
    z.object({ accountId: Id }),
    z
      .object({
        account: Account,
        contacts: z.array(
          z.object({
            id: Id,
            name: z.string(),
            title: z.string().optional(),
            status: ContactStatus,
            /** The sellers with two-way contact with them in the coverage window ("you" for the seller). */
            knownBy: z.array(z.string()),
          }),
        ),
        coverage: z.object({
          quadrant: z.number().int().min(1).max(4).nullable(),
          risk: Reason,
          moves: z.array(Reason),
        }),
        purchases: z.array(Purchase),
        value: z.array(z.object({ currency: z.string(), toDate: z.number(), perYear: z.number() })),
        history: z.array(Touch),
      })
      .nullable(),
  ),
  /** Every contact, for the dashboard's table and its search as you type. */
  'book.contacts': define(
    'page',
    BookRequest,
    LastKnown.extend({
      contacts: z.array(
        z.object({
          id: Id,
          name: z.string(),
          emails: z.array(z.string()),
          account: z.string().optional(),
          title: z.string().optional(),
          status: ContactStatus,
          risk: z.enum(['healthy', 'at-risk', 'lost', 'not-customer']),
          lastTwoWayAt: Timestamp.optional(),
        }),
      ),
      /** Set when `contacts` are only the first rows of this many (a kept answer, `stale`). */
      total: z.number().int().nonnegative().optional(),
    }),
  ),
  /** The leaky bucket: accounts won, lost and at risk per month, with the accounts' names. */
  'book.bucket': define(
    'page',
    BookRequest.extend({ months: z.number().int().min(1).max(120).default(24) }),
    LastKnown.extend({
      months: z.array(
        z.object({
          month: z.string(),
          won: z.number().int(),
          lost: z.number().int(),
          atRisk: z.number().int(),
          net: z.number().int(),
          active: z.number().int(),
          wonAccounts: z.array(z.string()),
          lostAccounts: z.array(z.string()),
          atRiskAccounts: z.array(z.string()),
        }),
      ),
      names: z.record(z.string(), z.string()),
    }),
  ),
  /** The popup's list: follow-ups due within a week, most urgent first. */
  'followup.list': define(
    'page',
    z.object({ team: z.boolean().default(false) }),
    z.object({
      today: CalendarDate,
      /** False while no contact is known to be the seller's own (no CRM owner matched yet). */
      ownerKnown: z.boolean(),
      /** How many follow-ups each group holds; `rows` carries the most urgent twenty. */
      counts: z.object({ reply: z.number(), overdue: z.number(), today: z.number(), upcoming: z.number() }),
      /** Contacts Rapport tracks, the seller's and the team's. */
      tracked: z.number().int().min(0),
      /** When nothing is due this week: the first follow-up after it, and whose. */
      next: z.object({ name: z.string(), due: CalendarDate }).nullable(),
      rows: z.array(
        z.object({
          followUp: FollowUp,
          name: z.string(),
          email: Email.optional(),
          linkedinId: LinkedInId.optional(),
          account: z.string().optional(),
          /** The last Gmail thread with them Rapport saw, and the Gmail account it was seen in. */
          gmail: z.object({ threadId: GmailId, account: Email }).optional(),
          mine: z.boolean(),
          trust: TrustLevel,
          group: z.enum(['reply', 'overdue', 'today', 'upcoming']),
        }),
      ),
    }),
  ),
  /** Done (logs the touch; a check-in carries the 1-5 answer), snooze to a date, or dismiss. */
  'followup.act': define(
    'page',
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('done'), id: Id, happiness: z.number().int().min(1).max(5).optional() }),
      z.object({ type: z.literal('snooze'), id: Id, until: CalendarDate }),
      z.object({ type: z.literal('dismiss'), id: Id }),
    ]),
    FollowUp,
  ),
  /** The sidebar remembers, per site, whether the seller collapsed it. */
  'sidebar.prefs': define(
    'any',
    z.object({ site: z.enum(['gmail', 'linkedin']) }),
    z.object({ collapsed: z.boolean() }),
  ),
  'sidebar.setPrefs': define(
    'any',
    z.object({ site: z.enum(['gmail', 'linkedin']), collapsed: z.boolean() }),
    z.object({ collapsed: z.boolean() }),
  ),
  /** Marks for tracked senders in the Gmail list: reply owed, overdue, or a customer with no trust yet. */
  'markers.lookup': define(
    'any',
    z.object({ emails: z.array(Email).max(500) }),
    z.object({
      markers: z.array(
        z.object({ email: Email, reason: z.enum(['reply', 'overdue', 'low-trust']), name: ShortText(200) }),
      ),
    }),
  ),
  /** A content script says which of its page readers failed (empty: all found what they expected). */
  'health.report': define(
    'any',
    z.object({ site: z.enum(['gmail', 'linkedin']), failed: z.array(z.string().regex(/^[a-z]+\.[a-zA-Z]+$/)).max(30) }),
    z.object({}),
  ),
  'health.last': define(
    'page',
    z.object({}),
    z.object({ site: z.enum(['gmail', 'linkedin']), failed: z.array(z.string()), at: Timestamp }).nullable(),
  ),
  'data.counts': define('page', z.object({}), Counts),
  /** Adds or replaces records as given; the test and demo seeding path, and later restore. */
  'data.put': define('page', DataSet, Counts),
  'data.export': define('page', z.object({}), DataSet),
  /**
   * One part of one store, in id order, for exports: a whole store can pass the 64 MB a browser
   * message carries. `next` is the key to pass as `after` for the following part. Touches come
   * as whole contacts' logs, in contact order, about `limit` of them (lib/background/data.ts).
   */
  'data.page': define(
    'page',
    z.object({
      store: StoreName,
      after: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(10_000).default(5_000),
    }),
    z.object({
      /** Records as stored, also one that fails today's schema: a backup must carry everything. */
      data: z.partialRecord(StoreName, z.array(z.looseObject({ id: z.string() }))),
      next: z.string().optional(),
      /** How many of these records fail today's schema. */
      invalid: Count,
    }),
  ),
  /**
   * Every stored record that fails today's schema (each is left out of the answers it would
   * break): which store, which id, what is wrong, the first 200 of them, and how many in all.
   */
  'data.check': define(
    'page',
    z.object({}),
    z.object({
      problems: z.array(z.object({ store: StoreName, id: z.string(), problem: z.string() })).max(200),
      total: Count,
    }),
  ),
  /**
   * One part of an import's records, stored as given (a file of 100,000 rows goes in parts, so
   * no message holds it all); `import.settle` then brings the contacts' follow-ups up to date.
   */
  'import.write': define('page', DataSet, z.object({})),
  'import.settle': define(
    'page',
    z.object({
      contactIds: z.array(Id),
      /** Of those, the ones the import created and gave no touch: nothing to read for them. */
      blank: z.array(Id).default([]),
    }),
    Counts,
  ),
  /**
   * An import owned by the worker (lib/background/import-journal.ts): `begin` opens its journal,
   * `stage` hands over a part of the file's records (not live yet), `commit` says every row is
   * handed over and has the worker apply and plan them. An import whose tab is gone before it was
   * done is listed by `import.journals` as interrupted: `finish` goes on, `rollback` takes it back
   * (also the undo of a finished import).
   */
  'import.begin': define(
    'page',
    z.object({
      importId: Id,
      name: ShortText(300),
      /** The file's text and confirmed mapping, kept until every row is handed over (import-journal.ts). */
      file: z.object({ text: z.string().max(MAX_IMPORT_TEXT), mapping: z.string().max(100_000).optional() }).optional(),
    }),
    z.object({}),
  ),
  /** The file of an import cut off while it was read, so the dashboard can read it again ("Finish it"). */
  'import.file': define(
    'page',
    z.object({ importId: Id }),
    z.object({ name: z.string(), text: z.string(), mapping: z.string().optional() }),
  ),
  'import.stage': define(
    'page',
    z.object({
      importId: Id,
      records: DataSet.omit({ followUps: true }),
      merges: z.object({ accounts: z.array(MergeOf(Account)), contacts: z.array(MergeOf(Contact)) }),
    }),
    z.object({}),
  ),
  'import.commit': define(
    'page',
    z.object({
      importId: Id,
      contactIds: z.array(Id),
      /** Of those, the ones the import created and gave no touch: nothing to read for them. */
      blank: z.array(Id).default([]),
      counts: z.object({ imported: Count, merged: Count, skipped: Count }),
    }),
    // Nothing but success: counting every store (0.2 s on the bench's store) was for no reader.
    z.object({}),
  ),
  'import.journals': define(
    'page',
    z.object({}),
    z.object({
      journals: z.array(
        z.object({
          importId: Id,
          name: z.string(),
          startedAt: Timestamp,
          stage: z.enum(['reading', 'stored', 'settling', 'done', 'rolling-back']),
          staged: Count,
          applied: Count,
          counts: z.object({ imported: Count, merged: Count, skipped: Count }).optional(),
          finishedAt: Timestamp.optional(),
          fileKept: z.literal(true).optional(),
          /** Not done, and neither its tab nor the worker is working on it. */
          interrupted: z.boolean(),
        }),
      ),
    }),
  ),
  'import.finish': define('page', z.object({ importId: Id }), z.object({})),
  'import.rollback': define('page', z.object({ importId: Id }), z.object({})),
  /**
   * What an import plans against, without the touches themselves: the records it may merge
   * into, and the (source id, contact) pairs of touches earlier imports stored, so importing a
   * file twice adds nothing. A store of 200,000 captured touches sends none of them.
   */
  'import.basis': define(
    'page',
    /**
     * `unless`: the stamp of a basis the page read earlier (while the seller checked the
     * mapping); the answer is `{ unchanged: true }` when nothing was written since.
     */
    z.object({ unless: z.string().optional() }),
    z.union([
      z.object({ unchanged: z.literal(true) }),
      z.object({
        sellers: z.array(Seller),
        accounts: z.array(Account),
        contacts: z.array(Contact),
        purchases: z.array(Purchase),
        importedTouches: z.array(z.object({ sourceId: z.string(), contactId: Id })),
        /** Present when no write ran while it was read: what `unless` takes later. */
        stamp: z.string().optional(),
      }),
    ]),
  ),
  /** Deletes records by id (an import's undo), with the follow-ups of the contacts removed. */
  'data.delete': define(
    'page',
    z.object({
      sellers: z.array(Id).default([]),
      accounts: z.array(Id).default([]),
      contacts: z.array(Id).default([]),
      touches: z.array(Id).default([]),
      purchases: z.array(Id).default([]),
      followUps: z.array(Id).default([]),
    }),
    Counts,
  ),
  'data.reset': define('page', z.object({ confirm: z.literal('erase everything') }), Counts),
  /** An import matched none of its owners to the seller: remember them until the seller says which is them. */
  'owner.ask': define(
    'page',
    z.object({ owners: z.array(z.object({ sellerId: Id, rows: z.number().int().nonnegative() })).max(10_000) }),
    z.object({}),
  ),
  /** The open "which owner is you?" question, or null when there is none. */
  'owner.question': define(
    'page',
    z.object({}),
    z
      .object({
        owners: z.array(
          z.object({
            sellerId: Id,
            name: z.string(),
            emails: z.array(Email),
            /** Rows of the imports that named this owner. */
            rows: z.number(),
            contacts: z.number(),
            touches: z.number(),
          }),
        ),
      })
      .nullable(),
  ),
  /**
   * The seller's answer: that owner's contacts and touches become the seller's own, their name
   * and addresses go into the settings, the seller record goes. `null`: none of these is me.
   */
  'owner.claim': define(
    'page',
    z.object({ sellerId: Id.nullable() }),
    z.object({ contacts: z.number(), touches: z.number(), settings: Settings }),
  ),
  /** The team server as set up (never its password), and how the last sync went. */
  'team.view': define(
    'page',
    z.object({}),
    z.object({
      server: TeamServer.nullable(),
      status: SyncStatus.nullable(),
      /** Changes made here since the last sync that sent them (requests that wrote shared records). */
      pending: Count.default(0),
    }),
  ),
  /**
   * Tests the team server with these details and, when it answers, keeps them and syncs; a
   * password left out keeps the one kept. Nothing is kept when the test fails.
   */
  'team.save': define(
    'page',
    TeamServer.omit({ hasPassword: true }).extend({ password: z.string().max(1_000).optional() }),
    z.object({ result: ConnectionResult, words: z.string() }),
  ),
  'team.leave': define('page', z.object({}), z.object({})),
  /** Syncs now; answers how it went. */
  'team.sync': define('page', z.object({}), SyncStatus),
} as const;

export type Protocol = typeof protocol;
export type RequestType = keyof Protocol;
/** What a sender writes (defaults may be left out). */
export type RequestOf<T extends RequestType> = z.input<Protocol[T]['request']>;
/** What a handler receives, after validation and defaults. */
export type ParsedRequestOf<T extends RequestType> = z.output<Protocol[T]['request']>;
export type ResponseOf<T extends RequestType> = z.output<Protocol[T]['response']>;

/** The envelope on the wire. The marker keeps stray messages from other code out. */
export interface Envelope<T extends RequestType = RequestType> {
  rapport: 1;
  type: T;
  payload: RequestOf<T>;
}

export type ErrorCode = 'invalid' | 'unknown-type' | 'forbidden' | 'failed';
export type Result<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
