/**
 * Every piece of Gmail markup the adapter relies on, in one place, each with the evidence for it.
 * "Skeleton" is test/fixtures/gmail/SYNTHETIC-gmail-conversation-and-compose-skeleton.html (built
 * from the named projects' selectors, not a capture); "Aug-2025 capture" is
 * gmail-message-expanded-2025-08__jiit-placement-alerts.anonymized.excerpt.html; "2014 inbox" is
 * gmail-inbox-list-2014__inboxsdk-injected-thread-identifier.excerpt.html; "2014-15 rows" is
 * gmail-thread-rows-2014-2015__inboxsdk-thread-row-parser.test.html. Background: site-dom.md A.
 *
 * Attributes (`email`, `data-hovercard-id`, `data-message-id`, `name=to`, `role`) are preferred:
 * both SDKs lean on them and they outlived the container classes (site-dom.md A6). Where only
 * a short class exists (`hP`, `gD`, `zA`), it is one that has lasted about ten years.
 */

/** The open conversation (site-dom.md A2). */
export const THREAD = {
  /** Subject. gmail.js `api.dom.email_subject()`, FlowCrypt `sel.subject`; skeleton. */
  subject: 'h2.hP',
  /** On the subject: `thread-f:<n>` (may be "undefined"). gmail.js `api.new.get.thread_id()`; InboxSDK `getThreadID()`; skeleton. */
  permThreadId: 'data-thread-perm-id',
  /** On the subject: legacy hex. gmail.js `api.get.thread_id()`; skeleton. */
  legacyThreadId: 'data-legacy-thread-id',
  /** Message list. InboxSDK `addCustomMessage()` uses `[role=list]`; skeleton. */
  list: '[role=list]',
  /** One message in the list. Skeleton; the state classes below are InboxSDK's `getViewState()`. */
  item: '[role=listitem]',
  /** InboxSDK `#setupMessageViewStream`: the message list is the parent of the first `.h7`. */
  expandedItem: '.h7',
  /** Last resort: the message container. gmail.js `api.dom.email`, FlowCrypt `msgOuter`. */
  messageContainer: 'div.adn',
  /** Anything inside a message body is the sender's HTML, never Gmail's chrome: skip it. */
  body: '.a3s, div.ii.gt',
  /** The inline reply box of a message (InboxSDK `#setupReplyStream`): not part of the header. */
  reply: '.ip',
} as const;

/** Message state classes on the list item (InboxSDK `gmail-message-view.ts` `getViewState()` and its class observer). */
export const STATE = {
  expanded: ['h7'],
  collapsed: ['kv', 'ky'],
  /** "N older messages" bundles: nothing to read. */
  hidden: ['kQ', 'kx'],
  /** Content that only an expanded message has: header table, recipients line, body (Aug-2025 capture). */
  expandedContent: 'div.gE, span.hb, div.ii.gt',
} as const;

/** One message's header (site-dom.md A2). */
export const MESSAGE = {
  /** `#msg-f:<n>` / `#msg-a:…` (draft). InboxSDK, gmail.js `api.new.get.email_id()`, Mailvelope; skeleton. */
  id: 'data-message-id',
  /** Legacy hex; absent on a just-sent reply until Gmail syncs (InboxSDK comments in `gmail-message-view.ts`). */
  legacyId: 'data-legacy-message-id',
  /**
   * Sender, most specific first. `td.gF span[email]`: InboxSDK `getSender()` since 2018-12-31, works
   * collapsed and expanded (skeleton, Aug-2025 capture). `h3.iw [email]`: InboxSDK before that, and
   * the expanded header in the Aug-2025 capture. `span.gD`: gmail.js `dom('from')`, FlowCrypt
   * `getFrom()`. The avatar `img.ajn[data-hovercard-id]` / `[jid]`: Aug-2025 capture.
   */
  sender: [
    'td.gF [email]',
    'td.gF [data-hovercard-id]',
    'h3.iw [email]',
    'span.gD[email]',
    'span.gD[data-hovercard-id]',
    'img.ajn[data-hovercard-id]',
    'img.ajn[jid]',
  ],
  /**
   * Recipients, shown on expanded messages only. `.hb [email]`: InboxSDK `getRecipients()`;
   * `span.g2[email]`: gmail.js `dom('to')`. Both in the Aug-2025 capture and the skeleton.
   */
  recipients: 'span.hb [email], span.hb [data-hovercard-id], span.g2[email]',
  /**
   * Date with its full text in `title` (Aug-2025 capture also has it in `alt`). Expanded:
   * InboxSDK `getDateString()` `.gK .g3`; gmail.js `span.g3`. Collapsed: InboxSDK `.adf.ads td.gH span`.
   */
  date: 'span.g3[title], span.g3[alt], td.gH span[title]',
} as const;

