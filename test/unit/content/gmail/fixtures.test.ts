// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  failedReaders,
  findComposeRoots,
  normalizeMessageId,
  parseShownDate,
  readAccount,
  readCompose,
  readInboxRows,
  readMessage,
  readSentRows,
  readThread,
  type ReaderName,
  timeFromId,
  wallClockToMs,
} from '@/lib/content/sites/gmail';
import {
  allFixtureNames,
  fixtureText,
  INBOX_2014,
  loadFixture,
  MESSAGE_2025,
  ROWS_2014,
  SKELETON,
} from './load-fixture';

type Reader = 'thread' | 'message' | 'compose' | 'inbox' | 'sent';

interface Page {
  /** The URL the fixture models. */
  url: string;
  lang?: string;
  timeZone: string;
  readers: Reader[];
  /** Readers expected to fail on this fixture, and why. */
  failing: ReaderName[];
  account?: string;
}

const U1 = 'https://mail.google.com/mail/u/1/';
const THREAD_URL = `${U1}#inbox/FMfcgzQZTzbHrBxxxxxxxxxxxxxxxxxx`;

/** Every Gmail fixture and what reading it must give. A new fixture fails the first test until listed here. */
const PAGES: Record<string, Page> = {
  [SKELETON]: {
    url: THREAD_URL,
    timeZone: 'UTC',
    readers: ['thread', 'compose'],
    failing: ['compose.send'], // the skeleton has no send button
    account: 'agent@example.com',
  },
  [MESSAGE_2025]: {
    url: THREAD_URL,
    timeZone: 'UTC',
    readers: ['message'],
    failing: ['thread.messageId', 'account.email'], // ids and <title> were not part of the capture
  },
  [INBOX_2014]: { url: `${U1}#inbox`, timeZone: 'UTC', readers: ['inbox'], failing: ['account.email'] },
  [ROWS_2014]: { url: `${U1}#inbox`, timeZone: 'UTC', readers: ['inbox'], failing: ['account.email'] },
  'variants/SYNTHETIC-thread-german-de.html': {
    url: THREAD_URL,
    lang: 'de',
    timeZone: 'Europe/Berlin',
    readers: ['thread'],
    failing: ['thread.messageId'], // one message's ids were removed on purpose
    account: 'verkauf@ourco.example',
  },
  'variants/SYNTHETIC-thread-rtl-he.html': {
    url: THREAD_URL,
    lang: 'he',
    timeZone: 'Asia/Jerusalem',
    readers: ['thread', 'compose'],
    failing: [],
    account: 'sales@ourco.example',
  },
  'variants/SYNTHETIC-thread-dark-theme.html': {
    url: THREAD_URL,
    lang: 'en-GB',
    timeZone: 'UTC',
    readers: ['thread'],
    failing: [],
    account: 'sales@ourco.example',
  },
  'variants/SYNTHETIC-thread-outbound-and-colleague.html': {
    url: THREAD_URL,
    timeZone: 'UTC',
    readers: ['thread'],
    failing: [],
    account: 'sales@ourco.example',
  },
  'variants/SYNTHETIC-thread-side-panel.html': {
    url: THREAD_URL,
    timeZone: 'UTC',
    readers: ['thread'],
    failing: [],
    account: 'sales@ourco.example',
  },
  'variants/SYNTHETIC-thread-just-sent-reply.html': {
    url: THREAD_URL,
    timeZone: 'UTC',
    readers: ['thread'],
    failing: [],
    account: 'sales@ourco.example',
  },
  'variants/SYNTHETIC-thread-collapsed-messages.html': {
    url: THREAD_URL,
    timeZone: 'UTC',
    readers: ['thread'],
    failing: [],
    account: 'sales@ourco.example',
  },
  'variants/SYNTHETIC-thread-markup-in-names.html': {
    url: THREAD_URL,
    timeZone: 'UTC',
    readers: ['thread'],
    failing: [],
    account: 'sales@ourco.example',
  },
  'variants/SYNTHETIC-thread-sender-attributes-removed.html': {
    url: THREAD_URL,
    timeZone: 'UTC',
    readers: ['thread', 'compose'],
    failing: ['thread.sender', 'compose.send'],
    account: 'agent@example.com',
  },
  'variants/SYNTHETIC-compose-chips-classic-inline.html': {
    url: `${U1}#inbox?compose=new`,
    lang: 'de',
    timeZone: 'Europe/Berlin',
    readers: ['compose'],
    failing: [],
    account: 'verkauf@ourco.example',
  },
  'variants/SYNTHETIC-sent-list.html': {
    url: `${U1}#sent`,
    timeZone: 'UTC',
    readers: ['sent'],
    failing: [],
    account: 'sales@ourco.example',
  },
};

