import { describe, expect, it } from 'vitest';
import { normalizeMessageId, normalizeThreadId, timeFromId } from '@/lib/content/sites/gmail';

describe('message and thread ids: one decimal form', () => {
  it.each([
    // The legacy hex id and the `#msg-f:` decimal id are the same number (site-dom.md A2b).
    ['198c7a201a07c2d4', '1840980625981948628'],
    ['#msg-f:1840980625981948628', '1840980625981948628'],
    ['msg-f:1840980625981948628', '1840980625981948628'],
    ['  198C7A201A07C2D4 ', '1840980625981948628'],
    ['101865c04ac2427f', '1159788780610273919'],
    ['124c8f386d41fd3a', '1318586263426694458'],
    // Drafts are not sent mail.
    ['#msg-a:r123456789', undefined],
    ['#msg-a:12345', undefined],
    ['undefined', undefined],
    ['', undefined],
    [null, undefined],
    ['not an id', undefined],
    ['1ffffffffffffffff', undefined], // 17 hex digits: wider than 64 bits
    ['0', undefined],
  ])('message %s → %s', (raw, expected) => {
    expect(normalizeMessageId(raw)).toBe(expected);
  });

  it.each([
    ['thread-f:1638756560099919527', '1638756560099919527'],
    ['#thread-f:1638756560099919527', '1638756560099919527'],
    // A list row's data-thread-id holds the thread and its last message.
    ['#thread-f:1638756560099919527|msg-f:1638756560099919999', '1638756560099919527'],
    ['198c1905b403a5b1', '1840873859973359025'],
    // InboxSDK notes data-thread-perm-id can be the string "undefined".
    ['undefined', undefined],
    ['thread-a:r-12345', undefined],
  ])('thread %s → %s', (raw, expected) => {
    expect(normalizeThreadId(raw)).toBe(expected);
  });

  it('the two spellings in the skeleton fixture agree', () => {
    expect(normalizeThreadId('thread-f:1840873859973359025')).toBe(normalizeThreadId('198c1905b403a5b1'));
    expect(normalizeMessageId('#msg-f:1840873859973359025')).toBe(normalizeMessageId('198c1905b403a5b1'));
  });

  it('a message id is not read from a thread id, nor the other way round', () => {
    expect(normalizeMessageId('thread-f:1638756560099919527')).toBeUndefined();
    expect(normalizeThreadId('#msg-f:1840980625981948628')).toBeUndefined();
  });
});

describe('send time from the id (site-dom.md A2b)', () => {
  const utc = (id: string) => new Date(timeFromId(normalizeMessageId(id) ?? normalizeThreadId(id)) ?? Number.NaN);

  it.each([
    // Hammersley, "Hacking Gmail", listing 5-11: shown as 7:06 AM Pacific on Tue 18 Jan 2005.
    ['101865c04ac2427f', '2005-01-18T15:06'],
    // Stack Overflow question 1687445, asked 2009-11-06.
    ['124c8f386d41fd3a', '2009-11-06'],
    // gmail.js's example thread id, from code written in 2019.
    ['thread-f:1638756560099919527', '2019-07-11'],
    // The skeleton fixture's ids match its dates (read as UTC).
    ['#msg-f:1840873859973359025', '2025-08-19T09:02'],
    ['198c7a201a07c2d4', '2025-08-20T13:19'],
  ])('%s was sent %s UTC', (id, expected) => {
    expect(utc(id).toISOString().startsWith(expected)).toBe(true);
  });

  it('is undefined rather than wrong when the id cannot be a Gmail send time', () => {
    expect(timeFromId('12345')).toBeUndefined(); // 1970
    expect(timeFromId(undefined)).toBeUndefined();
    expect(timeFromId('abc')).toBeUndefined();
    // Far in the future relative to "now".
    const now = Date.UTC(2025, 0, 1);
    expect(timeFromId(normalizeMessageId('#msg-f:1840873859973359025'), now)).toBeUndefined();
    expect(timeFromId(normalizeMessageId('101865c04ac2427f'), now)).toBe(Date.parse('2005-01-18T15:06:12.524Z'));
  });
});