/** Compose windows and inline replies (site-dom.md A3). */
export const COMPOSE = {
  /** Compose root. gmail.js `api.dom.composes()` `div.M9`; skeleton. */
  root: 'div.M9',
  /** When `.M9` is gone: InboxSDK treats a `[role=dialog]` holding a `<form>` as a compose view. */
  form: 'form',
  dialog: '[role=dialog]',
  /** Recipient fields by name: chips live under `div[name=to]`, the classic UI has `textarea[name=to]`. */
  fields: ['to', 'cc', 'bcc'] as const,
  /**
   * Chip UI (Oct 2021 on). InboxSDK `getRecipientChips()` `.anm[name=to] [role=listbox] [role=option][data-name]`
   * with the address in `data-hovercard-id`; gmail.js `recipients()` `div[name=to] div[data-hovercard-id]`; skeleton.
   */
  chip: '[data-hovercard-id]',
  /** Classic UI: `.vR > input[type=hidden]` holding `Name <email>` (InboxSDK, gmail.js); `.vR span[email]` (Mailvelope). */
  classicChip: '.vR',
  classicChipInput: 'input[type=hidden][name]',
  /** What the seller is typing: classic `textarea[name=to]` (InboxSDK, gmail.js), new-UI `input[peoplekit-id]` (gmail.js). */
  typed: 'textarea, input:not([type=hidden])',
  /** Subject box. InboxSDK and gmail.js `input[name=subjectbox]`; skeleton. */
  subject: 'input[name=subjectbox]',
  /** The draft's id, `#msg-a:r<digits>`: gmail.js compose `dom('draft')` `input[name=draft]`; skeleton. */
  draft: 'input[name=draft]',
  /**
   * Send button, by structure and class, never by its (localized) label. InboxSDK
   * `gmail-compose-view.ts` `getSendButton()`: `.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])`
   * (`.Uo` is Send+Archive, `aria-haspopup` the "more send options" arrow). gmail.js
   * `api.tools.add_compose_button()` places its own buttons next to `.gU.Up` and copies the send
   * button's classes `T-I J-J5-Ji aoO T-I-atl L3`. Both SDKs add look-alike buttons (`inboxsdk__…`,
   * `.gmailjs`), which we skip. Not in any capture: see the compose variant fixture.
   */
  send: [
    '.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])',
    '.Up div[role=button].T-I-atl:not(.Uo):not([aria-haspopup=true])',
    'div[role=button].T-I-atl.aoO',
  ],
  /** Look-alike buttons other extensions add (InboxSDK `inboxsdk__…` classes, gmail.js `gmailjs`). */
  foreignButton: '[class*="inboxsdk_"], .gmailjs',
  /** An inline reply sits in the message's `.ip` box (InboxSDK `#setupReplyStream`). */
  inlineReply: '.ip',
} as const;

/** Thread lists: inbox, labels, search, Sent (site-dom.md A4). */
export const LIST = {
  /** The list container. InboxSDK `getRowListElements`, gmail.js `api.dom.inboxes`; 2014 inbox. */
  container: '[gh=tl]',
  /** A row: `zE` unread, `yO` read (2014 inbox, 2014-15 rows). */
  row: 'tr.zA',
  unread: 'zE',
  /** Split-pane rows span 2-3 `tr.zA.apv`; the first carries the checkbox (2014-15 rows). */
  splitRow: 'apv',
  splitLeader: '[role=checkbox]',
  /**
   * Every `[email]` in the row, de-duplicated: the hidden `div.afn` repeats the visible spans
   * (2014 inbox). InboxSDK `getContacts()`; gmail.js `visible_messages()` uses `*[email][name]`.
   */
  person: '[email]',
  /** `#thread-f:<n>|msg-f:<m>` and legacy hex. InboxSDK since 2018-04-09; gmail.js `span[data-thread-id]`. Not in the 2014 captures. */
  threadId: '[data-thread-id], [data-legacy-thread-id]',
  /** Date with its full text in `title`: `td.xW > span[title]` (InboxSDK), `.apm span[title]` in split rows (2014-15 rows). */
  date: 'td.xW span[title], .apm span[title]',
} as const;

