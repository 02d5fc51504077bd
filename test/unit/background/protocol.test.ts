import { readFileSync } from 'node:fs';
import type { IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { countAll } from '@/lib/background/data';
import type { RapportDB } from '@/lib/background/db/schema';
import { MARKER_LOOKUPS_PER_MINUTE } from '@/lib/background/handlers';
import { classifySender } from '@/lib/background/router';
import { protocol } from '@/lib/messaging/protocol';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { contact } from '../../helpers/records';

let db: IDBPDatabase<RapportDB>;
beforeEach(async () => {
  db = await startBackground();
  await db.put('contacts', contact());
});

/** The store's whole content, to prove a refused message changed nothing. */
const snapshot = async () => ({ counts: await countAll(db), settings: await db.get('meta', 'settings') });

describe('forged and malformed messages are refused and change nothing', () => {
  const cases: [string, unknown, keyof typeof senders, string][] = [
    ['not an envelope', { type: 'data.reset' }, 'page', 'invalid'],
    ['a string', 'data.reset', 'page', 'invalid'],
    ['null', null, 'page', 'invalid'],
    ['an unknown type', envelope('contacts.dropAll'), 'page', 'unknown-type'],
    ['a prototype key as type', envelope('__proto__'), 'page', 'unknown-type'],
    ['the wrong shape', envelope('touch.add', { contactId: 'contact-1', kind: 'telepathy' }), 'page', 'invalid'],
    ['a body smuggled into settings', envelope('settings.update', { digestTime: '25:99' }), 'page', 'invalid'],
    ['another extension', envelope('data.reset', { confirm: 'erase everything' }), 'otherExtension', 'forbidden'],
    [
      'a frame that is neither our page nor a tab',
      envelope('contact.track', { name: 'x', email: 'x@y.example' }),
      'noTab',
      'forbidden',
    ],
    ['reset from a content script', envelope('data.reset', { confirm: 'erase everything' }), 'content', 'forbidden'],
    ['export from a content script', envelope('data.export'), 'content', 'forbidden'],
    ['seeding from a content script', envelope('data.put', { contacts: [] }), 'content', 'forbidden'],
    ['settings from a content script', envelope('settings.update', { inboxMarkers: false }), 'content', 'forbidden'],
    ['reset without the confirmation words', envelope('data.reset', { confirm: 'yes' }), 'page', 'invalid'],
  ];

  it.each(cases)('%s', async (_label, message, from, code) => {
    const before = await snapshot();
    const answer = await deliver(message, senders[from]);
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe(code);
    expect(answer.error?.message).toMatch(/\w/);
    expect(await snapshot()).toEqual(before);
  });

  // Content scripts ask only for what their page shows: every request that shows stored data
  // or writes is for Rapport's own pages, and a content script (a page's renderer, which the
  // page may have compromised) is refused each of them, whatever it sends with it.
  const pageOnly = Object.entries(protocol).flatMap(([type, d]) => (d.access === 'page' ? [type] : []));
  it.each(pageOnly)('%s from a content script is refused and changes nothing', async (type) => {
    const before = await snapshot();
    const answer = await deliver(
      envelope(type, { contactId: 'contact-1', email: 'jane@acme.example' }),
      senders.content,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await snapshot()).toEqual(before);
  });

  it('a content script may send only page reports, Gmail and LinkedIn capture, marker look-ups, health and the settings view', () => {
    const forContent = Object.entries(protocol).flatMap(([type, d]) => (d.access === 'page' ? [] : [type]));
    expect(forContent.sort()).toEqual(
      [
        'account.seen',
        'gmail.capture',
        'health.report',
        'linkedin.capture',
        'markers.lookup',
        'page.report',
        'ping',
        'settings.view',
        'sidebar.prefs',
        'sidebar.setPrefs',
      ].sort(),
    );
  });
});

describe('requests from our own contexts', () => {
  it('answers a ping from a content script and from a page', async () => {
    for (const from of ['content', 'popup'] as const) {
      const answer = await deliver(envelope('ping'), senders[from]);
      expect(answer).toMatchObject({ ok: true, data: { version: '0.0.0-test' } });
    }
  });

  it('the sidebar tracks a person and logs a touch once per source id; a content script may do neither', async () => {
    const track = envelope('contact.track', { name: 'Pat', email: ' Pat@Beta.Example ' });
    expect(await deliver(track, senders.content)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const tracked = await deliver(track, senders.frame);
    expect(tracked).toMatchObject({ ok: true, data: { emails: ['pat@beta.example'], status: 'contact' } });
    const contactId = (tracked.data as { id: string }).id;
    const touch = { contactId, kind: 'email', direction: 'inbound', at: 1_000, sourceId: 'gmail:42', summary: 'Hello' };
    expect(await deliver(envelope('touch.add', touch), senders.content)).toMatchObject({ ok: false });
    const first = await deliver(envelope('touch.add', touch), senders.frame);
    const again = await deliver(envelope('touch.add', touch), senders.frame);
    expect(first).toMatchObject({ ok: true, data: { duplicate: false, touch: { source: 'manual' } } });
    expect(again).toMatchObject({ ok: true, data: { duplicate: true } });
    const list = await deliver(envelope('touch.list', { contactId }), senders.frame);
    expect(list.data).toHaveLength(1);
  });

  it('tracking is idempotent: the same address twice is one contact', async () => {
    await deliver(envelope('contact.track', { name: 'Jane', email: 'JANE@acme.example' }), senders.frame);
    expect((await countAll(db)).contacts).toBe(1);
  });

  it('a touch for a contact that does not exist comes back as an error result, not silence', async () => {
    const answer = await deliver(
      envelope('touch.add', { contactId: 'nobody', kind: 'call', direction: 'none', at: 1 }),
      senders.page,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(answer.error?.message).toContain('nobody');
  });

  it('touches logged from a page are manual', async () => {
    const answer = await deliver(
      envelope('touch.add', { contactId: 'contact-1', kind: 'call', direction: 'outbound', at: 5 }),
      senders.page,
    );
    expect(answer).toMatchObject({ ok: true, data: { touch: { source: 'manual', accountId: 'acct-1' } } });
  });

  it('settings: defaults before onboarding, then a patch merges field by field', async () => {
    expect(await deliver(envelope('settings.get'), senders.content)).toMatchObject({ ok: false });
    const view = await deliver(envelope('settings.view'), senders.content);
    expect(Object.keys(view.data as object).sort()).toEqual(
      [
        'confirmedAccounts',
        'gmailInSidePanel',
        'ignoredAddresses',
        'inboxMarkers',
        'internalDomains',
        'me',
        'timeZone',
      ].sort(),
    );
    const defaults = await deliver(envelope('settings.get'), senders.page);
    expect(defaults).toMatchObject({ ok: true, data: { inboxMarkers: true, me: { emails: [] } } });
    const updated = await deliver(
      envelope('settings.update', {
        me: { emails: ['Me@OurCo.example'] },
        cadence: { high: { idealDays: 7, maxDays: 21 } },
      }),
      senders.page,
    );
    expect(updated).toMatchObject({
      ok: true,
      data: {
        me: { emails: ['me@ourco.example'], name: '' },
        cadence: { high: { idealDays: 7 }, low: { maxDays: 120 } },
      },
    });
  });

  it('seeds, exports and resets from a page', async () => {
    const put = await deliver(
      envelope('data.put', { contacts: [contact({ id: 'c2', emails: ['b@beta.example'] })] }),
      senders.page,
    );
    expect(put).toMatchObject({ ok: true, data: { contacts: 2 } });
    const exported = await deliver(envelope('data.export'), senders.page);
    expect((exported.data as { contacts: unknown[] }).contacts).toHaveLength(2);
    const reset = await deliver(envelope('data.reset', { confirm: 'erase everything' }), senders.page);
    expect(reset).toMatchObject({ ok: true, data: { contacts: 0 } });
  });

  it('a seed that breaks a unique index lands nothing and names the record', async () => {
    const twins = [
      contact({ id: 'x1', emails: ['same@beta.example'] }),
      contact({ id: 'x2', emails: ['same@beta.example'] }),
    ];
    const answer = await deliver(envelope('data.put', { contacts: twins }), senders.page);
    expect(answer).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(answer.error?.message).toMatch(/contacts record x\d/);
    expect((await countAll(db)).contacts).toBe(1);
  });
});

describe('classifySender', () => {
  const self = { id: 'ours', baseUrl: 'chrome-extension://ours/' };
  it.each([
    [{ id: 'ours', url: 'chrome-extension://ours/popup.html' }, 'page'],
    [{ id: 'ours', url: 'chrome-extension://ours/options.html', tab: { id: 1 } }, 'page'],
    [{ id: 'ours', url: 'https://mail.google.com/mail/u/0/', tab: { id: 1 } }, 'content'],
    // A page cannot be "ours" by naming our URL in its own path.
    [{ id: 'ours', url: 'https://evil.example/chrome-extension://ours/', tab: { id: 1 } }, 'content'],
    [{ id: 'theirs', url: 'chrome-extension://ours/popup.html' }, undefined],
    [{ url: 'chrome-extension://ours/popup.html' }, undefined],
  ])('%o → %s', (sender, kind) => {
    expect(classifySender(sender, self)).toBe(kind);
  });
});

describe('tracking joins people to their company account', () => {
  it('creates the account from the registrable domain once, and reuses it', async () => {
    const first = await deliver(
      envelope('contact.track', { name: 'Ann', email: 'ann@mail.newco.co.uk' }),
      senders.frame,
    );
    const second = await deliver(envelope('contact.track', { name: 'Ben', email: 'ben@newco.co.uk' }), senders.frame);
    const accountId = (first.data as { accountId?: string }).accountId;
    expect(accountId).toBeTruthy();
    expect((second.data as { accountId?: string }).accountId).toBe(accountId);
    const account = await db.get('accounts', accountId as string);
    expect(account).toMatchObject({ name: 'Newco', domains: ['newco.co.uk'] });
  });

  it('free-mail and internal addresses belong to no account', async () => {
    await deliver(envelope('settings.update', { internalDomains: ['ourco.example'] }), senders.page);
    for (const email of ['someone@gmail.com', 'pat@sales.ourco.example']) {
      const tracked = await deliver(envelope('contact.track', { name: 'X', email }), senders.frame);
      expect(tracked.data).not.toHaveProperty('accountId');
    }
    expect(await db.count('accounts')).toBe(0);
  });
});

describe('the README’s table of who may send what', () => {
  it('lists every request with the access the router enforces', () => {
    const readme = readFileSync('README.md', 'utf8');
    const rows = [
      ...readme.matchAll(
        /^\| `([a-zA-Z.]+)` \| (Rapport's pages only|Rapport's pages and content scripts|content scripts only \(about their own tab\)) \|$/gm,
      ),
    ];
    const words = {
      page: "Rapport's pages only",
      any: "Rapport's pages and content scripts",
      content: 'content scripts only (about their own tab)',
    };
    expect(Object.fromEntries(rows.map((m) => [m[1], m[2]]))).toEqual(
      Object.fromEntries(Object.entries(protocol).map(([type, d]) => [type, words[d.access]])),
    );
  });
});

describe('marker look-ups from a page', () => {
  it('are answered up to the per-tab limit a minute, then refused; the sidebar page is not limited', async () => {
    const ask = (sender: (typeof senders)['content'] | (typeof senders)['page']) =>
      deliver(envelope('markers.lookup', { emails: ['jane@acme.example'] }), sender);
    for (let i = 0; i < MARKER_LOOKUPS_PER_MINUTE; i++) expect((await ask(senders.content)).ok).toBe(true);
    expect(await ask(senders.content)).toMatchObject({ ok: false, error: { message: /too many/ } });
    expect((await ask(senders.page)).ok).toBe(true);
  });
});
