import { describe, expect, it } from 'vitest';
import { accountEmailFromTitle, type GmailRoute, parseGmailUrl } from '@/lib/content/sites/gmail';

const base = 'https://mail.google.com/mail/u/1/';

describe('Gmail URLs (site-dom.md A1)', () => {
  it.each<[string, GmailRoute]>([
    [`${base}#inbox`, { accountIndex: 1, route: 'inbox', threadOpen: false }],
    [base, { accountIndex: 1, route: 'inbox', threadOpen: false }],
    [
      `${base}#inbox/FMfcgzQZTzbHrBxxxxxxxxxxxxxxxxxx`,
      { accountIndex: 1, route: 'inbox', threadToken: 'FMfcgzQZTzbHrBxxxxxxxxxxxxxxxxxx', threadOpen: true },
    ],
    // The old 16-hex thread ids still open threads.
    [
      `${base}#sent/198c1905b403a5b1`,
      { accountIndex: 1, route: 'sent', threadToken: '198c1905b403a5b1', threadOpen: true },
    ],
    ['https://mail.google.com/mail/u/0/#sent', { accountIndex: 0, route: 'sent', threadOpen: false }],
    [
      `${base}#label/Key+Accounts%2FEMEA/KtbxLwHLmXdQzvFkCqzWXgQnRmTJSnJhRq`,
      {
        accountIndex: 1,
        route: 'label',
        param: 'Key Accounts/EMEA',
        threadToken: 'KtbxLwHLmXdQzvFkCqzWXgQnRmTJSnJhRq',
        threadOpen: true,
      },
    ],
    [
      `${base}#search/from%3Achris%40customer.example`,
      { accountIndex: 1, route: 'search', param: 'from:chris@customer.example', threadOpen: false },
    ],
    // A long one-word search is the query, not a thread.
    [
      `${base}#search/quarterlyreviewnotes2025`,
      { accountIndex: 1, route: 'search', param: 'quarterlyreviewnotes2025', threadOpen: false },
    ],
    [`${base}#category/promotions`, { accountIndex: 1, route: 'category', param: 'promotions', threadOpen: false }],
    [`${base}#inbox/p2`, { accountIndex: 1, route: 'inbox', threadOpen: false }],
    [`${base}#settings/general`, { accountIndex: 1, route: 'settings', threadOpen: false }],
    [`${base}#chat/dm/AAAAbbbbCCCCddddEEEE`, { accountIndex: 1, route: 'chat', threadOpen: false }],
    [`${base}#inbox?compose=new`, { accountIndex: 1, route: 'inbox', threadOpen: false, compose: 'new' }],
    [
      `${base}#inbox/FMfcgzQZTzbHrBxxxxxxxxxxxxxxxxxx?compose=CllgCJZXjVhd`,
      {
        accountIndex: 1,
        route: 'inbox',
        threadToken: 'FMfcgzQZTzbHrBxxxxxxxxxxxxxxxxxx',
        threadOpen: true,
        compose: 'CllgCJZXjVhd',
      },
    ],
    // No /u/N/: the index is not assumed.
    ['https://mail.google.com/mail/#inbox', { route: 'inbox', threadOpen: false }],
    [`${base}#label/%E2%82%AC%20deals`, { accountIndex: 1, route: 'label', param: '€ deals', threadOpen: false }],
    [`${base}#label/100%`, { accountIndex: 1, route: 'label', param: '100%', threadOpen: false }],
  ])('%s', (url, expected) => {
    expect(parseGmailUrl(url)).toEqual(expected);
  });

  it.each(['https://www.linkedin.com/in/jane/', 'https://calendar.google.com/calendar/u/0/r', 'not a url'])(
    '%s is not Gmail',
    (url) => {
      expect(parseGmailUrl(url)).toBeUndefined();
    },
  );
});

describe('account address from the page title', () => {
  it.each([
    ['Inbox (3) - agent@example.com - Example Corp Mail', 'agent@example.com'],
    ['Inbox - Jane.Doe@OurCo.example - Gmail', 'jane.doe@ourco.example'],
    // A thread's subject comes first and may hold an address itself: the account's is the last one.
    ['Fwd: intro to bob@other.example - sales@ourco.example - OurCo Mail', 'sales@ourco.example'],
    ['הצעת מחיר - \u200f\u202asales@ourco.example\u202c\u200f - OurCo Mail', 'sales@ourco.example'],
    ['Gmail', undefined],
  ])('%s → %s', (title, expected) => {
    expect(accountEmailFromTitle(title)).toBe(expected);
  });
});
