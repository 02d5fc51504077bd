import { describe, expect, it } from 'vitest';
import { CONTACT_CSV_HEADERS } from '@/lib/shared/export';
import { guessMapping, missingFields, openCsv } from '@/lib/shared/import';
import { fixtureText } from './helpers';

const guess = (fixture: string) => {
  const reader = openCsv(fixtureText(fixture));
  return guessMapping(reader.headers, { sampleRows: reader.sample(20), delimiter: reader.delimiter });
};

describe('guessMapping', () => {
  it.each([
    ['hubspot-contacts.csv', 'contacts', 'hubspot'],
    ['salesforce-contacts.csv', 'contacts', 'salesforce'],
    ['pipedrive-people.csv', 'contacts', 'pipedrive'],
    ['google-contacts.csv', 'contacts', 'google'],
    ['linkedin-Connections.csv', 'contacts', 'linkedin'],
    ['activities.csv', 'activities', 'generic'],
    ['purchases.csv', 'purchases', 'generic'],
    ['semicolon-purchases.csv', 'purchases', 'generic'],
  ])('%s looks like %s from %s', (fixture, kind, format) => {
    expect(guess(fixture)).toMatchObject({ kind, format });
  });

  it('maps every column of a contact file that has one, and leaves the rest to the seller', () => {
    const reader = openCsv(fixtureText('google-contacts.csv'));
    const mapping = guessMapping(reader.headers);
    const named = Object.fromEntries(
      Object.entries(mapping.columns).map(([field, column]) => [
        field,
        column === null ? null : reader.headers[column],
      ]),
    );
    expect(named).toEqual({
      fullName: null,
      firstName: 'First Name',
      lastName: 'Last Name',
      email: 'E-mail 1 - Value',
      email2: 'E-mail 2 - Value',
      email3: null,
      company: 'Organization Name',
      title: 'Organization Title',
      owner: null,
      linkedin: null,
      phone: 'Phone 1 - Value',
      status: null,
      customerSince: null,
    });
  });

  it('recognises the activity synonyms in any case', () => {
    const headers = ['ACTIVITY DATE', 'activity type', 'Direction', 'Contact Email', 'Contact owner', 'SUBJECT'];
    expect(guessMapping(headers).columns).toMatchObject({
      date: 0,
      type: 1,
      direction: 2,
      contactEmail: 3,
      seller: 4,
      subject: 5,
    });
    expect(guessMapping(['Date', 'Type', 'Email', 'Seller', 'Subject']).columns).toMatchObject({
      date: 0,
      type: 1,
      contactEmail: 2,
      seller: 3,
      subject: 4,
    });
  });

  it('takes repeated "Email" columns as the second and third address', () => {
    expect(guessMapping(['Name', 'Email', 'Email', 'Email']).columns).toMatchObject({ email: 1, email2: 2, email3: 3 });
  });

  it('knows Rapport’s own contacts export', () => {
    expect(guessMapping([...CONTACT_CSV_HEADERS])).toMatchObject({ kind: 'contacts', format: 'rapport' });
  });

  it('falls back to loose matches for the address and LinkedIn columns', () => {
    const mapping = guessMapping(['Full name', 'E-mail (work)', 'Email opt out', 'My LinkedIn']);
    expect(mapping.columns).toMatchObject({ fullName: 0, email: 1, linkedin: 3 });
  });

  it('reads `;` files day first with decimal commas, unless the dates say otherwise', () => {
    expect(guessMapping(['Date', 'Account', 'Amount'], { delimiter: ';' })).toMatchObject({
      dateOrder: 'dmy',
      decimalComma: true,
    });
    expect(guessMapping(['Date', 'Account', 'Amount'], { delimiter: ',' }).dateOrder).toBe('mdy');
    const sampled = guessMapping(['Date', 'Account', 'Amount'], { sampleRows: [['25/12/2024', 'Acme', '1']] });
    expect(sampled.dateOrder).toBe('dmy');
  });

  it('lets the caller force the kind', () => {
    expect(guessMapping(['Email', 'Date', 'Amount', 'Account'], { kind: 'contacts' }).kind).toBe('contacts');
  });
});

describe('missingFields', () => {
  it('names what a mapping still needs', () => {
    expect(missingFields(guessMapping(['Name', 'Company']))).toEqual(['email-or-linkedin']);
    expect(missingFields(guessMapping(['Name', 'Email']))).toEqual([]);
    const activities = guessMapping(['Subject', 'Contact email'], { kind: 'activities' });
    expect(missingFields(activities)).toEqual(['date', 'type']);
    expect(missingFields({ ...activities, defaultKind: 'call' })).toEqual(['date']);
    expect(missingFields(guessMapping(['Product'], { kind: 'purchases' }))).toEqual([
      'date',
      'amount',
      'account-or-contact',
    ]);
  });
});
