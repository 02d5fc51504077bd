import type { IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RapportDB } from '@/lib/background/db/schema';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { contact } from '../../helpers/records';
import { countTouches, putTouch, storedTouches } from '../../helpers/touch-store';

const ACCOUNT = 'me@ourco.example';
let db: IDBPDatabase<RapportDB>;

beforeEach(async () => {
  db = await startBackground();
  await db.put('contacts', contact({ id: 'jane', emails: ['jane@acme.example'] }));
  await db.put('contacts', contact({ id: 'omar', emails: ['omar@beta.example'], accountId: 'acct-2' }));
  await deliver(
    envelope('settings.update', { me: { emails: [ACCOUNT] }, internalDomains: ['ourco.example'] }),
    senders.page,
  );
});

const capture = (messages: unknown[], account = ACCOUNT) =>
  deliver(envelope('gmail.capture', { account, messages }), senders.content);
const confirm = () => deliver(envelope('account.confirm', { account: ACCOUNT }), senders.frame);
const touchesOf = async (contactId: string) =>
  (await storedTouches(db)).filter((t) => t.contactId === contactId).sort((a, b) => a.at - b.at);

const msg = (id: string, from: string, to: string[], at = Number(id)) => ({
  id,
  from,
  to,
  at,
  subject: `Subject ${id}`,
});

describe('gmail capture', () => {
  it('stores nothing until the seller confirms the account is a work account', async () => {
    const answer = await capture([msg('1000', 'jane@acme.example', [ACCOUNT])]);
    expect(answer).toMatchObject({ ok: true, data: { confirmed: false, stored: 0 } });
    expect(await countTouches(db)).toBe(0);
  });

  it('records inbound and outbound e-mails with tracked contacts, subject only', async () => {
    await confirm();
    const answer = await capture([
      msg('1000', 'Jane@Acme.example', [ACCOUNT]),
      msg('2000', ACCOUNT, ['jane@acme.example', 'omar@beta.example', 'stranger@gamma.example']),
    ]);
    expect(answer.data).toEqual({ confirmed: true, stored: 3, duplicates: 0, untracked: 1 });
    const jane = await touchesOf('jane');
    expect(jane.map((t) => [t.direction, t.sellerId, t.sourceId, t.summary])).toEqual([
      ['inbound', 'me', 'gmail:1000', 'Subject 1000'],
      ['outbound', 'me', 'gmail:2000', 'Subject 2000'],
    ]);
    expect((await touchesOf('omar'))[0]).toMatchObject({
      direction: 'outbound',
      accountId: 'acct-2',
      source: 'captured',
    });
  });

  it('never stores the same message twice, however often the thread is opened', async () => {
    await confirm();
    const thread = [msg('1000', 'jane@acme.example', [ACCOUNT]), msg('2000', ACCOUNT, ['jane@acme.example'])];
    await capture(thread);
    const again = await capture(thread);
    expect(again.data).toMatchObject({ stored: 0, duplicates: 2 });
    expect(await countTouches(db)).toBe(2);
  });

  it('a message stored before at another time (an older import of it) is a duplicate; the rest of the thread is stored', async () => {
    await confirm();
    await putTouch(db, {
      id: 'imported-1000',
      contactId: 'jane',
      accountId: 'acct-1',
      sellerId: 'me',
      kind: 'email',
      direction: 'inbound',
      at: 1000 + 86_400_000,
      source: 'imported',
      sourceId: 'gmail:1000',
    });
    const answer = await capture([
      msg('1000', 'jane@acme.example', [ACCOUNT]),
      msg('2000', ACCOUNT, ['jane@acme.example']),
    ]);
    expect(answer.data).toMatchObject({ stored: 1, duplicates: 1 });
    expect((await touchesOf('jane')).map((t) => t.sourceId)).toEqual(['gmail:2000', 'gmail:1000']);
  });

  it('a colleague’s message is their touch with the customer, and makes them a known seller', async () => {
    await confirm();
    await capture([msg('3000', 'pat@eu.ourco.example', ['jane@acme.example'])]);
    const [touch] = await touchesOf('jane');
    const seller = await db.get('sellers', touch?.sellerId ?? '');
    expect(touch?.direction).toBe('outbound');
    expect(seller).toMatchObject({ emails: ['pat@eu.ourco.example'] });
    // The same colleague again is the same seller.
    await capture([msg('4000', 'pat@eu.ourco.example', ['jane@acme.example'])]);
    expect(await db.count('sellers')).toBe(1);
  });

  it('a customer writing to a colleague only is the colleague’s touch', async () => {
    await confirm();
    await capture([msg('5000', 'jane@acme.example', ['pat@ourco.example'])]);
    const [touch] = await touchesOf('jane');
    expect(touch?.sellerId).not.toBe('me');
  });

  it('a customer copying another customer is no touch with the one copied', async () => {
    await confirm();
    await capture([msg('6000', 'jane@acme.example', [ACCOUNT, 'omar@beta.example'])]);
    expect(await touchesOf('omar')).toEqual([]);
    expect(await touchesOf('jane')).toHaveLength(1);
  });

  it('refuses a malformed message id and stores nothing of that request', async () => {
    await confirm();
    const answer = await capture([
      msg('1000', 'jane@acme.example', [ACCOUNT]),
      { ...msg('x', 'jane@acme.example', []), id: 'msg-a:r123' },
    ]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await countTouches(db)).toBe(0);
  });
});

