import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** test/fixtures/gmail, where the real captures, the skeleton and variants/ live. */
export const GMAIL_FIXTURES = join(process.cwd(), 'test', 'fixtures', 'gmail');

export function fixtureText(name: string): string {
  return readFileSync(join(GMAIL_FIXTURES, name), 'utf8');
}

/** A fixture as a document of its own (needs the happy-dom environment for DOMParser). */
export function loadFixture(name: string): Document {
  return new DOMParser().parseFromString(fixtureText(name), 'text/html');
}

/** Every HTML fixture, variants as `variants/<name>`. */
export function allFixtureNames(): string[] {
  const top = readdirSync(GMAIL_FIXTURES).filter((f) => f.endsWith('.html'));
  const variants = readdirSync(join(GMAIL_FIXTURES, 'variants'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => `variants/${f}`);
  return [...top, ...variants];
}

export const SKELETON = 'SYNTHETIC-gmail-conversation-and-compose-skeleton.html';
export const MESSAGE_2025 = 'gmail-message-expanded-2025-08__jiit-placement-alerts.anonymized.excerpt.html';
export const INBOX_2014 = 'gmail-inbox-list-2014__inboxsdk-injected-thread-identifier.excerpt.html';
export const ROWS_2014 = 'gmail-thread-rows-2014-2015__inboxsdk-thread-row-parser.test.html';
