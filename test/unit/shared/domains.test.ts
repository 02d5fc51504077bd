import { describe, expect, it } from 'vitest';
import { defaultInternalDomains, isFreeMailDomain, registrableDomain } from '@/lib/shared/domains';

describe('registrableDomain', () => {
  it.each([
    ['jane@mail.acme.co.uk', 'acme.co.uk'],
    ['jane@acme.com', 'acme.com'],
    ['sales.eu.acme.com.au', 'acme.com.au'],
    ['JANE@ACME.DE', 'acme.de'],
    ['jane@localhost', undefined],
  ])('%s → %s', (input, expected) => {
    expect(registrableDomain(input)).toBe(expected);
  });
});

describe('free mail', () => {
  it.each(['gmail.com', 'outlook.com', 'yahoo.co.uk', 'GMX.de'])('%s is free mail', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });
  it.each(['acme.com', 'acme.co.uk'])('%s is not', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });

  it('proposes the work domain as internal, never a free-mail one, once each', () => {
    expect(defaultInternalDomains(['me@sales.ourco.com', 'me@ourco.com', 'me.private@gmail.com'])).toEqual([
      'ourco.com',
    ]);
  });
});
