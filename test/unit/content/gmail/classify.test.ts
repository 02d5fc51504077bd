import { describe, expect, it } from 'vitest';
import {
  classifyAddress,
  classifyMessage,
  isInternalDomain,
  makeSelf,
  messageDirection,
} from '@/lib/content/sites/gmail';

const self = makeSelf({
  emails: ['Sam.Seller@ourco.example', 'sam.private@gmail.com'],
  internalDomains: ['OurCo.example', '@partner-group.example', ''],
  accountEmail: 'sales@ourco.example',
});

describe('me, colleague or external', () => {
  it.each([
    ['sam.seller@ourco.example', 'me'],
    ['SAM.SELLER@OURCO.EXAMPLE', 'me'],
    ['sales@ourco.example', 'me'], // the page's account address
    ['sam.seller+quotes@ourco.example', 'me'], // +tags deliver to the same mailbox
    ['sampri.vate@gmail.com', 'me'], // consumer Gmail ignores dots
    ['sam.private@googlemail.com', 'me'],
    ['pat@ourco.example', 'colleague'],
    ['pat@mail.ourco.example', 'colleague'], // a subdomain of an internal domain
    ['pat@eu.mail.ourco.example', 'colleague'],
    ['ops@partner-group.example', 'colleague'],
    ['chris@customer.example', 'external'],
    ['chris@notourco.example', 'external'], // a suffix, not a subdomain
    ['chris@ourco.example.evil.test', 'external'],
    ['sam.seller@gmail.com', 'external'], // dots only count on gmail.com, and this is another mailbox anyway
  ] as const)('%s is %s', (email, kind) => {
    expect(classifyAddress(email, self)).toBe(kind);
  });

  it('matches subdomains without a public-suffix list', () => {
    expect(isInternalDomain('mail.ourco.example', self)).toBe(true);
    expect(isInternalDomain('ourco.example.', self)).toBe(true);
    expect(isInternalDomain('example', self)).toBe(false);
  });

  it('with no settings, everyone but the account is external', () => {
    const bare = makeSelf({ emails: [], internalDomains: [] });
    expect(classifyAddress('pat@ourco.example', bare)).toBe('external');
    expect(messageDirection(undefined, bare)).toBe('unknown');
  });
});

describe('message direction', () => {
  it.each([
    ['sales@ourco.example', 'outbound'],
    ['pat@mail.ourco.example', 'colleague'],
    ['chris@customer.example', 'inbound'],
    [undefined, 'unknown'],
  ] as const)('from %s: %s', (sender, direction) => {
    expect(messageDirection(sender, self)).toBe(direction);
  });

  it('tags everyone on a message and lists the external people once', () => {
    const result = classifyMessage(
      {
        sender: { email: 'sales@ourco.example', name: 'Sam Seller' },
        recipients: [
          { email: 'chris@customer.example', name: 'Chris' },
          { email: 'pat@ourco.example' },
          { email: 'dana@lakoach.example' },
          { email: 'chris@customer.example' },
        ],
      },
      self,
    );
    expect(result.direction).toBe('outbound');
    expect(result.sender?.kind).toBe('me');
    expect(result.recipients.map((r) => r.kind)).toEqual(['external', 'colleague', 'external', 'external']);
    expect(result.externals).toEqual([
      { email: 'chris@customer.example', name: 'Chris' },
      { email: 'dana@lakoach.example' },
    ]);
  });

  it('an inbound message puts its sender among the externals', () => {
    const result = classifyMessage({ sender: { email: 'chris@customer.example' } }, self);
    expect(result).toEqual({
      direction: 'inbound',
      sender: { email: 'chris@customer.example', kind: 'external' },
      recipients: [],
      externals: [{ email: 'chris@customer.example' }],
    });
  });
});
