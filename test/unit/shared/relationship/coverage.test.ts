import { describe, expect, it } from 'vitest';
import { type Coverage, coverage, jobChange, normaliseCompanyName, summarize } from '@/lib/shared/relationship';
import { daysAgo, inbound, NOW, outbound } from './histories';

/** A contact's summary after an exchange with each of the given sellers, `days` ago. */
function knownBy(contactId: string, sellers: string[], days = 10) {
  const touches = sellers.flatMap((sellerId, i) => [
    inbound(daysAgo(days + 2 * i + 1), { contactId }),
    outbound(daysAgo(days + 2 * i), { contactId, sellerId }),
  ]);
  return summarize({ contactId, touches });
}

const codes = (c: Coverage) => ({ quadrant: c.quadrant, risk: c.risk.code, moves: c.moves.map((m) => m.code) });

describe('account coverage', () => {
  it('one seller and one contact: quadrant 1, everything lost if either leaves, both moves', () => {
    expect(codes(coverage([knownBy('jane', ['me'])], NOW))).toEqual({
      quadrant: 1,
      risk: 'lost_if_either_leaves',
      moves: ['meet_second_contact', 'bring_in_colleague'],
    });
  });

  it('one seller, many contacts: quadrant 2, bring in a colleague', () => {
    const c = coverage([knownBy('jane', ['me']), knownBy('raj', ['me'])], NOW);
    expect(codes(c)).toEqual({ quadrant: 2, risk: 'lost_if_seller_leaves', moves: ['bring_in_colleague'] });
    expect(c.soleSellers).toEqual(['me']);
  });

  it('many sellers, one contact: quadrant 3, meet a second contact', () => {
    expect(codes(coverage([knownBy('jane', ['me', 'sam'])], NOW))).toEqual({
      quadrant: 3,
      risk: 'lost_if_contact_leaves',
      moves: ['meet_second_contact'],
    });
  });

  it('many to many: quadrant 4, nothing lost, yet names a seller who alone knows someone', () => {
    const c = coverage([knownBy('jane', ['me', 'sam']), knownBy('raj', ['me'])], NOW);
    expect(codes(c)).toEqual({ quadrant: 4, risk: 'survives_departures', moves: [] });
    expect(c.soleSellers).toEqual(['me']);
  });

  it('contact older than 180 days does not count; with none left there is no quadrant', () => {
    const c = coverage([knownBy('jane', ['me'], 200), knownBy('raj', ['sam'], 10)], NOW);
    expect(c.contacts).toEqual(['raj']);
    expect(codes(coverage([knownBy('jane', ['me'], 200)], NOW))).toEqual({
      quadrant: null,
      risk: 'no_coverage',
      moves: ['restart_contact'],
    });
  });
});

describe('job change', () => {
  const acme = { name: 'Acme Inc.', linkedinCompanyId: '1234' };

  it.each([
    ['Acme Inc.', 'acme'],
    ['ACME, Inc', 'acme'],
    ['The Acme Company', 'acme'],
    ['Acme GmbH & Co. KG', 'acme'],
    ['Société Générale S.A.', 'societe generale'],
    ['A. O. Smith Corp', 'ao smith'],
    ['Inc', 'inc'],
  ])('normalises %j to %j', (name, normal) => {
    expect(normaliseCompanyName(name)).toBe(normal);
  });

  it('the same company under another spelling is not a change', () => {
    expect(jobChange({ name: 'Acme' }, { name: 'Acme Inc.' })).toEqual({
      status: 'same',
      reason: { code: 'same_company', params: { company: 'Acme' } },
    });
  });

  it('a different company is a change, named from and to', () => {
    expect(jobChange({ name: 'Acme' }, { name: 'Globex Corporation' })).toEqual({
      status: 'changed',
      reason: { code: 'company_changed', params: { from: 'Acme', to: 'Globex Corporation' } },
    });
  });

  it('LinkedIn company ids decide over names when both sides have one', () => {
    expect(jobChange(acme, { name: 'Acme Holdings Europe', linkedinCompanyId: '1234' }).status).toBe('same');
    expect(jobChange(acme, { name: 'Acme', linkedinCompanyId: '9999' }).status).toBe('changed');
    expect(jobChange(acme, { name: 'Acme' }).status).toBe('same');
  });

  it('says so when it cannot tell', () => {
    expect(jobChange(acme, {}).reason.code).toBe('company_unknown');
    expect(jobChange({ name: 'Acme' }, { linkedinCompanyId: '9' }).reason.code).toBe('company_unknown');
    expect(jobChange(undefined, { name: 'Globex' })).toEqual({
      status: 'unknown',
      reason: { code: 'no_account', params: { company: 'Globex' } },
    });
  });
});
