// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { failedReaders, RowMemo, readInboxRows, readSentRows } from '@/lib/content/sites/gmail';
import { INBOX_2014, loadFixture, ROWS_2014 } from './load-fixture';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('the real 2014 inbox list', () => {
  const { value: rows, health } = readInboxRows(loadFixture(INBOX_2014), { timeZone: 'UTC' });

  it('reads three rows, senders de-duplicated across the hidden accessibility copy', () => {
    expect(rows.map((r) => r.senders)).toEqual([
      [{ email: 'streak.web.test.1@gmail.com', name: 'me' }],
      [{ email: 'streak.web.test.1@gmail.com', name: 'me' }],
      [{ email: 'notifications@mailfoogae.appspotmail.com', name: 'Streak Notifications' }],
    ]);
  });

  it('reads unread state and the dates', () => {
    expect(rows.map((r) => r.unread)).toEqual([true, true, false]);
    expect(rows.map((r) => iso(r.time?.at))).toEqual([
      '2014-12-18T12:35:00.000Z',
      '2014-12-18T12:35:00.000Z',
      '2014-10-10T18:12:00.000Z',
    ]);
    expect(rows.every((r) => r.time?.from === 'date')).toBe(true);
    expect(rows.map((r) => r.element.id)).toEqual([':35', ':3g', ':6t']);
  });

  it('has no thread ids (2014 rows predate them) and reports all readers found', () => {
    expect(rows.every((r) => r.threadId === undefined)).toBe(true);
    expect(failedReaders(health)).toEqual([]);
    expect(health).toEqual([
      { reader: 'list.rows', ok: true, found: 3, expected: 3 },
      { reader: 'list.senders', ok: true, found: 3, expected: 3 },
    ]);
  });
});

describe('the real 2014-15 row variants (horizontal and split pane)', () => {
  it('reads one row per thread: split-pane continuation rows join the row above', () => {
    const { value: rows, health } = readInboxRows(loadFixture(ROWS_2014), { timeZone: 'UTC' });
    expect(rows.map((r) => r.senders.map((s) => s.email))).toEqual([
      ['cowan@streak.com'],
      ['cowan@streak.com'],
      ['notifications@mailfoogae.appspotmail.com'],
    ]);
    expect(rows.map((r) => iso(r.time?.at))).toEqual([
      '2014-12-04T14:02:00.000Z',
      '2014-12-04T14:02:00.000Z',
      '2015-01-05T11:02:00.000Z',
    ]);
    expect(failedReaders(health)).toEqual([]);
  });
});

describe('variant: the Sent folder', () => {
  const { value: rows, health } = readSentRows(loadFixture('variants/SYNTHETIC-sent-list.html'), { timeZone: 'UTC' });

  it('reads the recipients per row, once each', () => {
    expect(rows.map((r) => r.recipients)).toEqual([
      [
        { email: 'chris@customer.example', name: 'Chris Customer' },
        { email: 'dana@lakoach.example', name: 'Dana Cohen' },
      ],
      [{ email: 'morgan.buyer@customer.example', name: 'Morgan Buyer' }],
      [{ email: 'klara.kunde@kunde.example', name: 'Klara Kunde' }],
    ]);
  });

  it('reads thread ids where Gmail writes them, unread state and times', () => {
    expect(rows.map((r) => r.threadId)).toEqual([undefined, '1840811448729739810', undefined]);
    expect(rows.map((r) => r.unread)).toEqual([false, true, false]);
    expect(rows.map((r) => iso(r.time?.at))).toEqual([
      '2025-08-19T09:02:00.000Z',
      '2025-08-18T16:30:00.000Z',
      '2025-08-12T11:05:00.000Z',
    ]);
    expect(failedReaders(health)).toEqual([]);
  });
});

