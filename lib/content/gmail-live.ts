import type { Requester } from '@/lib/messaging/client';
import type { RequestOf, ResponseOf } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/shared/model';
import { clearMarkers, placeMarkers } from './gmail-markers';
import type { PageWatcher } from './page-watcher';
import { looksDark } from './theme';
import {
  classifyAddress,
  type Check,
  classifyMessage,
  failedReaders,
  findComposeRoots,
  findSendButton,
  type InboxRow,
  makeSelf,
  parseGmailUrl,
  readAccount,
  readCompose,
  readInboxRows,
  readSentRows,
  type SentRow,
  THEME,
  readThread,
  RowMemo,
  type Self,
} from './sites/gmail';

type CaptureMessage = RequestOf<'gmail.capture'>['messages'][number];

/** What the Gmail page tells the sidebar; the entrypoint connects it to the sidebar's state. */
export interface SidebarPort {
  /** Resolves once the people's cards are on screen. */
  showPeople(people: { name: string; email: string }[], emptyMessage: string): Promise<void>;
  setHealth(readers: string[]): void;
  setAccount(account: { address: string; confirmed: boolean } | undefined): void;
  /** Follow the page's light or dark theme. */
  setDark(dark: boolean): void;
}

const EMPTY = 'Open a conversation or write to someone to see them here.';

/**
 * Gmail, live: on every frame the page changed, read who is in the open thread and in any
 * compose window, show the external people, and record the thread's messages. Messages are
 * sent to the background once per page view; the background keeps them once per contact
 * whatever happens here. Capture waits until the seller confirms the account is for work.
 */
