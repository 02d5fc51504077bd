// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messageTime, readConversations } from '@/lib/content/sites/linkedin';

const THREAD = readFileSync('test/fixtures/linkedin/SYNTHETIC-linkedin-messaging-thread.html', 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
// Friday 4 December 2026, 15:00 UTC; times read in UTC.
const NOW = Date.UTC(2026, 11, 4, 15);
const at = (month: number, day: number, hour: number, minute: number, year = 2026) =>
  Date.UTC(year, month - 1, day, hour, minute);

describe('LinkedIn message times', () => {
  const options = { lang: 'en', now: NOW, timeZone: 'UTC' };
  it.each([
    ['Today', '10:32 AM', at(12, 4, 10, 32)],
    ['Yesterday', '9:05 PM', at(12, 3, 21, 5)],
    ['Monday', '8:00 AM', at(11, 30, 8, 0)],
    ['Friday', '8:00 AM', at(11, 27, 8, 0)],
    ['Nov 20', '9:15 AM', at(11, 20, 9, 15)],
    ['Dec 24', '9:15 AM', at(12, 24, 9, 15, 2025)],
    ['Nov 20, 2024', '14:05', at(11, 20, 14, 5, 2024)],
  ])('%s %s', (heading, clock, expected) => {
    expect(messageTime(heading, clock, options)).toBe(expected);
  });

  it('reads the words of the page’s language from Intl', () => {
    expect(messageTime('Heute', '10:32', { ...options, lang: 'de' })).toBe(at(12, 4, 10, 32));
    expect(messageTime('gestern', '10:32', { ...options, lang: 'de' })).toBe(at(12, 3, 10, 32));
    expect(messageTime('Montag', '10:32', { ...options, lang: 'de' })).toBe(at(11, 30, 10, 32));
    expect(messageTime('aujourd’hui', '10:32', { ...options, lang: 'fr' })).toBe(at(12, 4, 10, 32));
  });

  it('gives no time rather than a wrong one', () => {
    expect(messageTime('Someday', '10:32 AM', options)).toBeUndefined();
    expect(messageTime('Today', undefined, options)).toBeUndefined();
    expect(messageTime(undefined, '10:32', options)).toBeUndefined();
  });
});

describe('LinkedIn conversations (synthetic thread)', () => {
  it('reads the other participant by profile link and each message’s side and time, never the text', () => {
    const { value, health } = readConversations(parse(THREAD), { lang: 'en', now: NOW, timeZone: 'UTC' });
    expect(value).toEqual([
      {
        participants: [{ linkedinId: 'sam-synthetic', name: 'Sam Synthetic' }],
        messages: [
          { id: 'urn:li:msg_message:(urn:li:fsd_profile:SELLER,2-SYNTHETICmsg1)', from: 'me', at: at(11, 20, 9, 15) },
          {
            id: 'urn:li:msg_message:(urn:li:fsd_profile:SAM,2-SYNTHETICmsg2)',
            from: 'them',
            linkedinId: 'sam-synthetic',
            at: at(12, 4, 10, 32),
          },
          // A second message in the same group takes its group's sender and time.
          {
            id: 'urn:li:msg_message:(urn:li:fsd_profile:SAM,2-SYNTHETICmsg3)',
            from: 'them',
            linkedinId: 'sam-synthetic',
            at: at(12, 4, 10, 32),
          },
        ],
      },
    ]);
    expect(health.every((c) => c.ok)).toBe(true);
    expect(JSON.stringify(value)).not.toContain('placeholder');
  });

  it('an overlay bubble on any page is a conversation too', () => {
    const doc = parse(
      `<html lang="en"><body><main></main><aside class="msg-overlay-container"><div class="msg-overlay-conversation-bubble">
        <header class="msg-overlay-bubble-header"><a href="/in/sam-synthetic/">Sam Synthetic</a></header>
        <ul><li><time class="msg-s-message-list__time-heading">Today</time></li>
        <li data-event-urn="urn:li:msg_message:(x,2-bubble1)"><div class="msg-s-message-group">
          <a class="msg-s-message-group__profile-link" href="/in/sam-synthetic/">Sam</a>
          <time class="msg-s-message-group__timestamp">2:00 PM</time></div></li></ul>
      </div></aside></body></html>`,
    );
    const { value } = readConversations(doc, { lang: 'en', now: NOW, timeZone: 'UTC' });
    expect(value[0]?.messages).toEqual([
      { id: 'urn:li:msg_message:(x,2-bubble1)', from: 'them', linkedinId: 'sam-synthetic', at: at(12, 4, 14, 0) },
    ]);
  });

  it('a conversation whose header names nobody says which reader failed', () => {
    const doc = parse(THREAD.replaceAll('/in/sam-synthetic/', '/feed/'));
    const { value, health } = readConversations(doc, { lang: 'en', now: NOW, timeZone: 'UTC' });
    expect(value).toEqual([]);
    expect(health).toContainEqual({ reader: 'messaging.participants', ok: false, found: 0, expected: 1 });
  });
});
