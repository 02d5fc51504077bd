import { describe, expect, it } from 'vitest';
import { classifyAddress, makeSelf } from '@/lib/shared/participants';

const self = makeSelf({ emails: ['Me@OurCo.com', 'me.alias@ourco.com'], internalDomains: ['ourco.com'] });

describe('classifyAddress', () => {
  it.each([
    ['me@ourco.com', 'me'],
    [' ME.ALIAS@ourco.com ', 'me'],
    ['me+quotes@ourco.com', 'me'],
    ['pat@ourco.com', 'colleague'],
    ['pat@eu.ourco.com', 'colleague'],
    ['pat@notourco.com', 'external'],
    ['pat@ourco.com.evil.example', 'external'],
    ['chris@customer.example', 'external'],
  ] as const)('%s is %s', (email, kind) => {
    expect(classifyAddress(email, self)).toBe(kind);
  });

  it('the page account is me; with no internal domains yet, everyone else is external', () => {
    const fresh = makeSelf({ emails: [], internalDomains: [], accountEmail: 'me@ourco.com' });
    expect(classifyAddress('me@ourco.com', fresh)).toBe('me');
    expect(classifyAddress('pat@ourco.com', fresh)).toBe('external');
  });
});
