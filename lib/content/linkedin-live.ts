import type { Requester } from '@/lib/messaging/client';
import type { RequestOf } from '@/lib/messaging/protocol';
import type { createPageReporter } from './page-report';
import type { PageWatcher } from './page-watcher';
import { failedReaders } from './sites/health';
import { type LinkedInConversation, parseLinkedInUrl, readConversations, readProfile } from './sites/linkedin';

/** Shown in the side panel when the seller is on LinkedIn but not on a profile or a conversation. */
export const LINKEDIN_EMPTY = 'Open a LinkedIn profile or a conversation to see what Rapport knows about the person.';

/**
 * How long a profile page may keep showing the previous profile (LinkedIn renders the new one
 * after the address changed) before Rapport says the page changed: the person is then shown by
 * the id in the address alone, never with the previous profile's name or company.
 */
export const PROFILE_WAIT_MS = 4_000;

type Report = RequestOf<'page.report'>;
type Person = Report['people'][number];

export interface LinkedInPage {
  report: Omit<Report, 'site'>;
  conversations: LinkedInConversation[];
  /** The profile in the address is not on the page yet: read again on the next change. */
  waiting: boolean;
}

/** What the LinkedIn page in front of the seller shows. `waitedMs`: since the address last changed. */
export function readLinkedInPage(
  doc: Document,
  url: string,
  { now, waitedMs, timeZone }: { now: number; waitedMs: number; timeZone?: string },
): LinkedInPage {
  const route = parseLinkedInUrl(url);
  const lang = doc.documentElement.lang || 'en';
  const conversations = readConversations(doc, { lang, now, ...(timeZone ? { timeZone } : {}) });
  const inConversations = dedupe(
    conversations.value.flatMap((c) => c.participants.map((p) => ({ name: p.name, linkedinId: p.linkedinId }))),
  );
  const health = [...conversations.health];
  let people: Person[] = route.page === 'profile' ? [] : inConversations;
  let waiting = false;
  if (route.page === 'profile') {
    const profile = readProfile(doc, route.slug, route.contactInfo);
    health.push(...profile.health);
    if (profile.value) {
      const { linkedinId, name, emails, company, title } = profile.value;
      people = [
        {
          name,
          linkedinId,
          ...(emails[0] ? { email: emails[0] } : {}),
          ...(company ? { company } : {}),
          ...(title ? { title } : {}),
        },
      ];
    } else if (waitedMs < PROFILE_WAIT_MS) {
      waiting = true;
    } else {
      // The page never showed this profile as Rapport knows it: the address alone says who (not
      // the title, which may still be the previous profile's).
      people = [{ name: route.slug, linkedinId: route.slug }];
      if (!profile.health.length) health.push({ reader: 'profile.card', ok: false, found: 0, expected: 1 });
    }
  }
  return {
    report: { people, health: failedReaders(health), empty: LINKEDIN_EMPTY },
    conversations: conversations.value,
    waiting,
  };
}

function dedupe(people: Person[]): Person[] {
  return [...new Map(people.map((p) => [p.linkedinId, p])).values()];
}

/**
 * Reads the page on every frame in which it changed, reports who it shows, and records the
 * conversations' messages (each once per page life; the background keeps them once for good).
 */
export function startLinkedIn(options: {
  watcher: PageWatcher;
  request: Requester;
  report: ReturnType<typeof createPageReporter>;
}) {
  const { watcher, request, report } = options;
  let address = '';
  let addressSince = 0;
  let shown = 0;
  let healthKey = '';
  const sent = new Set<string>();
  watcher.onFrame((signal) => {
    if (location.href !== address) {
      address = location.href;
      addressSince = Date.now();
    }
    const page = readLinkedInPage(document, location.href, { now: Date.now(), waitedMs: Date.now() - addressSince });
    if (page.waiting) {
      // Nothing may change on a page LinkedIn stopped rendering: look once more when the wait is over.
      const timer = setTimeout(() => watcher.wake(), PROFILE_WAIT_MS);
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
      return;
    }
    void report.set(page.report);
    const failed = page.report.health ?? [];
    if (failed.join() !== healthKey) {
      healthKey = failed.join();
      // The dashboard shows the last report, as for Gmail: LinkedIn changed, seen after the tab is gone.
      void request('health.report', { site: 'linkedin', failed });
    }
    const fresh = page.conversations
      .map((c) => ({
        participants: c.participants.map((p) => p.linkedinId),
        messages: c.messages
          .filter((m) => !sent.has(m.id))
          .map((m) => ({ id: m.id, at: m.at, from: m.from === 'me' ? 'me' : (m.linkedinId ?? '') })),
      }))
      .filter((c) => c.messages.length > 0);
    if (fresh.length === 0) return;
    for (const c of fresh) for (const m of c.messages) sent.add(m.id);
    void request('linkedin.capture', { conversations: fresh.slice(0, 10) }).then((result) => {
      // New touches change the cards: the panel looks the people up again.
      if (result.ok && result.data.stored > 0) void report.set({ shown: ++shown });
    });
  });
}
