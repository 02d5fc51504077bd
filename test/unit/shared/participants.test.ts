import { describe, expect, it } from 'vitest';
import { externalPeople, roleOf } from '@/lib/shared/participants';

const identity = { emails: ['Me@OurCo.com', 'me.alias@ourco.com'], internalDomains: ['ourco.com'] };

describe('roleOf', () => {
  it.each([
    ['me@ourco.com', 'me'],
    [' ME.ALIAS@ourco.com ', 'me'],
    ['pat@ourco.com', 'colleague'],
    ['pat@eu.ourco.com', 'colleague'],
    ['pat@notourco.com', 'external'],
    ['pat@ourco.com.evil.example', 'external'],
    ['chris@customer.example', 'external'],
  ] as const)('%s is %s', (email, role) => {
    expect(roleOf(email, identity)).toBe(role);
  });

  it('with no settings yet, everyone but the page account is external', () => {
    expect(roleOf('pat@ourco.com', { emails: ['me@ourco.com'], internalDomains: [] })).toBe('external');
  });
});

describe('externalPeople', () => {
  it('keeps external people once each, in order, lower-case', () => {
    expect(
      externalPeople(['B@x.example', 'me@ourco.com', 'pat@ourco.com', 'b@x.example', 'a@y.example', ''], identity),
    ).toEqual(['b@x.example', 'a@y.example']);
  });
});
