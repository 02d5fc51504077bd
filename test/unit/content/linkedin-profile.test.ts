// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  companyIdFromHref,
  parseLinkedInUrl,
  profileIdFromUrl,
  profileNameFromTitle,
  readProfile,
} from '@/lib/content/sites/linkedin';

const source = (name: string) => readFileSync(`test/fixtures/linkedin/${name}`, 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const fixture = (name: string) => parse(source(name));

const PROFILE_2024 = 'linkedin-profile-2024-07__scoutr-profile1.anonymized.excerpt.html';
const TOPCARD_2022 = 'linkedin-profile-topcard-2022-03__aob-scrape-linkedin-selenium.anonymized.excerpt.html';
const VARIANT_2024 = 'linkedin-profile-topcard-variant-2024-08__scoutr-profile5.anonymized.excerpt.html';
const CONTACT_INFO_2018 = 'linkedin-contact-info-overlay-2018-12__aob-scrape-linkedin-selenium.anonymized.excerpt.html';
const HASHED_2026 = 'SYNTHETIC-linkedin-profile-2026-hashed.html';

describe('LinkedIn addresses', () => {
  it.each([
    ['https://www.linkedin.com/in/jane-example-doe/', 'jane-example-doe'],
    ['https://www.linkedin.com/in/jane-example-doe', 'jane-example-doe'],
    ['https://www.linkedin.com/in/jane-example-doe/overlay/contact-info/', 'jane-example-doe'],
    ['https://www.linkedin.com/in/jane-example-doe/details/experience/', 'jane-example-doe'],
    ['https://www.linkedin.com/in/j%C3%B6rg-m%C3%BCller-12345?miniProfile=x', 'jörg-müller-12345'],
    ['https://www.linkedin.com/feed/', undefined],
    ['https://www.linkedin.com/company/acme/', undefined],
  ])('%s → %s', (url, id) => {
    expect(profileIdFromUrl(url)).toBe(id);
  });

  it('tells profiles, the contact-info overlay and conversations apart', () => {
    expect(parseLinkedInUrl('https://www.linkedin.com/in/sam/overlay/contact-info/')).toEqual({
      page: 'profile',
      slug: 'sam',
      contactInfo: true,
    });
    expect(parseLinkedInUrl('https://www.linkedin.com/messaging/thread/2-abc=/')).toEqual({
      page: 'messaging',
      threadId: '2-abc=',
    });
    expect(parseLinkedInUrl('https://www.linkedin.com/messaging/')).toEqual({ page: 'messaging' });
    expect(parseLinkedInUrl('https://www.linkedin.com/feed/')).toEqual({ page: 'other' });
  });

  it.each([
    ['(3) Jane Example Doe | LinkedIn', 'Jane Example Doe'],
    ['(99+) Jane | LinkedIn', 'Jane'],
    ['Jane Example Doe | LinkedIn', 'Jane Example Doe'],
  ])('title %s → %s', (title, name) => {
    expect(profileNameFromTitle(title)).toBe(name);
  });

  it.each([
    ['https://www.linkedin.com/company/1000001/', '1000001'],
    ['/company/acme/about/', 'acme'],
    ['/school/example-university/', undefined],
  ])('company id of %s is %s', (href, id) => {
    expect(companyIdFromHref(href)).toBe(id);
  });
});

describe('reading a profile', () => {
  it('2024 capture: name, headline, location, and the current title and company with its id', () => {
    const read = readProfile(fixture(PROFILE_2024), 'jane-example-doe');
    expect(read.waiting).toBe(false);
    expect(read.value).toMatchObject({
      linkedinId: 'jane-example-doe',
      name: 'Jane Example Doe',
      title: 'Head of Sales',
      company: { name: 'Acme Corp', linkedinCompanyId: '1000001' },
      emails: [],
    });
    expect(read.value?.headline).toBeTruthy();
    expect(read.value?.location).toBeTruthy();
    expect(read.health.every((c) => c.ok)).toBe(true);
  });

  it('2022 capture: the company named in the top card, no id; the title’s notification prefix is not the name', () => {
    const doc = fixture(TOPCARD_2022);
    expect(doc.title).toMatch(/^\(1\) /);
    const read = readProfile(doc, 'alexsample');
    expect(read.value).toMatchObject({ name: 'Alex Sample', company: { name: 'Example Inc' } });
    expect(read.value?.company?.linkedinCompanyId).toBeUndefined();
  });

  it('2024 variant without a company panel: no company rather than a guess', () => {
    const read = readProfile(fixture(VARIANT_2024), 'johnsample');
    expect(read.value).toMatchObject({ name: 'John Sample', headline: 'Researcher.', location: 'Exampleland' });
    expect(read.value?.company).toBeUndefined();
  });

  it('2026 hashed layout (synthetic): the name in an h2, headline and location as paragraphs, experience by its links', () => {
    const read = readProfile(fixture(HASHED_2026), 'sam-synthetic');
    expect(read.value).toEqual({
      linkedinId: 'sam-synthetic',
      name: 'Sam Synthetic',
      headline: 'VP Procurement at Globex',
      location: 'Springfield, Exampleland',
      title: 'VP Procurement',
      company: { name: 'Globex', linkedinCompanyId: '2000002' },
      emails: [],
    });
  });

  it('ignores the viewer’s own links and “more profiles” in the aside', () => {
    const doc = fixture(HASHED_2026);
    // Without its experience section the page's only other company link is in the aside.
    for (const li of doc.querySelectorAll('[componentkey^="expandedExperience"]')) li.remove();
    expect(readProfile(doc, 'sam-synthetic').value?.company).toBeUndefined();
  });

  it('another UI language reads the same (no English on the path)', () => {
    const german = source(PROFILE_2024)
      .replace('<html lang="en"', '<html lang="de"')
      .replaceAll('Experience', 'Berufserfahrung')
      .replaceAll('Full-time', 'Vollzeit')
      .replaceAll('Current company', 'Aktuelles Unternehmen')
      .replaceAll('Contact info', 'Kontaktinfo');
    const read = readProfile(parse(german), 'jane-example-doe');
    expect(read.value).toMatchObject({
      title: 'Head of Sales',
      company: { name: 'Acme Corp', linkedinCompanyId: '1000001' },
    });
  });

  it('right after an in-app navigation the page still shows the previous profile: waiting, nobody read', () => {
    const read = readProfile(fixture(PROFILE_2024), 'someone-else');
    expect(read).toEqual({ value: undefined, health: [], waiting: true });
  });

  it('the contact-info overlay gives the addresses, only on its own route', () => {
    const doc = fixture(CONTACT_INFO_2018);
    expect(readProfile(doc, 'alexsample', true).value).toMatchObject({
      linkedinId: 'alexsample',
      name: 'Alex Sample',
      emails: ['alex.sample@example.com'],
    });
    expect(readProfile(doc, 'alexsample', false).value?.emails ?? []).toEqual([]);
  });

  it('a page with no profile where one must be says which reader failed', () => {
    const doc = parse(
      '<html><head><title>Jane | LinkedIn</title></head><body><main><div>nothing</div></main></body></html>',
    );
    const read = readProfile(doc, 'jane');
    expect(read.value).toBeUndefined();
    expect(read.health).toEqual([{ reader: 'profile.card', ok: false, found: 0, expected: 1 }]);
  });
});
