import { z } from 'zod';
import { DEFAULT_PER_DAY } from '@/lib/shared/relationship/stagger';
import { Domain, Email, LinkedInId, List, ValueTier } from './common';

/** Days between two-way contacts: aim for `idealDays`, never let it pass `maxDays`. */
export const Cadence = z
  .object({
    idealDays: z.number().int().min(1).max(180),
    // Out of sight is out of mind: the longest gap is bounded at half a year.
    maxDays: z.number().int().min(1).max(180),
  })
  .refine((c) => c.maxDays >= c.idealDays, { message: 'the maximum gap must not be shorter than the ideal one' });

export const DigestTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/** How long the settings' lists may grow (a list past its limit is refused with the limit named). */
export const SETTINGS_LIMITS = {
  internalDomains: 200,
  declinedInternalDomains: 500,
  confirmedAccounts: 50,
  ignoredAddresses: 10_000,
} as const;

/**
 * No defaults in the schema: DEFAULT_SETTINGS is the one place they live, stored settings are
 * read over it, and a patch must never fill in a field the seller did not send.
 */
export const Settings = z.object({
  me: z.object({
    name: z.string().trim().max(200),
    emails: List(Email, 20),
    /** The seller's name as CRM exports write it in their "owner" column. */
    crmOwnerName: z.string().trim().max(200),
    /** Typed by the seller; never read from LinkedIn's own "me" data. */
    linkedinId: LinkedInId.optional(),
  }),
  /** Mail from these domains is from colleagues, not customers. */
  internalDomains: List(Domain, SETTINGS_LIMITS.internalDomains),
  /**
   * Of those, the ones Rapport added itself: the company domain of a Gmail account the seller
   * uses (never free mail). Settings shows them as proposals the seller can remove.
   */
  proposedInternalDomains: List(Domain, SETTINGS_LIMITS.internalDomains),
  /** Proposals the seller removed: never proposed again. */
  declinedInternalDomains: List(Domain, SETTINGS_LIMITS.declinedInternalDomains),
  cadence: z.record(ValueTier, Cadence),
  digestTime: DigestTime,
  inboxMarkers: z.boolean(),
  /** IANA zone for due dates; empty means the browser's own. */
  timeZone: z.string().max(100),
  /** Gmail accounts (their addresses) the seller confirmed as work accounts; capture starts only there. */
  confirmedAccounts: List(Email, SETTINGS_LIMITS.confirmedAccounts),
  /** Addresses the seller never wants to see in the sidebar (newsletters, noreply). */
  ignoredAddresses: List(Email, SETTINGS_LIMITS.ignoredAddresses),
  /**
   * How many newly overdue follow-ups a day: past that, an import's pile is spread over the
   * coming working days (lib/shared/relationship/stagger.ts). Replies owed never move.
   */
  followUpsPerDay: z.number().int().min(1).max(500),
  /** On Gmail, the sidebar in the browser's side panel instead of framed into Gmail's page. */
  gmailInSidePanel: z.boolean(),
  /** Contacts' names in the browser's notifications (off for a shared or visible lock screen: counts only). */
  namesInNotifications: z.boolean(),
  /** When onboarding was finished or skipped; absent until then. */
  onboardedAt: z.number().int().optional(),
});
export type Settings = z.infer<typeof Settings>;

/** Everything works with these before onboarding: nobody is left without a cadence. */
export const DEFAULT_SETTINGS: Settings = {
  me: { name: '', emails: [], crmOwnerName: '' },
  internalDomains: [],
  proposedInternalDomains: [],
  declinedInternalDomains: [],
  cadence: {
    high: { idealDays: 14, maxDays: 30 },
    medium: { idealDays: 30, maxDays: 60 },
    low: { idealDays: 60, maxDays: 120 },
  },
  digestTime: '08:30',
  inboxMarkers: true,
  timeZone: '',
  confirmedAccounts: [],
  ignoredAddresses: [],
  followUpsPerDay: DEFAULT_PER_DAY,
  namesInNotifications: true,
  gmailInSidePanel: false,
};

/** Settings as the seller edits them: any part may be left out. */
export const SettingsPatch = Settings.extend({
  me: Settings.shape.me.partial(),
  cadence: z.partialRecord(ValueTier, Cadence),
}).partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
