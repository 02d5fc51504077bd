import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { RequestOf, RequestType, ResponseOf } from '@/lib/messaging/protocol';
// @ts-expect-error: a plain Node module without types (test/tools/sync-server.mjs)
import { startSyncServer } from '../tools/sync-server.mjs';
import { type Fault, startFaultProxy } from './fault-proxy';
import { chrisCustomer, expect, test } from './harness';
import { gmailSidebar, launch, requestFrom, serveGmail } from './launch';

/**
 * Two sellers of one team, each in a browser profile of their own, and one CouchDB-compatible
 * server on loopback (test/tools/sync-server.mjs). What one records reaches the other's card,
 * and the account's coverage counts both sellers once both have written to the customer.
 */

const THREAD = 'test/fixtures/gmail/variants/SYNTHETIC-thread-outbound-and-colleague.html';
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrkZxKJjhXbQmTvRmHLVNsXm';
const DAY = 86_400_000;

/** An e-mail with Chris at Customer Inc, as a capture records it. */
const chrisEmail = (id: string, direction: 'inbound' | 'outbound', at: number, summary: string) => ({
  id,
  contactId: 'chris',
  accountId: 'customer-inc',
  kind: 'email',
  direction,
  at,
  source: 'captured',
  sourceId: `gmail:${id}`,
  summary,
});

interface Seller {
  context: BrowserContext;
  page: Page;
  api: <T extends RequestType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;
  close: () => Promise<void>;
}