describe('people.lookup', () => {
  it('answers every tracked person on a page in one request', async () => {
    const answer = await deliver(
      envelope('people.lookup', { emails: ['JANE@acme.example', 'nobody@x.example', 'omar@beta.example'] }),
      senders.frame,
    );
    expect((answer.data as { contacts: { id: string }[] }).contacts.map((c) => c.id).sort()).toEqual(['jane', 'omar']);
  });
});

describe('a message recorded when the seller clicks Send', () => {
  it('is stored at once, then takes Gmail’s id when the thread shows it: one touch, not two', async () => {
    await confirm();
    const sentAt = 1_700_000_000_000;
    await capture([{ sentKey: 'r555', from: ACCOUNT, to: ['jane@acme.example'], at: sentAt, subject: 'Proposal' }]);
    expect(await touchesOf('jane')).toMatchObject([{ direction: 'outbound', sourceId: 'gmail-sent:r555' }]);
    // Gmail shows the sent message a few seconds later with its real id.
    const answer = await capture([msg('9000', ACCOUNT, ['jane@acme.example'], sentAt + 4_000)]);
    expect(answer.data).toMatchObject({ stored: 0, duplicates: 1 });
    expect(await touchesOf('jane')).toMatchObject([{ sourceId: 'gmail:9000', at: sentAt + 4_000 }]);
  });

  it('a message needs exactly one of a Gmail id and a sent key', async () => {
    await confirm();
    const both = await capture([{ id: '1', sentKey: 'r1', from: ACCOUNT, to: [], at: 1 }]);
    const neither = await capture([{ from: ACCOUNT, to: [], at: 1 }]);
    expect([both.ok, neither.ok]).toEqual([false, false]);
  });
});

describe('gmail capture keeps the thread', () => {
  it('stores the thread id on each touch, and gives it to touches recorded before threads were kept', async () => {
    await confirm();
    await capture([msg('1000', 'jane@acme.example', [ACCOUNT])]);
    expect((await touchesOf('jane'))[0]?.threadId).toBeUndefined();
    const again = await capture([{ ...msg('1000', 'jane@acme.example', [ACCOUNT]), threadId: '1840980625981948628' }]);
    expect(again.data).toMatchObject({ stored: 0, duplicates: 1 });
    await capture([{ ...msg('3000', ACCOUNT, ['jane@acme.example']), threadId: '1840980625981948628' }]);
    expect((await touchesOf('jane')).map((t) => t.threadId)).toEqual(['1840980625981948628', '1840980625981948628']);
    const bad = await capture([{ ...msg('4000', 'jane@acme.example', [ACCOUNT]), threadId: 'thread-f:1' }]);
    expect(bad.ok).toBe(false);
  });
});

describe('capture under concurrency and interruption', () => {
  const thread = Array.from({ length: 100 }, (_, i) =>
    i % 2
      ? msg(String(1_000 + i), ACCOUNT, ['jane@acme.example', 'omar@beta.example'])
      : msg(String(1_000 + i), 'jane@acme.example', [ACCOUNT]),
  );

  it('three tabs capturing the same 100-message thread at once store each message once', async () => {
    await confirm();
    const tabs = [7, 8, 9].map((id) => ({ ...senders.content, tab: { id } }));
    // Each tab reads the thread in its own order and sends it in parts, as its frames go by.
    const orders = [thread, [...thread].reverse(), [...thread.slice(50), ...thread.slice(0, 50)]];
    const answers = await Promise.all(
      orders.flatMap((order, t) =>
        [order.slice(0, 50), order.slice(50)].map((part) =>
          deliver(envelope('gmail.capture', { account: ACCOUNT, messages: part }), tabs[t] as typeof senders.content),
        ),
      ),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    const stored = answers.reduce((sum, a) => sum + (a.data as { stored: number }).stored, 0);
    // 100 with Jane, and the 50 the seller sent copy Omar too.
    expect(stored).toBe(150);
    expect(await touchesOf('jane')).toHaveLength(100);
    expect(await touchesOf('omar')).toHaveLength(50);
    const sources = (await storedTouches(db)).map((t) => `${t.sourceId} ${t.contactId}`);
    expect(new Set(sources).size).toBe(sources.length);
  });

  it('a capture cut off before it is written (the worker stopped) leaves nothing of it; the next one stores it all once', async () => {
    await confirm();
    // A store refusing a write half-way aborts the capture's one transaction, as the worker
    // stopping does: nothing of it may stay.
    // Its second contact's log is refused after the first one's is written.
    const store = Object.getPrototypeOf(db.transaction('touchLogs').objectStore('touchLogs'));
    const put = store.put;
    let calls = 0;
    store.put = function (this: unknown, ...args: unknown[]) {
      if (++calls === 2) throw new DOMException('The worker stopped', 'AbortError');
      return put.apply(this, args);
    };
    try {
      const cut = await capture(thread);
      expect(cut.ok).toBe(false);
    } finally {
      store.put = put;
    }
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(await countTouches(db)).toBe(0);
    const again = await capture(thread);
    expect(again.data).toMatchObject({ stored: 150, duplicates: 0 });
    expect(await countTouches(db)).toBe(150);
  });
});
