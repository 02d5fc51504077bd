// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFILE_WAIT_MS, readLinkedInPage } from '@/lib/content/linkedin-live';

const JANE = readFileSync(
  'test/fixtures/linkedin/linkedin-profile-2024-07__scoutr-profile1.anonymized.excerpt.html',
  'utf8',
);
const doc = () => new DOMParser().parseFromString(JANE, 'text/html');
const NOW = Date.UTC(2026, 11, 4, 15);

describe('what the LinkedIn content script reports', () => {
  it('a profile: the person with title and company, no failed reader', () => {
    const page = readLinkedInPage(doc(), 'https://www.linkedin.com/in/jane-example-doe/', { now: NOW, waitedMs: 0 });
    expect(page.waiting).toBe(false);
    expect(page.report.people).toEqual([
      {
        name: 'Jane Example Doe',
        linkedinId: 'jane-example-doe',
        company: { name: 'Acme Corp', linkedinCompanyId: '1000001' },
        title: 'Head of Sales',
      },
    ]);
    expect(page.report.health).toEqual([]);
  });

  it('the address names another profile than the page shows: nothing while LinkedIn renders, then the address alone and a notice', () => {
    const url = 'https://www.linkedin.com/in/sam-synthetic/';
    const early = readLinkedInPage(doc(), url, { now: NOW, waitedMs: 100 });
    expect(early.waiting).toBe(true);
    const late = readLinkedInPage(doc(), url, { now: NOW, waitedMs: PROFILE_WAIT_MS });
    expect(late.waiting).toBe(false);
    // Never the previous profile's name or company under this id.
    expect(late.report.people).toEqual([{ name: 'sam-synthetic', linkedinId: 'sam-synthetic' }]);
    expect(late.report.health).toEqual(['profile.card']);
  });

  it('off a profile and without conversations: nobody, and what to do', () => {
    const page = readLinkedInPage(doc(), 'https://www.linkedin.com/feed/', { now: NOW, waitedMs: 0 });
    expect(page.report.people).toEqual([]);
    expect(page.report.empty).toMatch(/profile/);
  });
});
