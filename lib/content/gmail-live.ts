import type { Requester } from '@/lib/messaging/client';
import type { SettingsView } from '@/lib/messaging/protocol';
import { type CaptureMessage, createSendWatcher, sentRowsToCapture, toCapture } from './gmail-capture';
import { createInboxMarkers } from './gmail-markers';
import type { PageWatcher } from './page-watcher';
import { looksDark } from './theme';
import {
  classifyAddress,
  type Check,
  classifyMessage,
  failedReaders,
  findComposeRoots,
  makeSelf,
  parseGmailUrl,
  readAccount,
  readCompose,
  readInboxRows,
  readSentRows,
  THEME,
  readThread,
  RowMemo,
  type Self,
} from './sites/gmail';

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
  let settings: SettingsView | undefined;
  let shownKey: string | undefined;
  let healthKey: string | undefined;
  let accountKey = '';
  let accountChecked: string | undefined;
  let checkingAccount: string | undefined;
  const handled = new Set<string>();
  const inFlight = new Set<string>();
  let awaitingConfirmation = false;
  const rows = new RowMemo();
  const markers = createInboxMarkers({ request, wake: () => watcher.wake(), isFresh: (row) => rows.isFresh(row) });
  const watchSend = createSendWatcher(request);
  // Who "self" is changes only with the settings or the account: working it out every frame
  // (addresses normalized into a set) was a tenth of the observer's time on a busy inbox.
  let selfMemo:
    | { settings: SettingsView | undefined; accountEmail: string | undefined; value: ReturnType<typeof makeSelf> }
    | undefined;
  const selfFor = (current: SettingsView | undefined, accountEmail: string | undefined) => {
    if (!selfMemo || selfMemo.settings !== current || selfMemo.accountEmail !== accountEmail) {
      const value = makeSelf({
        emails: current?.me.emails ?? [],
        internalDomains: current?.internalDomains ?? [],
        ...(accountEmail ? { accountEmail } : {}),
      });
      selfMemo = { settings: current, accountEmail, value };
      return value;
    }
    return selfMemo.value;
  };

  /** Settings can change in the dashboard at any time: read them at start and on every navigation. */
  const loadSettings = async () => {
    const result = await request('settings.view', {});
    if (!result.ok) return;
    const before = settings && whoIsWho(settings);
    settings = result.data;
    // Read the page again only when the change alters who is who (or whether to record).
    if (whoIsWho(settings) !== before) {
      shownKey = undefined;
      watcher.refresh();
    }
  };

  // The compose windows as the last frame that read the list found them (see below).
  let composeRead: ComposeRead | undefined;
  // When the list was last read, and the frame asked for after the last one that skipped it.
  let listReadAt = Number.NEGATIVE_INFINITY;
  let listLater: ReturnType<typeof setTimeout> | undefined;
  const readListLater = (wait: number) => {
    if (listLater !== undefined) return;
    listLater = setTimeout(() => {
      listLater = undefined;
      watcher.wake();
    }, wait);
  };

  watcher.onFrame((signal, reason, changed) => {
    if (reason === 'mutation') rows.changed(changed);
    else rows.clear();
    // Nothing but the inbox's rows changed since the list was last read (a busy inbox's usual
    // frame): the compose windows are as they were, and looking for them scans the whole page.
    const onlyRowsChanged = rows.onlyRowsChanged;
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
    const self = selfFor(settings, accountEmail);
    const confirmed = !!accountEmail && !!settings?.confirmedAccounts.includes(accountEmail);
    if (`${accountEmail} ${confirmed}` !== accountKey) {
      accountKey = `${accountEmail} ${confirmed}`;
      sidebar.setAccount(accountEmail ? { address: accountEmail, confirmed } : undefined);
    }
    // The account's company domain makes colleagues known without settings; until the
    // background has said so for this account, show nobody rather than a colleague as a customer.
    if (accountEmail && accountChecked !== accountEmail) {
      checkAccount(accountEmail);
      return;
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
      toRecord = toCapture(thread.value.messages, thread.value.subject, [...people.keys()], thread.value.threadId);
    }
    // A busy inbox changes on nearly every frame (a row in, a row out, a label): when nothing but
    // its rows changed, the list is read at most every LIST_EVERY_MS, and a new row's marker
    // follows within that. Anything else (a navigation, a compose window) is read at once.
    const sinceList = performance.now() - listReadAt;
    if (!route.threadOpen && onlyRowsChanged && sinceList < LIST_EVERY_MS) readListLater(LIST_EVERY_MS - sinceList);
    else if (!route.threadOpen) {
      listReadAt = performance.now();
      const list = readInboxRows(document, { withoutTime: true, memo: rows }).value;
      markers.show(list, self, settings?.inboxMarkers !== false);
    }
    if (!route.threadOpen && route.route === 'sent' && accountEmail) {
      // Mail the seller sent from elsewhere (a phone, another client) shows up here first.
      const sent = readSentRows(document, { lang: document.documentElement.lang, ...zone(settings) });
      health.push(...sent.health);
      toRecord = sentRowsToCapture(sent.value, accountEmail, self);
    }
    if (!onlyRowsChanged || composeRead?.self !== self || composeRead.accountEmail !== accountEmail) {
      composeRead = readComposeWindows(self, accountEmail);
    }
    health.push(...composeRead.health);
    for (const [email, name] of composeRead.people) if (!people.has(email)) people.set(email, name);

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

  /** The external recipients of every compose window, and the send button of each watched. */
  function readComposeWindows(self: Self, accountEmail: string | undefined): ComposeRead {
    const read: ComposeRead = { self, accountEmail, health: [], people: [] };
    for (const root of findComposeRoots(document)) {
      const compose = readCompose(root);
      read.health.push(...compose.health);
      for (const r of compose.value.recipients) {
        if (classifyAddress(r.email, self) === 'external') read.people.push([r.email, r.name ?? '']);
      }
      if (accountEmail) watchSend(root, accountEmail, self);
    }
    return read;
  }

  /** Once per account: the background proposes its company domain as internal, then the page is read again. */
  function checkAccount(account: string) {
    if (checkingAccount === account) return;
    checkingAccount = account;
    void request('account.seen', { account }).then(async () => {
      accountChecked = account;
      await loadSettings();
      shownKey = undefined;
      watcher.refresh();
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

  return {
    /** After the seller tracked someone or confirmed the account: read and send everything again. */
    rescan() {
      awaitingConfirmation = false;
      handled.clear();
      shownKey = undefined;
      markers.reset();
      void loadSettings();
    },
  };
}

/** How often the rows of a busy list are read while nothing else on the page changes. */
const LIST_EVERY_MS = 250;

interface ComposeRead {
  self: Self;
  accountEmail: string | undefined;
  health: Check[];
  /** E-mail and name, in the windows' order. */
  people: [string, string][];
}

/** The settings that decide who is me, a colleague or a customer, and whether capture runs. */
const whoIsWho = (s: SettingsView) =>
  JSON.stringify([s.me.emails, s.internalDomains, s.confirmedAccounts, s.inboxMarkers, s.timeZone, s.ignoredAddresses]);

const zone = (settings: SettingsView | undefined) => (settings?.timeZone ? { timeZone: settings.timeZone } : {});