export function startGmail(options: { watcher: PageWatcher; request: Requester; sidebar: SidebarPort }) {
  const { watcher, request, sidebar } = options;
  let settings: Settings | undefined;
  let shownKey: string | undefined;
  let healthKey: string | undefined;
  let accountKey = '';
  /** Senders whose markers were asked for; only a sender not among them needs a new look-up. */
  let lookedUp = new Set<string>();
  let placeAll = false;
  let markers = new Map<string, ResponseOf<'markers.lookup'>['markers'][number]>();
  const handled = new Set<string>();
  const inFlight = new Set<string>();
  let awaitingConfirmation = false;
  const wired = new WeakSet<Element>();
  const rows = new RowMemo();

  /** Settings can change in the dashboard at any time: read them at start and on every navigation. */
  const loadSettings = async () => {
    const result = await request('settings.get', {});
    if (!result.ok) return;
    const before = settings && whoIsWho(settings);
    settings = result.data;
    // Read the page again only when the change alters who is who (or whether to record).
    if (whoIsWho(settings) !== before) {
      shownKey = undefined;
      watcher.refresh();
    }
  };

  watcher.onFrame((signal, reason, changed) => {
    if (reason === 'mutation') rows.changed(changed);
    else rows.clear();
    if (reason === 'navigation' || (reason === 'start' && !settings)) void loadSettings();
    if (reason !== 'mutation') sidebar.setDark(looksDark(document.querySelector(THEME.panel) ?? document.body));
    if (reason === 'navigation') {
      handled.clear();
      shownKey = undefined;
    }
    const href = location.href;
    const route = parseGmailUrl(href);
    if (!route) return;
    const account = readAccount(document, href);
    const accountEmail = account.value.email;
    const self = makeSelf({
      emails: settings?.me.emails ?? [],
      internalDomains: settings?.internalDomains ?? [],
      ...(accountEmail ? { accountEmail } : {}),
    });
    const confirmed = !!accountEmail && !!settings?.confirmedAccounts.includes(accountEmail);
    if (`${accountEmail} ${confirmed}` !== accountKey) {
      accountKey = `${accountEmail} ${confirmed}`;
      sidebar.setAccount(accountEmail ? { address: accountEmail, confirmed } : undefined);
    }

    const health: Check[] = [...account.health];
    const people = new Map<string, string>();
    let toRecord: CaptureMessage[] = [];
    if (route.threadOpen) {
      const thread = readThread(document, { self, lang: document.documentElement.lang, ...zone(settings) });
      health.push(...thread.health);
      for (const message of thread.value.messages) {
        for (const p of classifyMessage(message, self).externals)
          if (!people.has(p.email)) people.set(p.email, p.name ?? '');
      }
      toRecord = toCapture(thread.value.messages, thread.value.subject, [...people.keys()]);
    }
    if (!route.threadOpen) showMarkers(readInboxRows(document, { withoutTime: true, memo: rows }).value, self);
    if (!route.threadOpen && route.route === 'sent' && accountEmail) {
      // Mail the seller sent from elsewhere (a phone, another client) shows up here first.
      const sent = readSentRows(document, { lang: document.documentElement.lang, ...zone(settings) });
      health.push(...sent.health);
      toRecord = sentRowsToCapture(sent.value, accountEmail, self);
    }
    for (const root of findComposeRoots(document)) {
      const compose = readCompose(root);
      health.push(...compose.health);
      for (const r of compose.value.recipients) {
        if (classifyAddress(r.email, self) === 'external' && !people.has(r.email)) people.set(r.email, r.name ?? '');
      }
      if (accountEmail) watchSend(root, accountEmail, self);
    }

    for (const email of settings?.ignoredAddresses ?? []) people.delete(email);
    const failed = failedReaders(route.threadOpen ? health : health.filter((c) => !c.reader.startsWith('thread.')));
    const key = [...people.keys()].join(' ');
    let shown: Promise<void> = Promise.resolve();
    if (key !== shownKey) {
      shownKey = key;
      shown = sidebar.showPeople(
        [...people].map(([email, name]) => ({ email, name })),
        EMPTY,
      );
    }
    if (failed.join() !== healthKey) {
      healthKey = failed.join();
      sidebar.setHealth(failed);
      // The dashboard shows the last report, so a seller can see Gmail changed even after closing the tab.
      void request('health.report', { site: 'gmail', failed });
    }
    // After the cards are on screen: the card is what the seller waits for, the record is not,
    // and the worker should not be busy writing while it answers the look-up.
    if (accountEmail && toRecord.length > 0) void shown.then(() => capture(accountEmail, toRecord, signal));
  });

  /** Marks beside tracked senders in the list: looked up when the senders change, placed every frame. */
  function showMarkers(list: InboxRow[], self: Self) {
    if (settings?.inboxMarkers === false) {
      if (markers.size) clearMarkers(document);
      markers = new Map();
      lookedUp = new Set();
      return;
    }
    // Rows untouched since the last frame keep their dots; new markers go on every row.
    if (markers.size > 0) placeMarkers(placeAll ? list : list.filter((r) => rows.isFresh(r.element)), markers);
    placeAll = false;
    // Gmail adds, drops and reorders rows all the time; only a sender not asked about yet needs
    // a look-up (a new mail), not a row scrolled away.
    const senders = [...new Set(list.flatMap((r) => r.senders.map((p) => p.email)))].filter(
      (email) => classifyAddress(email, self) === 'external',
    );
    if (senders.every((email) => lookedUp.has(email))) return;
    lookedUp = new Set(senders);
    void request('markers.lookup', { emails: senders.slice(0, 500) }).then((result) => {
      if (!result.ok) return;
      const next = new Map(result.data.markers.map((m) => [m.email, m]));
      if (sameMarkers(next, markers)) return;
      markers = next;
      placeAll = true;
      watcher.wake();
    });
  }

  /** Sends what this page view has not sent yet; remembers what the background took. */
  async function capture(account: string, messages: CaptureMessage[], signal: AbortSignal) {
    const keyOf = (m: CaptureMessage) => m.id ?? `sent:${m.sentKey}`;
    const fresh = messages.filter((m) => !handled.has(keyOf(m)) && !inFlight.has(keyOf(m)));
    if (fresh.length === 0 || awaitingConfirmation) return;
    for (const m of fresh) inFlight.add(keyOf(m));
    const result = await request('gmail.capture', { account, messages: fresh });
    for (const m of fresh) inFlight.delete(keyOf(m));
    if (signal.aborted || !result.ok) return;
    if (!result.data.confirmed) {
      awaitingConfirmation = true;
      return;
    }
    for (const m of fresh) handled.add(keyOf(m));
    if (result.data.stored > 0) {
      // New touches change trust and the next touch: show the cards again.
      shownKey = undefined;
      watcher.refresh();
    }
  }

  /** Records the message at the moment the seller sends it: a click on Send, or Ctrl/⌘+Enter. */
  function watchSend(root: Element, account: string, self: Self) {
    if (wired.has(root)) return;
    wired.add(root);
    const localKey = `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const send = () => {
      const compose = readCompose(root).value;
      const to = compose.recipients.map((r) => r.email).filter((email) => classifyAddress(email, self) === 'external');
      if (to.length === 0) return;
      const message: CaptureMessage = {
        sentKey: compose.draftId ?? localKey,
        at: Date.now(),
        from: account,
        to,
        ...(compose.subject ? { subject: compose.subject } : {}),
      };
      void request('gmail.capture', { account, messages: [message] });
    };
    // Capture phase: Gmail handles the click and may remove the window before it bubbles.
    root.addEventListener(
      'click',
      (event) => {
        const button = findSendButton(root);
        if (button && event.target instanceof Node && button.contains(event.target)) send();
      },
      true,
    );
    root.addEventListener(
      'keydown',
      (event) => {
        const e = event as KeyboardEvent;
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
      },
      true,
    );
  }

  return {
    /** After the seller tracked someone or confirmed the account: read and send everything again. */
    rescan() {
      awaitingConfirmation = false;
      handled.clear();
      shownKey = undefined;
      lookedUp = new Set();
      void loadSettings();
    },
  };
}

/** The settings that decide who is me, a colleague or a customer, and whether capture runs. */
const whoIsWho = (s: Settings) =>
  JSON.stringify([s.me.emails, s.internalDomains, s.confirmedAccounts, s.inboxMarkers, s.timeZone, s.ignoredAddresses]);

const zone = (settings: Settings | undefined) => (settings?.timeZone ? { timeZone: settings.timeZone } : {});

/**
 * Messages with an id, a time and a sender, as the background takes them; never a body.
 * A collapsed message shows no recipients: one from our side is taken to go to the thread's
 * external people, as it almost always does, so it still counts as contact.
 */
function toCapture(
  messages: ReturnType<typeof readThread>['value']['messages'],
  subject: string | undefined,
  threadExternals: string[],
): CaptureMessage[] {
  return messages.flatMap((m) =>
    m.id && m.time && m.sender
      ? [
          {
            id: m.id,
            at: m.time.at,
            from: m.sender.email,
            to: m.recipients ? m.recipients.map((r) => r.email) : threadExternals,
            ...(subject ? { subject } : {}),
          },
        ]
      : [],
  );
}

/**
 * A Sent row is the seller's latest message in a thread, without a message id: it is keyed by
 * thread (or recipients) and minute, and takes the real id when the thread is opened (the
 * background matches a sent message by contact and time).
 */
function sentRowsToCapture(rows: readonly SentRow[], account: string, self: Self): CaptureMessage[] {
  return rows.flatMap((row) => {
    const to = row.recipients.map((r) => r.email).filter((email) => classifyAddress(email, self) === 'external');
    if (!row.time || to.length === 0) return [];
    const minute = Math.floor(row.time.at / 60_000);
    const sentKey = `row-${row.threadId ?? shortHash(to.join(','))}-${minute}`;
    return [{ sentKey, at: row.time.at, from: account, to }];
  });
}

/** A short, stable key from text (djb2): enough to tell rows apart, never a secret. */
function shortHash(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = (hash * 33) ^ text.charCodeAt(i);
  return (hash >>> 0).toString(36);
}

function sameMarkers(a: ReadonlyMap<string, { reason: string }>, b: ReadonlyMap<string, { reason: string }>) {
  return a.size === b.size && [...a].every(([email, m]) => b.get(email)?.reason === m.reason);
}
