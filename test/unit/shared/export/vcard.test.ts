import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactsToVCard } from '@/lib/shared/export';
import { parseVCards } from '@/lib/shared/import';
import { account, contact } from '../../../helpers/records';
import { email } from './arbitraries';

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('contactsToVCard', () => {
  it('writes a vCard 4 card per contact', () => {
    const vcf = contactsToVCard(
      [
        contact({
          name: 'Jane Q. Doe',
          emails: ['jane@acme.example', 'jq@acme.example'],
          title: 'CTO; EMEA',
          linkedinId: 'jane-doe',
          notes: 'Likes cycling\nand tea',
          phones: ['+14155550101', '030123456'],
        }),
      ],
      { accounts: [account({ name: 'Acme, Inc.' })] },
    );
    expect(vcf.split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Jane Q. Doe',
      'N:Doe;Jane Q.;;;',
      'EMAIL;TYPE=work;PREF=1:jane@acme.example',
      'EMAIL;TYPE=work:jq@acme.example',
      'ORG:Acme\\, Inc.',
      'TITLE:CTO\\; EMEA',
      'TEL;VALUE=uri;TYPE=voice:tel:+14155550101',
      'TEL:030123456',
      'URL:https://www.linkedin.com/in/jane-doe/',
      'NOTE:Likes cycling\\nand tea',
      'END:VCARD',
      '',
    ]);
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const vcf = contactsToVCard([contact({ notes: 'Zoë Ångström 日本語 '.repeat(20).trim() })]);
    const lines = vcf.split('\r\n');
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(vcf).not.toContain('\uFFFD');
  });

  it('any contact → vCard → import gives the same name, addresses, title, company and LinkedIn id', () => {
    // vCard has one line break (\n): a carriage return in a name cannot survive, so none is generated.
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 80 })
      .map((s) => s.replace(/\r/g, '').trim())
      .filter(Boolean);
    const card = fc.record({
      name: text,
      emails: fc.uniqueArray(email, { minLength: 1, maxLength: 3 }),
      title: text,
      company: text,
      linkedinId: fc.stringMatching(/^[a-zA-Z0-9_-]{3,30}$/),
    });
    fc.assert(
      fc.property(fc.array(card, { maxLength: 5 }), (cards) => {
        const accounts = cards.map((c, i) => account({ id: `a${i}`, name: c.company }));
        const contacts = cards.map((c, i) =>
          contact({
            id: `c${i}`,
            name: c.name,
            emails: c.emails,
            title: c.title,
            accountId: `a${i}`,
            linkedinId: c.linkedinId,
          }),
        );
        const { drafts, errors } = parseVCards(contactsToVCard(contacts, { accounts }));
        expect(errors).toEqual([]);
        expect(drafts.map((d) => [d.name, d.emails, d.title, d.company, d.linkedinId])).toEqual(
          cards.map((c) => [c.name, c.emails, c.title, c.company, c.linkedinId]),
        );
      }),
      { numRuns: 200 },
    );
  });
});
