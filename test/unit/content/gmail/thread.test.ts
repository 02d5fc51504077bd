// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { failedReaders, makeSelf, readMessage, readThread } from '@/lib/content/sites/gmail';
import { loadFixture, MESSAGE_2025, SKELETON } from './load-fixture';

const NOW = Date.UTC(2026, 0, 1);
const seller = makeSelf({ emails: ['sales@ourco.example'], internalDomains: ['ourco.example'] });
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('the synthetic conversation skeleton', () => {
  const doc = loadFixture(SKELETON);
  const { value: thread, health } = readThread(doc, {
    now: NOW,
    self: makeSelf({ emails: [], internalDomains: [], accountEmail: 'agent@example.com' }),
  });

  it('reads subject and thread id in the decimal form', () => {
    expect(thread.subject).toBe('Quote request for Q3');
    expect(thread.threadId).toBe('1840873859973359025');
  });

  it('reads the collapsed message (it has an id) and the expanded one', () => {
    expect(thread.messages).toHaveLength(2);
    const [collapsed, expanded] = thread.messages;
    expect(collapsed).toMatchObject({
      id: '1840873859973359025',
      state: 'collapsed',
      sender: { email: 'customer@example.org', name: 'Chris Customer' },
      direction: 'inbound',
    });
    expect(collapsed?.recipients).toBeUndefined(); // not shown when collapsed
    expect(iso(collapsed?.time?.at)).toBe('2025-08-19T09:02:00.000Z');
    expect(collapsed?.time?.from).toBe('id');

    expect(expanded).toMatchObject({
      id: '1840980625981948628',
      state: 'expanded',
      sender: { email: 'customer@example.org', name: 'Chris Customer' },
      recipients: [
        { email: 'agent@example.com', name: 'me' },
        { email: 'colleague@example.org', name: 'Pat Colleague' },
      ],
      direction: 'inbound',
    });
    expect(iso(expanded?.time?.at)).toBe('2025-08-20T13:19:00.000Z');
    expect(expanded?.element.getAttribute('role')).toBe('listitem');
  });

  it('reports every reader as found', () => {
    expect(failedReaders(health)).toEqual([]);
    expect(health).toEqual([
      { reader: 'thread.subject', ok: true, found: 1, expected: 1 },
      { reader: 'thread.id', ok: true, found: 1, expected: 1 },
      { reader: 'thread.messages', ok: true, found: 1, expected: 1 },
      { reader: 'thread.messageId', ok: true, found: 2, expected: 2 },
      { reader: 'thread.sender', ok: true, found: 2, expected: 2 },
      { reader: 'thread.recipients', ok: true, found: 1, expected: 1 },
      { reader: 'thread.time', ok: true, found: 2, expected: 2 },
    ]);
  });

  it('without the seller, directions are unknown rather than guessed', () => {
    expect(readThread(doc, { now: NOW }).value.messages.map((m) => m.direction)).toEqual(['unknown', 'unknown']);
  });
});

describe('the real Aug-2025 message header', () => {
  // The capture is the inside of one `div.adn`: no list item, no ids (they were not captured).
  const doc = loadFixture(MESSAGE_2025);
  const { value: message, health } = readMessage(doc.body, { timeZone: 'UTC', now: NOW });

  it('reads sender, recipients and the visible date', () => {
    expect(message).toMatchObject({
      state: 'expanded',
      sender: { email: 'sender@example.com', name: 'Sam Sender' },
      recipients: [{ email: 'list@googlegroups.example', name: 'list' }],
      time: { at: Date.UTC(2025, 7, 20, 13, 19), from: 'date' },
    });
    expect(message?.id).toBeUndefined();
  });

  it('says the id reader found nothing (the capture had no outer container) and the rest worked', () => {
    expect(failedReaders(health)).toEqual(['thread.messageId']);
  });

  it('falls back to the avatar when the sender span loses its attributes', () => {
    const copy = loadFixture(MESSAGE_2025);
    const span = copy.querySelector('span.gD');
    for (const attr of ['email', 'name', 'data-hovercard-id']) span?.removeAttribute(attr);
    // The avatar's `name` attribute is a widget id (":o6"); its display name is `data-name`.
    expect(readMessage(copy.body, { now: NOW }).value?.sender).toEqual({
      email: 'sender@example.com',
      name: 'Sam Sender',
    });
  });

  it('as a whole page it is no conversation: health says the message container is missing', () => {
    const { value, health: pageHealth } = readThread(doc, { timeZone: 'UTC', now: NOW });
    expect(value.messages).toEqual([]);
    expect(failedReaders(pageHealth)).toEqual(['thread.subject', 'thread.id', 'thread.messages']);
  });
});

