// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  companyIdFromHref,
  profileIdFromUrl,
  profileNameFromTitle,
  readCurrentCompany,
} from '@/lib/content/sites/linkedin/profile';

const fixture = (name: string) =>
  new DOMParser().parseFromString(readFileSync(`test/fixtures/linkedin/${name}`, 'utf8'), 'text/html');

describe('profile id and name', () => {
  it.each([
    ['https://www.linkedin.com/in/jane-example-doe/', 'jane-example-doe'],
    ['https://www.linkedin.com/in/jane-example-doe/overlay/contact-info/', 'jane-example-doe'],
    ['https://www.linkedin.com/in/j%C3%B6rg-m%C3%BCller-12345?miniProfile=x', 'jörg-müller-12345'],
    ['https://www.linkedin.com/feed/', undefined],
    ['https://www.linkedin.com/company/acme/', undefined],
  ])('%s → %s', (url, id) => {
    expect(profileIdFromUrl(url)).toBe(id);
  });

  it.each([
    ['(3) Jane Example Doe | LinkedIn', 'Jane Example Doe'],
    ['(99+) Jane | LinkedIn', 'Jane'],
    ['Jane Example Doe | LinkedIn', 'Jane Example Doe'],
  ])('%s → %s', (title, name) => {
    expect(profileNameFromTitle(title)).toBe(name);
  });
});

describe('current company', () => {
  it('2024 capture: from the Experience card, with the company id', () => {
    const doc = fixture('linkedin-profile-2024-07__scoutr-profile1.anonymized.excerpt.html');
    expect(readCurrentCompany(doc)).toEqual({ name: 'Acme Corp', linkedinCompanyId: '1000001' });
  });

  it('2022 capture: from the top card link to #experience', () => {
    const doc = fixture('linkedin-profile-topcard-2022-03__aob-scrape-linkedin-selenium.anonymized.excerpt.html');
    expect(readCurrentCompany(doc)).toEqual({ name: 'Example Inc' });
  });

  it('a top card without a company panel gives no company rather than a guess', () => {
    const doc = fixture('linkedin-profile-topcard-variant-2024-08__scoutr-profile5.anonymized.excerpt.html');
    expect(readCurrentCompany(doc)).toBeUndefined();
  });

  it.each([
    ['https://www.linkedin.com/company/1000001/', '1000001'],
    ['/company/acme/about/', 'acme'],
    ['/school/example-university/', undefined],
  ])('company id of %s is %s', (href, id) => {
    expect(companyIdFromHref(href)).toBe(id);
  });
});