const NOW = Date.UTC(2026, 0, 1);

function readAll(name: string) {
  const page = PAGES[name] as Page;
  const doc = loadFixture(name);
  const options = { lang: page.lang, timeZone: page.timeZone, now: NOW };
  const health = [...readAccount(doc, page.url).health];
  for (const reader of page.readers) {
    if (reader === 'thread') health.push(...readThread(doc, options).health);
    if (reader === 'message') health.push(...readMessage(doc.body, options).health);
    if (reader === 'compose') for (const root of findComposeRoots(doc)) health.push(...readCompose(root).health);
    if (reader === 'inbox') health.push(...readInboxRows(doc, options).health);
    if (reader === 'sent') health.push(...readSentRows(doc, options).health);
  }
  return { doc, page, health };
}

describe('every Gmail fixture', () => {
  it('is listed with what reading it must give', () => {
    expect(allFixtureNames().sort()).toEqual(Object.keys(PAGES).sort());
  });

  it('labels every hand-written variant SYNTHETIC at the top', () => {
    for (const name of allFixtureNames().filter((n) => n.startsWith('variants/'))) {
      expect(name.split('/')[1]?.startsWith('SYNTHETIC-')).toBe(true);
      expect(fixtureText(name)).toMatch(/^<!doctype html>\s*<!--\s*SYNTHETIC - NOT A CAPTURE OF REAL GMAIL\./);
    }
  });

  it.each(Object.keys(PAGES))('%s: health names exactly the readers expected to fail', (name) => {
    const { page, health } = readAll(name);
    expect(failedReaders(health).sort()).toEqual([...page.failing].sort());
  });

  it.each(Object.keys(PAGES))('%s: account', (name) => {
    const page = PAGES[name] as Page;
    expect(readAccount(loadFixture(name), page.url).value).toEqual({
      index: 1,
      ...(page.account ? { email: page.account } : {}),
    });
  });

  it.each(Object.keys(PAGES).filter((n) => PAGES[n]?.readers.includes('thread')))(
    '%s: every visible date agrees with the time in the id',
    (name) => {
      const page = PAGES[name] as Page;
      const { value } = readThread(loadFixture(name), { now: NOW });
      let compared = 0;
      for (const message of value.messages) {
        const title = message.element.querySelector('span.g3[title]')?.getAttribute('title');
        const fromId = timeFromId(message.id, NOW);
        const wall = title ? parseShownDate(title, page.lang) : undefined;
        if (fromId === undefined || !wall) continue;
        expect(wallClockToMs(wall, page.timeZone)).toBe(Math.floor(fromId / 60_000) * 60_000);
        compared++;
      }
      expect(compared).toBeGreaterThan(0);
    },
  );
});

describe('readers stay cheap', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('never read layout or computed style, on any fixture', () => {
    const spies = [
      vi.spyOn(Element.prototype, 'getBoundingClientRect'),
      vi.spyOn(Element.prototype, 'getClientRects'),
      vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get'),
      vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get'),
      vi.spyOn(HTMLElement.prototype, 'innerText', 'get'),
      vi.spyOn(window, 'getComputedStyle'),
    ];
    let probe: HTMLElement | undefined;
    for (const name of Object.keys(PAGES)) probe = readAll(name).doc.querySelector('span') as HTMLElement;
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    // The spies do catch such reads on the elements the readers see.
    probe?.getBoundingClientRect();
    probe?.getClientRects();
    void probe?.offsetWidth;
    void probe?.offsetHeight;
    void probe?.innerText;
    if (probe) window.getComputedStyle(probe);
    for (const spy of spies) expect(spy).toHaveBeenCalled();
  });

  it('reads only under the root it is given', () => {
    const doc = loadFixture(SKELETON);
    const compose = findComposeRoots(doc)[0] as Element;
    // The compose window holds no conversation: reading it as a thread finds no messages.
    expect(readThread(compose).value.messages).toEqual([]);
    expect(normalizeMessageId(doc.querySelector('[data-message-id]')?.getAttribute('data-message-id'))).toBeDefined();
  });
});