describe('hidden views', () => {
  it('rows of a list Gmail keeps hidden are not read', () => {
    const doc = loadFixture('variants/SYNTHETIC-sent-list.html');
    const inbox = loadFixture(INBOX_2014).querySelector('[gh=tl]');
    const hidden = doc.createElement('div');
    hidden.setAttribute('style', 'display: none;');
    if (inbox) hidden.append(doc.importNode(inbox, true));
    doc.body.prepend(hidden);
    const { value } = readSentRows(doc, { timeZone: 'UTC' });
    expect(value.flatMap((r) => r.recipients.map((p) => p.email))).not.toContain('streak.web.test.1@gmail.com');
    expect(value).toHaveLength(3);
  });
});

describe('list health', () => {
  const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

  it('an empty folder is fine', () => {
    const { value, health } = readInboxRows(parse('<div gh="tl"><table><tbody></tbody></table></div>'));
    expect(value).toEqual([]);
    expect(failedReaders(health)).toEqual([]);
  });

  it('rows Gmail renamed are reported', () => {
    const { health } = readInboxRows(
      parse('<div gh="tl"><table><tbody><tr class="zZ"><td>x</td></tr></tbody></table></div>'),
    );
    expect(failedReaders(health)).toEqual(['list.rows']);
  });

  it('rows without sender attributes are reported', () => {
    const doc = loadFixture(INBOX_2014);
    for (const el of doc.querySelectorAll('[email]')) el.removeAttribute('email');
    const { value, health } = readInboxRows(doc);
    expect(value).toHaveLength(3);
    expect(health.find((c) => c.reader === 'list.senders')).toEqual({
      reader: 'list.senders',
      ok: false,
      found: 0,
      expected: 3,
    });
  });

  it('no list at all', () => {
    expect(failedReaders(readSentRows(parse('<div role="main"></div>')).health)).toEqual(['list.rows']);
  });
});

describe('RowMemo: a list frame reads only the rows Gmail touched', () => {
  it('reads every row once, then only a changed row, a new row, or all after clear()', () => {
    const doc = loadFixture(INBOX_2014);
    const memo = new RowMemo();
    const freshIds = () => {
      const { value } = readInboxRows(doc, { memo });
      return value.filter((r) => memo.isFresh(r.element)).map((r) => r.element.id);
    };
    expect(freshIds()).toEqual([':35', ':3g', ':6t']);
    expect(freshIds()).toEqual([]);

    // A sender's name changes inside the second row: only that row is read again, and it says so.
    const span = doc.getElementById(':3g')?.querySelector('[email]') as Element;
    span.setAttribute('name', 'Me Again');
    memo.changed([span]);
    expect(freshIds()).toEqual([':3g']);

    // A new row at the top (Gmail inserts rows as mail arrives): read; the others are not.
    const copy = doc.getElementById(':6t')?.cloneNode(true) as Element;
    copy.id = ':new';
    doc.getElementById(':35')?.before(copy);
    memo.changed([copy.parentNode as Node]);
    expect(freshIds()).toEqual([':new']);

    memo.clear();
    expect(freshIds()).toEqual([':new', ':35', ':3g', ':6t']);
  });

  it('gives the same rows as a plain read', () => {
    const doc = loadFixture(INBOX_2014);
    const memo = new RowMemo();
    readInboxRows(doc, { memo });
    expect(readInboxRows(doc, { memo }).value).toEqual(readInboxRows(doc).value);
  });

  it('tells whether only the rows changed since the last read, until the next read', () => {
    const doc = loadFixture(INBOX_2014);
    const memo = new RowMemo();
    // Nothing read yet: nothing is known about the rest of the page.
    expect(memo.onlyRowsChanged).toBe(false);
    readInboxRows(doc, { memo });
    const first = doc.getElementById(':35') as Element;
    const list = first.parentElement as Element;

    // A row added to or dropped from its list, a sender's name inside a row: only rows.
    memo.changed([list, first.querySelector('[email]') as Element]);
    expect(memo.onlyRowsChanged).toBe(true);

    // Anything outside the lists (a compose window opening) stays said until the list is read again,
    // whatever changes after it.
    memo.changed([doc.body]);
    memo.changed([list]);
    expect(memo.onlyRowsChanged).toBe(false);
    readInboxRows(doc, { memo });
    expect(memo.onlyRowsChanged).toBe(true);

    memo.clear();
    expect(memo.onlyRowsChanged).toBe(false);
  });
});