async function seller(email: string, name: string): Promise<Seller> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-team-'));
  const { context, extensionId } = await launch(dir);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
  const api: Seller['api'] = async (type, payload) => {
    const result = await requestFrom(page, type, payload);
    if (!result.ok) throw new Error(`${type}: ${result.error.message}`);
    return result.data;
  };
  await api('settings.update', {
    me: { name, emails: [email] },
    internalDomains: ['ourco.example'],
    confirmedAccounts: [email],
    onboardedAt: Date.now(),
  });
  return {
    context,
    page,
    api,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let server: { url: string; store: string; stop: () => Promise<void> };
const sellers: Seller[] = [];
test.beforeEach(async () => {
  server = await startSyncServer();
});
test.afterEach(async () => {
  for (const s of sellers.splice(0)) await s.close();
  await server.stop();
});

/** Alex and Sam of one team, each in a browser of their own (closed after the test). */
async function alexAndSam(): Promise<[Seller, Seller]> {
  const pair: [Seller, Seller] = [
    await seller('alex@ourco.example', 'Alex'),
    await seller('sales@ourco.example', 'Sam Sales'),
  ];
  sellers.push(...pair);
  return pair;
}

const join = async (s: Seller) => {
  const saved = await s.api('team.save', { url: server.url, database: 'team', user: 'sales', password: 'secret' });
  expect(saved).toEqual({ result: 'ok', words: expect.stringContaining('Connected') });
};
const sync = async (s: Seller) => {
  const status = await s.api('team.sync', {});
  expect(status.error).toBeUndefined();
  return status;
};

test('what seller A records reaches seller B’s Gmail card; once both wrote to the customer, the account counts two sellers on both sides', async () => {
  test.setTimeout(120_000);
  const now = Date.now();
  const [a, b] = await alexAndSam();

  // Alex knows Chris at Customer Inc and has exchanged two e-mails with him this week.
  await a.api('data.put', {
    accounts: [
      { id: 'customer-inc', name: 'Customer Inc', domains: ['customer.example'], createdAt: now, updatedAt: now },
    ],
    contacts: [chrisCustomer(now - 90 * DAY, { accountId: 'customer-inc' })],
    touches: [
      chrisEmail('a1', 'inbound', now - 2 * DAY, 'Renewal terms from Alex’s inbox'),
      chrisEmail('a2', 'outbound', now - DAY, 'Re: Renewal terms from Alex’s inbox'),
    ],
  } as never);
  await join(a);
  await sync(a);
  // On the server: Alex, Customer Inc, Chris and the two e-mails.
  expect(((await (await fetch(`${server.url}/team`)).json()) as { doc_count: number }).doc_count).toBe(5);

  // Sam joins the team in Settings → Team (a wrong database name first: said, nothing kept);
  // saving syncs, and Chris and Alex's two e-mails arrive.
  const team = b.page.getByTestId('team');
  await team.getByTestId('team-url').fill(server.url);
  await team.getByTestId('team-database').fill('sales-team');
  await team.getByTestId('team-user').fill('sam');
  await team.getByTestId('team-password').fill('secret');
  await team.getByTestId('team-save').click();
  await expect(team.getByTestId('team-result')).toHaveAttribute('data-result', 'no-database');
  await expect(team.getByTestId('team-result')).toContainText('no database by that name');
  expect((await b.api('team.view', {})).server).toBeNull();
  await team.getByTestId('team-database').fill('team');
  await team.getByTestId('team-save').click();
  await expect(team.getByTestId('team-result')).toHaveAttribute('data-result', 'ok');
  await expect.poll(async () => (await b.api('team.view', {})).status?.pulled ?? 0).toBeGreaterThanOrEqual(4);
  await b.page.reload();
  await expect(b.page.getByTestId('team-status')).toHaveAttribute('data-ok', 'true');
  expect(await b.page.getByTestId('team-password').inputValue()).toBe('');
  const chris = await b.api('contact.find', { email: 'chris@customer.example' });
  expect(chris?.name).toBe('Chris Customer');
  const alexs = await b.api('touch.list', { contactId: 'chris', limit: 50 });
  expect(alexs.filter((t) => t.summary?.includes('Alex’s inbox')).map((t) => t.sellerId)).toEqual([
    'team:alex@ourco.example',
    'team:alex@ourco.example',
  ]);
  expect((await b.api('book.accounts', { fresh: true })).accounts[0]?.quadrant).toBe(1);

  await serveGmail(b.context, THREAD);
  const gmail = await b.context.newPage();
  await gmail.goto(GMAIL);
  const card = await gmailSidebar(gmail);
  await card.getByTestId('show-all').click();
  await expect(card.getByTestId('sidebar')).toContainText('Renewal terms from Alex’s inbox');

  // Sam writes to Chris too (recorded from this thread, and one more today); after both sync,
  // both see two sellers in touch with Customer Inc.
  await b.api('data.put', {
    touches: [
      chrisEmail('b1', 'outbound', now - 3 * DAY, 'Onboarding'),
      chrisEmail('b2', 'inbound', now - 2 * DAY, 'Re: Onboarding'),
    ],
  } as never);
  await sync(b);
  await sync(a);
  for (const s of [a, b]) {
    const [account] = (await s.api('book.accounts', { fresh: true })).accounts;
    expect(account?.sellers).toBeGreaterThanOrEqual(2);
    expect(account?.quadrant).toBe(3);
  }
  const counts = await Promise.all(
    [a, b].map(async (s) => (await s.api('touch.list', { contactId: 'chris', limit: 200 })).length),
  );
  console.log(`touches with Chris: Alex ${counts[0]}, Sam ${counts[1]}`);
  expect(counts[0]).toBe(counts[1]);
});

test('offline: what Alex writes while the server is down reaches Sam once it is back; both stores then hold the same', async () => {
  test.setTimeout(120_000);
  const now = Date.now();
  const [a, b] = await alexAndSam();
  await join(a);
  await join(b);
  await sync(a);
  await sync(b);

  // The server stops (its data stays, as a CouchDB's does on disk); Alex keeps working.
  const port = Number(new URL(server.url).port);
  await server.stop();
  await a.api('data.put', {
    accounts: [{ id: 'bolt', name: 'Bolt', domains: ['bolt.example'], createdAt: now, updatedAt: now }],
    contacts: Array.from({ length: 20 }, (_, i) => ({
      id: `bolt-${i}`,
      name: `Bolt Person ${i}`,
      emails: [`p${i}@bolt.example`],
      accountId: 'bolt',
      status: 'customer',
      statusHistory: [{ status: 'customer', at: now - 30 * DAY }],
      createdAt: now,
      updatedAt: now,
    })),
    touches: Array.from({ length: 200 }, (_, i) => ({
      id: `bolt-t${i}`,
      contactId: `bolt-${i % 20}`,
      accountId: 'bolt',
      kind: 'email',
      direction: i % 2 ? 'inbound' : 'outbound',
      at: now - (i + 1) * 3_600_000,
      source: 'captured',
      sourceId: `gmail:bolt-${i}`,
    })),
  } as never);
  const offline = await a.api('team.sync', {});
  expect(offline.ok).toBe(false);
  expect(offline.error).toContain('cannot be reached');
  // Settings → Team says what waits to be sent: Alex's one change (the 20 people and their e-mails).
  expect((await a.api('team.view', {})).pending).toBe(1);
  await a.page.reload();
  await expect(a.page.getByTestId('team-pending')).toHaveAttribute('data-count', '1');

  server = await startSyncServer({ port, databases: [], store: server.store });
  await sync(a);
  expect((await a.api('team.view', {})).pending).toBe(0);
  // Sam opens the dashboard's contacts: it syncs as it opens, and Alex's people appear without a Sync now.
  const dashboard = await b.context.newPage();
  await dashboard.goto(b.page.url().replace(/#.*$/, '#contacts'));
  await expect(dashboard.locator('[data-testid="contact-row"][data-email="p0@bolt.example"]')).toBeVisible({
    timeout: 15_000,
  });
  const shared = async (s: Seller) => {
    const { accounts, contacts, touches, purchases } = await s.api('data.counts', {});
    return { accounts, contacts, touches, purchases };
  };
  const [alex, sam] = await Promise.all([shared(a), shared(b)]);
  console.log(`after the server came back: Alex ${JSON.stringify(alex)}, Sam ${JSON.stringify(sam)}`);
  expect(sam).toEqual(alex);
  expect(sam.touches).toBe(200);
});

test('both sellers retitle Chris while apart: after sync both show the later title, and the other is in its history', async () => {
  test.setTimeout(120_000);
  const now = Date.now();
  const [a, b] = await alexAndSam();
  await a.api('data.put', { contacts: [chrisCustomer(now - 90 * DAY)] } as never);
  await join(a);
  await join(b);
  await sync(a);
  await sync(b);

  await a.api('contact.update', { contactId: 'chris', title: 'VP Sales' });
  await new Promise((resolve) => setTimeout(resolve, 20));
  await b.api('contact.update', { contactId: 'chris', title: 'Head of Sales' });
  for (const s of [a, b, a, b]) await sync(s);

  for (const s of [a, b]) {
    const chris = await s.api('contact.get', { contactId: 'chris' });
    expect(chris?.title).toBe('Head of Sales');
    expect(chris?.history).toEqual([expect.objectContaining({ field: 'title', value: '"VP Sales"' })]);
  }
  // Alex reads it on Chris's page.
  await a.page.goto(a.page.url().replace(/#.*$/, '#contact/chris'));
  await expect(a.page.getByTestId('contact-page')).toContainText('Head of Sales');
  await expect(a.page.getByTestId('edit-history')).toContainText('title: VP Sales');
});

test('a wrong password and a database the user may not read each get their own words, and nothing is kept or written', async () => {
  test.setTimeout(60_000);
  await server.stop();
  server = await startSyncServer({ users: { sam: 'right horse', eve: 'battery' }, members: ['sam'] });
  const b = await seller('sales@ourco.example', 'Sam Sales');
  sellers.push(b);
  const before = await b.api('data.counts', {});
  const team = b.page.getByTestId('team');
  await team.getByTestId('team-url').fill(server.url);
  await team.getByTestId('team-database').fill('team');
  const attempt = async (user: string, password: string) => {
    await team.getByTestId('team-user').fill(user);
    await team.getByTestId('team-password').fill(password);
    await team.getByTestId('team-save').click();
    await expect(team.getByTestId('team-result')).not.toHaveAttribute('data-result', '');
    return team.getByTestId('team-result');
  };
  await expect(await attempt('sam', 'wrong staple')).toHaveAttribute('data-result', 'wrong-password');
  await expect(team.getByTestId('team-result')).toContainText('refused the user name or password');
  await expect(await attempt('eve', 'battery')).toHaveAttribute('data-result', 'no-access');
  await expect(team.getByTestId('team-result')).toContainText('may not read the team database');
  expect((await b.api('team.view', {})).server).toBeNull();
  expect(await b.api('data.counts', {})).toEqual(before);
  // The right password: in.
  await expect(await attempt('sam', 'right horse')).toHaveAttribute('data-result', 'ok');
  await expect.poll(async () => (await b.api('team.view', {})).status?.ok).toBe(true);
  // And out again: the server's details and the sync's state are gone.
  await team.getByTestId('team-leave').click();
  await expect(team.getByTestId('team-result')).toContainText('left the team');
  expect(await b.api('team.view', {})).toEqual({ server: null, status: null, pending: 0 });
});

test('the worker stopped twice while 10,000 contacts and 50,000 touches arrive: the sync finishes after, both stores the same, nothing twice', async () => {
  test.setTimeout(480_000);
  const now = Date.now();
  const [a, b] = await alexAndSam();
  const CONTACTS = 10_000;
  const TOUCHES = 50_000;
  const contacts = Array.from({ length: CONTACTS }, (_, i) => ({
    id: `c${i}`,
    name: `Person ${i}`,
    emails: [`p${i}@account${i % 1000}.example`],
    status: 'customer',
    statusHistory: [{ status: 'customer', at: now - 400 * DAY }],
    createdAt: now - 400 * DAY,
    updatedAt: now - 400 * DAY,
  }));
  for (let i = 0; i < CONTACTS; i += 5_000)
    await a.api('data.put', { contacts: contacts.slice(i, i + 5_000) } as never);
  for (let i = 0; i < TOUCHES; i += 10_000) {
    const touches = Array.from({ length: 10_000 }, (_, k) => {
      const n = i + k;
      return {
        id: `t${n}`,
        contactId: `c${n % CONTACTS}`,
        kind: 'email',
        direction: n % 2 ? 'inbound' : 'outbound',
        at: now - (n + 1) * 600_000,
        source: 'captured',
        sourceId: `gmail:${n}`,
      };
    });
    await a.api('data.put', { touches } as never);
  }
  await join(a);
  await sync(a);

  // Sam joins; while the first sync runs, Chrome stops Sam's worker (through the DevTools
  // protocol, as it stops an idle one): once early on, once while the records go into the store.
  const stopWorker = async () => {
    const cdp = await b.context.newCDPSession(b.page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  };
  await b.api('team.save', { url: server.url, database: 'team', user: 'sam', password: 'secret' });
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  await stopWorker();
  void b.api('team.sync', {}).catch(() => undefined);
  await expect
    .poll(async () => (await b.api('data.counts', {})).touches, { timeout: 240_000, intervals: [100] })
    .toBeGreaterThan(0);
  const cut = (await b.api('data.counts', {})).touches;
  await stopWorker();
  expect(cut).toBeLessThan(TOUCHES);

  await sync(b);
  const shared = async (s: Seller) => {
    const { accounts, contacts: people, touches, purchases } = await s.api('data.counts', {});
    return { accounts, contacts: people, touches, purchases };
  };
  const [alex, sam] = await Promise.all([shared(a), shared(b)]);
  console.log(`stopped at ${cut} touches; after: Alex ${JSON.stringify(alex)}, Sam ${JSON.stringify(sam)}`);
  expect(sam).toEqual(alex);
  expect(sam).toMatchObject({ contacts: CONTACTS, touches: TOUCHES });
});

test('a hostile teammate’s documents: a touch with a body and a 10 MB subject are refused and said; markup in a name is shown as text', async () => {
  test.setTimeout(60_000);
  const now = Date.now();
  const put = (id: string, doc: unknown) =>
    fetch(`${server.url}/team/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(doc),
    });
  const touch = { id: 'evil', contactId: 'mallory', kind: 'email', direction: 'inbound', at: now, source: 'captured' };
  await put('touch:evil', { kind: 'touch', record: { ...touch, body: 'Dear Sam, here is everything…' } });
  await put('touch:huge', { kind: 'touch', record: { ...touch, id: 'huge', summary: 'x'.repeat(10_000_000) } });
  const name = '<img src=x onerror="document.title=1">Mallory';
  await put('contact:mallory', {
    kind: 'contact',
    record: { id: 'mallory', name, emails: ['m@evil.example'], status: 'customer', createdAt: now, updatedAt: now },
  });

  const b = await seller('sales@ourco.example', 'Sam Sales');
  sellers.push(b);
  await join(b);
  const status = await sync(b);
  expect(status.refused.join('\n')).toMatch(/touch:evil/);
  expect(status.refused.join('\n')).toMatch(/touch:huge.*summary/);
  expect((await b.api('data.counts', {})).touches).toBe(0);

  await b.page.goto(b.page.url().replace(/#.*$/, '#contacts'));
  const row = b.page.locator('[data-testid="contact-row"][data-email="m@evil.example"]');
  await expect(row).toContainText(name);
  expect(await row.locator('img').count()).toBe(0);
  await b.page.goto(b.page.url().replace(/#.*$/, '#settings'));
  await expect(b.page.getByTestId('team-status')).toContainText('2 refused');
});

test('the server fails (500s, no answer, an answer cut off): each is said in Settings → Team, nothing is written, and the next sync takes everything once', async () => {
  test.setTimeout(150_000);
  const now = Date.now();
  const proxy = await startFaultProxy(server.url);
  try {
    const b = await seller('sales@ourco.example', 'Sam Sales');
    sellers.push(b);
    const saved = await b.api('team.save', { url: proxy.url, database: 'team', user: 'sales', password: 'secret' });
    expect(saved.result).toBe('ok');
    await sync(b);

    // Alex's records reach the server while Sam's connection to it is failing.
    const alex = 'team:alex@ourco.example';
    const docs = [
      { _id: `seller:${alex}`, kind: 'seller', record: { id: alex, name: 'Alex', emails: ['alex@ourco.example'] } },
      {
        _id: 'account:bolt',
        kind: 'account',
        record: { id: 'bolt', name: 'Bolt', domains: ['bolt.example'], createdAt: now, updatedAt: now },
      },
      ...Array.from({ length: 50 }, (_, i) => ({
        _id: `contact:bolt-${i}`,
        kind: 'contact',
        record: {
          id: `bolt-${i}`,
          name: `Bolt Person ${i}`,
          emails: [`p${i}@bolt.example`],
          accountId: 'bolt',
          status: 'customer',
          createdAt: now,
          updatedAt: now,
        },
      })),
      ...Array.from({ length: 1_000 }, (_, i) => ({
        _id: `touch:bolt-t${i}`,
        kind: 'touch',
        record: {
          id: `bolt-t${i}`,
          contactId: `bolt-${i % 50}`,
          accountId: 'bolt',
          sellerId: alex,
          kind: 'email',
          direction: i % 2 ? 'inbound' : 'outbound',
          at: now - (i + 1) * 3_600_000,
          source: 'captured',
          sourceId: `gmail:bolt-${i}`,
          summary: `Thread ${i}`,
        },
      })),
    ];
    const bulk = await fetch(`${server.url}/team/_bulk_docs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    expect(bulk.ok).toBe(true);
    const before = await b.api('data.counts', {});

    const faults: [Fault, RegExp][] = [
      ['error', /had a problem \(HTTP 500\)/],
      ['cut', /cannot be reached/],
      ['hang', /did not answer within 30 seconds/],
    ];
    for (const [fault, words] of faults) {
      proxy.set(fault);
      const failed = await b.api('team.sync', {});
      expect(failed, fault).toMatchObject({ ok: false, pulled: 0 });
      expect(failed.error, fault).toMatch(words);
      expect(failed.error, fault).toContain('Nothing was lost');
      expect(await b.api('data.counts', {}), `${fault}: nothing written`).toEqual(before);
      await b.page.reload();
      await expect(b.page.getByTestId('team-status')).toHaveAttribute('data-ok', 'false');
      await expect(b.page.getByTestId('team-status')).toContainText(words);
    }

    proxy.set('pass');
    // Sync now (a sync after the page's last request may have run first: either takes everything).
    await sync(b);
    const counts = await b.api('data.counts', {});
    console.log(
      `sync faults: ${faults.length} kinds, ${proxy.spoiled} requests spoiled, store unchanged after each; then everything arrived once: ${JSON.stringify(counts)}`,
    );
    expect(counts).toMatchObject({ contacts: before.contacts + 50, accounts: before.accounts + 1, touches: 1_000 });
    expect(await sync(b)).toMatchObject({ pulled: 0 });
    expect((await b.api('data.counts', {})).touches).toBe(1_000);
    await b.page.reload();
    await expect(b.page.getByTestId('team-status')).toHaveAttribute('data-ok', 'true');
  } finally {
    await proxy.stop();
  }
});

test('Alex merges two contacts who are one person: Sam gets the merge, not a leftover; a touch Sam made with the absorbed contact follows it', async () => {
  test.setTimeout(120_000);
  const now = Date.now();
  const [a, b] = await alexAndSam();
  const old = {
    ...chrisCustomer(now - 300 * DAY),
    id: 'chris-old',
    name: 'C. Customer',
    emails: ['c.customer@customer.example'],
  };
  await a.api('data.put', {
    contacts: [chrisCustomer(now - 90 * DAY), old],
    touches: [
      chrisEmail('a1', 'inbound', now - 2 * DAY, 'Renewal'),
      { ...chrisEmail('a-old', 'inbound', now - 200 * DAY, 'From the old address'), contactId: 'chris-old' },
    ],
  } as never);
  await join(a);
  await sync(a);
  await join(b);
  await sync(b);
  expect((await b.api('contact.get', { contactId: 'chris-old' }))?.name).toBe('C. Customer');

  // Sam writes to the old address before hearing of the merge; Alex merges the two meanwhile.
  await b.api('data.put', {
    touches: [{ ...chrisEmail('b-old', 'outbound', now - DAY, 'Sam to the old address'), contactId: 'chris-old' }],
  } as never);
  await a.api('contact.merge', { keepId: 'chris', mergeId: 'chris-old' });
  await sync(a);
  await sync(b);
  await sync(a);

  for (const [who, s] of [
    ['Alex', a],
    ['Sam', b],
  ] as const) {
    expect(await s.api('contact.get', { contactId: 'chris-old' }), who).toBeNull();
    const chris = await s.api('contact.get', { contactId: 'chris' });
    expect(chris?.emails.sort(), who).toEqual(['c.customer@customer.example', 'chris@customer.example']);
    const summaries = (await s.api('touch.list', { contactId: 'chris', limit: 50 })).map((t) => t.summary).sort();
    expect(summaries, who).toEqual(['From the old address', 'Renewal', 'Sam to the old address']);
  }
  const [alexCounts, samCounts] = await Promise.all([a.api('data.counts', {}), b.api('data.counts', {})]);
  console.log(
    `after the merge: Alex ${alexCounts.contacts} contacts / ${alexCounts.touches} touches, Sam ${samCounts.contacts} / ${samCounts.touches}`,
  );
  expect(samCounts.contacts).toBe(alexCounts.contacts);
  expect(samCounts.touches).toBe(alexCounts.touches);
});
