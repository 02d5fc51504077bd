import { describe, expect, it } from 'vitest';
import { createPlanner, parseVCards } from '@/lib/shared/import';
import { fixtureText, ME_SETTINGS, NOW, sequentialIds } from './helpers';

describe('parseVCards', () => {
  it('reads vCard 3: FN, every EMAIL, ORG, escaped and folded TITLE, LinkedIn from a grouped URL', () => {
    const { drafts, errors } = parseVCards(fixtureText('contacts-v3.vcf'));
    expect(drafts).toEqual([
      {
        line: 1,
        name: 'Jane Q. Doe',
        emails: ['jane.doe@acme.example', 'jane.private@gmail.com'],
        phones: ['+1 415 555 0101'],
        linkedinId: 'jane-doe-acme',
        company: 'Acme Inc.',
        title: 'Head of Operations, EMEA',
      },
      {
        line: 14,
        name: 'Ben Okafor',
        emails: ['ben@initech.co.uk'],
        phones: [],
        linkedinId: 'benokafor',
        company: 'Initech Ltd',
        title: 'Sales Director for the United Kingdom and Ireland; also the Nordic countries',
      },
    ]);
    expect(errors).toEqual([
      { line: 23, code: 'no-identity', reason: 'no email and no LinkedIn URL' },
      { line: 31, code: 'invalid-email', reason: 'invalid email "not-an-address"' },
    ]);
  });

  it('reads vCard 4: quoted parameters with colons, escaped commas, LinkedIn on a country subdomain', () => {
    const { drafts, errors } = parseVCards(fixtureText('contacts-v4.vcf'));
    expect(errors).toEqual([]);
    expect(drafts.map((d) => [d.line, d.name, d.emails, d.company, d.linkedinId])).toEqual([
      [1, 'Aiko Tanaka', ['aiko@globex.example', 'aiko.t@yahoo.co.jp'], 'Globex, Inc.', 'aiko-tanaka-4b2a1c'],
      [12, 'Chloé Martin', ['chloe.martin@umbrella.example'], 'Umbrella Labs', 'chloé-martin-9f8e7d'],
    ]);
  });

  it('reads vCard 2.1 quoted-printable with soft line breaks', () => {
    const { drafts } = parseVCards(fixtureText('contacts-v21.vcf'));
    expect(drafts).toMatchObject([
      { name: 'Jürgen Müller', title: 'Leiter Vertrieb Süd und Nord', emails: ['juergen.mueller@wayne.example'] },
    ]);
  });

  it('builds the name from N when there is no FN, and keeps a card that never ends', () => {
    const text = 'BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane;;Dr.;PhD\nEMAIL:jane@x.example\n';
    expect(parseVCards(text).drafts).toMatchObject([{ name: 'Dr. Jane Doe PhD', emails: ['jane@x.example'] }]);
  });

  it('imports cards through the same planner as CSV rows', () => {
    const planner = createPlanner({ importId: 'vcf-1', now: NOW, newId: sequentialIds(), me: ME_SETTINGS });
    planner.add(parseVCards(fixtureText('contacts-v3.vcf')));
    planner.add(parseVCards(fixtureText('contacts-v4.vcf')));
    const plan = planner.finish();
    expect(plan.counts).toEqual({ rows: 6, imported: 4, merged: 0, skipped: 2 });
    expect(plan.create.accounts.map((a) => a.name)).toEqual([
      'Acme Inc.',
      'Initech Ltd',
      'Globex, Inc.',
      'Umbrella Labs',
    ]);
  });
});