/**
 * The main content panel, whose background tells the theme: InboxSDK reads `.bkK > .nH`'s
 * computed background (track-gmail-styles.ts); the dark-theme variant fixture sets it.
 */
export const THEME = { panel: '.bkK > .nH' } as const;

/**
 * Gmail's right side panel: the strip of Calendar / Keep / Tasks / Contacts / add-on icons at the
 * right edge (about 56 px) and the panel one of them opens to its left. Not in any capture: the
 * facts are InboxSDK's (read 2026), and the side-panel variant fixture is built from them.
 * Gmail gives these elements no language-independent attribute (the rail's `aria-label` is a
 * localized "Side panel", its role was `navigation` in InboxSDK's 2018 note), so the short classes
 * are all there is. That is why lib/content/dock.ts also probes the right edge by geometry: if
 * Gmail renames these, the sidebar still steps aside; only the finding by name is lost.
 */
export const SIDE_PANEL = {
  /**
   * The right column, "the panel and the tab rail" in one box: InboxSDK
   * `gmail-driver/sync-mole-spacer-with-right-column.ts` (`RIGHT_COLUMN_SELECTOR = 'div.aUx'`, 2025-26),
   * which keeps compose windows clear of it with a ResizeObserver on this element, as we do.
   */
  column: 'div.aUx',
  /**
   * The icon rail. InboxSDK `gmail-element-getter.ts` `getCompanionSidebarIconContainerElement()`
   * (`.brC-aT5-aOt-Jw`, noted as `<div class="brC-aT5-aOt-Jw" role="navigation" aria-label="Side panel">`),
   * used since Feb 2018 (`gmail-app-sidebar-view/primary/add-companion-thread-icon-area.ts`: it holds
   * the `[role=tablist]` of icons and a `[role=separator]`).
   */
  rail: '.brC-aT5-aOt-Jw',
  /**
   * The panel an icon opens (Calendar, Keep, an add-on). InboxSDK
   * `getCompanionSidebarContentContainerElement()` `.brC-brG`; its wrapper is `.WN9Ejb` since Gmail's
   * layout of 2024-11-07 "that moved sidebar icons to the right of the sidebar" and `.bq9` before
   * (`gmail-app-sidebar-view/primary/index.tsx`). `.WN9Ejb` "stays in the DOM when collapsed
   * (`display: none`)" (sync-mole-spacer): a closed panel measures 0 × 0 and is ignored.
   */
  panel: '.brC-brG',
  wrapper: '.WN9Ejb, .bq9',
  /**
   * The flex spacer that keeps compose windows ("moles", `.AD`) clear of the right column: `.dw`
   * holds two, the left one first and the right one last, and the last is the one Gmail widens
   * for its own panels (66 px "rail inset" with only the rail showing) and nothing else's.
   * InboxSDK `sync-mole-spacer-with-right-column.ts` (`MOLE_SPACER_SELECTOR`, 2025-26), which
   * widens it for SDK panels; lib/content/sites/gmail/mole-spacer.ts does the same for ours.
   */
  moleSpacer: 'div.dw > .jAmAWb',
} as const;

/** Whose mailbox this is (site-dom.md A1). */
export const ACCOUNT = {
  /** gmail.js `api.get.user_email()` falls back to `.eYSAde` elements (since 2024-03-07). */
  element: '.eYSAde',
} as const;

/** Gmail hides inactive views with an inline `display: none` (InboxSDK main-content stream, site-dom.md A1). */
export const HIDDEN = '[style*="display: none"], [style*="display:none"]';
