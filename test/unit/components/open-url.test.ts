import { describe, expect, it } from 'vitest';
import { openUrlFor } from '@/components/popup/Popup';

describe('openUrlFor: where the popup’s Open goes', () => {
  it.each([
    {
      name: 'the last Gmail thread, by its legacy hex id, in the account that saw it',
      row: {
        email: 'jane@acme.example',
        linkedinId: 'jane',
        gmail: { threadId: '1840980625981948628', account: 'me@ourco.example' },
      },
      url: 'https://mail.google.com/mail/?authuser=me%40ourco.example#all/198c7a201a07c2d4',
    },
    {
      name: 'else the LinkedIn profile',
      row: { email: 'jane@acme.example', linkedinId: 'jane-doe' },
      url: 'https://www.linkedin.com/in/jane-doe/',
    },
    {
      name: 'else a Gmail search for the address',
      row: { email: 'jane@acme.example' },
      url: 'https://mail.google.com/mail/u/0/#search/jane%40acme.example',
    },
    { name: 'nothing to open', row: {}, url: undefined },
  ])('$name', ({ row, url }) => {
    expect(openUrlFor(row)).toBe(url);
  });
});