describe('variants', () => {
  it('German UI: ids for times, the German date where ids are missing', () => {
    const { value, health } = readThread(loadFixture('variants/SYNTHETIC-thread-german-de.html'), {
      lang: 'de',
      timeZone: 'Europe/Berlin',
      now: NOW,
      self: seller,
    });
    expect(value.subject).toBe('Angebot für Q3 – Rückfrage');
    expect(value.messages.map((m) => [m.id, m.state, m.sender?.email, iso(m.time?.at), m.time?.from])).toEqual([
      ['1845940369490027187', 'collapsed', 'klara.kunde@kunde.example', '2025-10-14T07:12:00.000Z', 'id'],
      ['1846059466752312790', 'expanded', 'klara.kunde@kunde.example', '2025-10-15T14:45:00.000Z', 'id'],
      [undefined, 'expanded', 'paul.partner@kunde.example', '2025-11-06T07:05:00.000Z', 'date'],
    ]);
    expect(value.messages[1]?.recipients?.map((r) => r.email)).toEqual([
      'verkauf@ourco.example',
      'paul.partner@kunde.example',
    ]);
    expect(value.messages.map((m) => m.direction)).toEqual(['inbound', 'inbound', 'inbound']);
    expect(failedReaders(health)).toEqual(['thread.messageId']);
  });

  it('right-to-left Hebrew UI with Hebrew and Arabic names', () => {
    const { value, health } = readThread(loadFixture('variants/SYNTHETIC-thread-rtl-he.html'), {
      lang: 'he',
      now: NOW,
      self: seller,
    });
    expect(value.subject).toBe('הצעת מחיר');
    expect(value.threadId).toBe('1840969301361158393');
    expect(value.messages.map((m) => m.sender)).toEqual([
      { email: 'dana@lakoach.example', name: 'דנה כהן' },
      { email: 'sara@amil.example', name: 'سارة أحمد' },
    ]);
    expect(value.messages[1]?.recipients).toEqual([
      { email: 'sales@ourco.example', name: 'אני' },
      { email: 'dana@lakoach.example', name: 'דנה כהן' },
    ]);
    expect(value.messages.map((m) => iso(m.time?.at))).toEqual([
      '2025-08-20T10:19:00.000Z',
      '2025-08-21T06:05:00.000Z',
    ]);
    expect(failedReaders(health)).toEqual([]);
  });

  it('dark theme changes nothing', () => {
    const { value, health } = readThread(loadFixture('variants/SYNTHETIC-thread-dark-theme.html'), {
      now: NOW,
      self: seller,
    });
    expect(value.messages).toHaveLength(1);
    expect(value.messages[0]).toMatchObject({
      id: '1842049607270646997',
      sender: { email: 'morgan.buyer@customer.example', name: 'Morgan Buyer' },
      recipients: [{ email: 'sales@ourco.example' }],
      direction: 'inbound',
      time: { at: Date.UTC(2025, 8, 1, 8, 30), from: 'id' },
    });
    expect(failedReaders(health)).toEqual([]);
  });

  it("the seller's own message is outbound, a colleague's on a subdomain is the colleague's", () => {
    const { value, health } = readThread(loadFixture('variants/SYNTHETIC-thread-outbound-and-colleague.html'), {
      now: NOW,
      self: seller,
    });
    expect(value.messages.map((m) => [m.sender?.email, m.direction])).toEqual([
      ['chris@customer.example', 'inbound'],
      ['sales@ourco.example', 'outbound'],
      ['pat@mail.ourco.example', 'colleague'],
    ]);
    expect(value.messages[1]?.recipients?.map((r) => r.email)).toEqual([
      'chris@customer.example',
      'pat@mail.ourco.example',
    ]);
    expect(failedReaders(health)).toEqual([]);
  });

  it('a just-sent reply without a legacy id keeps its id and time', () => {
    const { value, health } = readThread(loadFixture('variants/SYNTHETIC-thread-just-sent-reply.html'), {
      now: NOW,
      self: seller,
    });
    const reply = value.messages[1];
    expect(reply).toMatchObject({
      id: '1847784395244046618',
      direction: 'outbound',
      recipients: [{ email: 'chris@customer.example', name: 'Chris Customer' }],
      time: { at: Date.UTC(2025, 10, 3, 15, 42), from: 'id' },
    });
    expect(failedReaders(health)).toEqual([]);
  });

  it('the same reply, once Gmail adds the legacy id, is the same message', () => {
    const doc = loadFixture('variants/SYNTHETIC-thread-just-sent-reply.html');
    const before = readThread(doc, { now: NOW }).value.messages[1]?.id;
    doc
      .querySelector('[data-message-id="#msg-f:1847784395244046618"]')
      ?.setAttribute('data-legacy-message-id', '19a4a61e1408091a');
    expect(readThread(doc, { now: NOW }).value.messages[1]?.id).toBe(before);
  });

  it('collapsed messages: kept with an id, skipped without; drafts and hidden bundles skipped', () => {
    const { value, health } = readThread(loadFixture('variants/SYNTHETIC-thread-collapsed-messages.html'), {
      now: NOW,
      self: seller,
    });
    expect(value.messages.map((m) => [m.id, m.state, m.direction, iso(m.time?.at)])).toEqual([
      ['1836438257664732221', 'collapsed', 'inbound', '2025-07-01T10:00:00.000Z'],
      ['1836534516941737808', 'collapsed', 'outbound', '2025-07-02T11:30:00.000Z'],
      ['1836733956096234661', 'expanded', 'inbound', '2025-07-04T16:20:00.000Z'],
    ]);
    expect(value.skipped).toEqual({ drafts: 1, hidden: 1, collapsedWithoutId: 1 });
    expect(failedReaders(health)).toEqual([]);
  });

  it('markup in names and subjects comes back as the same plain text, never as HTML', () => {
    const doc = loadFixture('variants/SYNTHETIC-thread-markup-in-names.html');
    const imagesBefore = doc.querySelectorAll('img').length;
    const { value, health } = readThread(doc, { now: NOW });
    expect(value.subject).toBe('<b>Quote</b> <img src=x onerror=alert(3)> 🚀');
    const [message] = value.messages;
    expect(message?.sender).toEqual({ email: 'mallory@customer.example', name: '<img src=x onerror=alert(1)>' });
    expect(message?.recipients).toEqual([{ email: 'sales@ourco.example', name: '"><script>alert(2)</script>' }]);
    expect(doc.querySelectorAll('img').length).toBe(imagesBefore);
    expect(doc.querySelector('img[src=x], script')).toBeNull();
    // The look-alike header markup inside the body was not read.
    expect(message?.id).toBe('1834090286285548669');
    expect(JSON.stringify(value.messages.map(({ element, ...m }) => m))).not.toContain('evil.example');
    expect(failedReaders(health)).toEqual([]);
  });

  it('sender attributes removed: the page still reads, and health names the sender reader', () => {
    const { value, health } = readThread(loadFixture('variants/SYNTHETIC-thread-sender-attributes-removed.html'), {
      now: NOW,
    });
    expect(value.messages.map((m) => m.id)).toEqual(['1840873859973359025', '1840980625981948628']);
    expect(value.messages.every((m) => m.sender === undefined)).toBe(true);
    expect(value.messages[1]?.recipients).toHaveLength(2);
    expect(failedReaders(health)).toEqual(['thread.sender']);
    expect(health.find((c) => c.reader === 'thread.sender')).toEqual({
      reader: 'thread.sender',
      ok: false,
      found: 0,
      expected: 2,
    });
  });
});

describe('scoping', () => {
  it('reads the visible conversation when Gmail keeps a hidden one in the page', () => {
    const visible = loadFixture('variants/SYNTHETIC-thread-dark-theme.html');
    const stale = loadFixture(SKELETON).querySelector('.a98.iY');
    const holder = visible.createElement('div');
    holder.setAttribute('style', 'display: none');
    if (stale) holder.append(visible.importNode(stale, true));
    visible.querySelector('[role=main]')?.prepend(holder);
    const { value } = readThread(visible, { now: NOW });
    expect(value.subject).toBe('Renewal for 2026');
    expect(value.messages.map((m) => m.id)).toEqual(['1842049607270646997']);
  });

  it('an empty page reports what is missing', () => {
    const doc = new DOMParser().parseFromString('<html><body><div role="main"></div></body></html>', 'text/html');
    const { value, health } = readThread(doc);
    expect(value.messages).toEqual([]);
    expect(failedReaders(health)).toEqual(['thread.subject', 'thread.id', 'thread.messages']);
  });
});
