// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findComposeRoots,
  makeSelf,
  readAccount,
  readCompose,
  readInboxRows,
  readSentRows,
  readThread,
} from '@/lib/content/sites/gmail';
import { THREAD } from '@/lib/content/sites/gmail/selectors';
import { readConversations, readProfile } from '@/lib/content/sites/linkedin';
import { allFixtureNames, fixtureText } from './gmail/load-fixture';

/**
 * Hostile or broken markup, made from the real captures: the page (Gmail or LinkedIn changing its
 * markup, or a page script meddling with it) removes attributes, fills them with huge or odd
 * values, nests elements hundreds deep, duplicates or drops them, and writes addresses into
 * visible text. The readers run on every frame of the content script, so they must never throw,
 * and must never report an address the markup does not give them where they read addresses
 * (attributes and links): text on the page is a name, never an address.
 */

const RUNS = 30;
const NOW = Date.UTC(2026, 0, 1);
const FOREIGN = 'intruder@attacker.example';
const ODD = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\u202eevil@example.org',
  '𝓙𝓪𝓷𝓮 🧨',
  'a@b',
  '@@@',
  'x'.repeat(100_000),
  `${'very'.repeat(5_000)}@example.org`,
  'mailto:',
  '/in/',
  'urn:li:fsd_profile:',
  '',
  ' ',
];

type Mutation =
  | {
      op: 'drop-attribute' | 'remove' | 'duplicate' | 'address-in-text' | 'person-in-body';
      pick: number;
      which: number;
    }
  | { op: 'set-attribute'; pick: number; which: number; value: string }
  | { op: 'nest'; pick: number; depth: number }
  | { op: 'text'; pick: number; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constantFrom('drop-attribute', 'remove', 'duplicate', 'address-in-text', 'person-in-body'),
    pick: fc.nat(),
    which: fc.nat(),
  }) as fc.Arbitrary<Mutation>,
  fc.record({
    op: fc.constant('set-attribute' as const),
    pick: fc.nat(),
    which: fc.nat(),
    value: fc.oneof(fc.constantFrom(...ODD), fc.string({ unit: 'grapheme', maxLength: 40 })),
  }),
  fc.record({ op: fc.constant('nest' as const), pick: fc.nat(), depth: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    op: fc.constant('text' as const),
    pick: fc.nat(),
    value: fc.constantFrom(FOREIGN, `Intruder <${FOREIGN}>`, ...ODD),
  }),
);

let mutationsApplied = 0;
let documentsRead = 0;
let addressesChecked = 0;

/** Where the readers find people: every other mutation lands on one of these, or inside one. */
const PEOPLE = '[email], [data-hovercard-id], [jid], [name], a[href], [data-legacy-thread-id]';

function mutate(doc: Document, mutations: Mutation[]): void {
  for (const m of mutations) {
    const people = [...doc.body.querySelectorAll(PEOPLE)];
    const all = m.pick % 2 && people.length ? people : [...doc.body.querySelectorAll('*')];
    const el = all[Math.floor(m.pick / 2) % Math.max(1, all.length)];
    if (!el) return;
    mutationsApplied++;
    const names = el.getAttributeNames();
    if (m.op === 'drop-attribute' && names.length) el.removeAttribute(names[m.which % names.length] as string);
    if (m.op === 'set-attribute') {
      // One of its own attributes, or one the readers look at, added where it was not.
      const pool = [...names, 'email', 'name', 'data-hovercard-id', 'href', 'data-legacy-thread-id', 'title'];
      el.setAttribute(pool[m.which % pool.length] as string, m.value);
    }
    if (m.op === 'address-in-text') {
      // A person whose address attributes are gone and whose shown text is an address.
      for (const name of ['email', 'data-hovercard-id', 'jid', 'href']) el.removeAttribute(name);
      el.textContent = m.which % 2 ? FOREIGN : `Intruder <${FOREIGN}>`;
    }
    if (m.op === 'person-in-body') {
      // An e-mail's body is its sender's HTML: it may dress itself up as Gmail's own header.
      const bodies = [...doc.querySelectorAll(THREAD.body)];
      const body = bodies[m.pick % Math.max(1, bodies.length)];
      body?.append(lookalikes(doc));
    }
    if (m.op === 'remove') el.remove();
    if (m.op === 'duplicate') el.after(el.cloneNode(true));
    if (m.op === 'text') el.textContent = m.value;
    if (m.op === 'nest') {
      let outer: Element = el;
      for (let i = 0; i < m.depth; i++) {
        const wrapper = doc.createElement('div');
        outer.replaceWith(wrapper);
        wrapper.append(outer);
        outer = wrapper;
      }
    }
  }
}

/**
 * Every address the markup gives where addresses are read: attribute values (links decoded), what
 * a form field holds (the seller's typing) and the title.
 */
function givenAddresses(doc: Document, scope: Element = doc.documentElement, outsideBodies = false): string {
  const values = [doc.title];
  for (const el of [scope, ...scope.querySelectorAll('*')]) {
    if (outsideBodies && el.closest(THREAD.body)) continue;
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) values.push(el.value);
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) ?? '';
      values.push(value);
      try {
        values.push(decodeURIComponent(value));
      } catch {
        // Not URI-encoded: the raw value is there already.
      }
    }
  }
  return values
    .join('\n')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .toLowerCase();
}

/** Gmail's header markup for a sender, a recipient and an avatar, naming the intruder. */
function lookalikes(doc: Document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const [tag, attributes] of [
    ['span', { class: 'gD', email: FOREIGN, name: 'Intruder' }],
    ['span', { class: 'g2', email: FOREIGN, name: 'Intruder' }],
    ['img', { class: 'ajn', jid: FOREIGN, 'data-hovercard-id': FOREIGN }],
  ] as const) {
    const el = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    fragment.append(el);
  }
  const header = doc.createElement('td');
  header.className = 'gF';
  header.append(Object.assign(doc.createElement('span'), { textContent: 'Intruder' }));
  header.firstElementChild?.setAttribute('email', FOREIGN);
  fragment.append(header);
  return fragment;
}

const LOOKS_LIKE_ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

function expectGiven(address: string, given: string, where: string) {
  addressesChecked++;
  expect(address, where).toMatch(LOOKS_LIKE_ADDRESS);
  expect(given.includes(address), `${where}: ${address.slice(0, 80)} is not in the markup's attributes`).toBe(true);
}

/** Runs the property over one capture: parse, mutate, read, check. */
function fuzz(html: string, read: (doc: Document) => void) {
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      mutate(doc, mutations);
      documentsRead++;
      read(doc);
    }),
    { numRuns: RUNS, seed: 20261206 },
  );
}

const self = makeSelf({ emails: ['sales@ourco.example'], internalDomains: ['ourco.example'] });

describe('the Gmail readers over broken and hostile markup', () => {
  it.each(allFixtureNames())('%s', (name) => {
    fuzz(fixtureText(name), (doc) => {
      const given = givenAddresses(doc);
      const thread = readThread(doc, { now: NOW, self, timeZone: 'UTC' }).value;
      for (const message of thread.messages) {
        // A message's people come from that message's own markup, never from another's.
        // and never from a body, which is whatever its sender wrote.
        const own = givenAddresses(doc, message.element, true);
        if (message.sender) expectGiven(message.sender.email, own, 'thread sender');
        for (const r of message.recipients ?? []) expectGiven(r.email, own, 'thread recipient');
      }
      for (const root of findComposeRoots(doc)) {
        for (const r of readCompose(root).value.recipients) expectGiven(r.email, given, 'compose recipient');
      }
      for (const row of readInboxRows(doc, { now: NOW, timeZone: 'UTC' }).value)
        for (const s of row.senders) expectGiven(s.email, given, 'inbox sender');
      for (const row of readSentRows(doc, { now: NOW, timeZone: 'UTC' }).value)
        for (const r of row.recipients) expectGiven(r.email, given, 'sent recipient');
      const account = readAccount(doc, 'https://mail.google.com/mail/u/0/#inbox').value;
      if (account.email) expectGiven(account.email, given, 'account');
    });
  });
});

const linkedin = (name: string) => readFileSync(`test/fixtures/linkedin/${name}`, 'utf8');

describe('the LinkedIn readers over broken and hostile markup', () => {
  it.each([
    ['linkedin-profile-2024-07__scoutr-profile1.anonymized.excerpt.html', 'jane-example-doe', false],
    ['linkedin-profile-topcard-2022-03__aob-scrape-linkedin-selenium.anonymized.excerpt.html', 'alexsample', false],
    ['linkedin-profile-topcard-variant-2024-08__scoutr-profile5.anonymized.excerpt.html', 'johnsample', false],
    ['SYNTHETIC-linkedin-profile-2026-hashed.html', 'sam-synthetic', false],
    ['linkedin-contact-info-overlay-2018-12__aob-scrape-linkedin-selenium.anonymized.excerpt.html', 'alexsample', true],
  ] as const)('profile %s', (name, slug, contactInfo) => {
    fuzz(linkedin(name), (doc) => {
      const given = givenAddresses(doc);
      const profile = readProfile(doc, slug, contactInfo).value;
      if (!profile) return;
      // The profile read is the one the URL names, whatever the page says.
      expect(profile.linkedinId).toBe(slug);
      for (const email of profile.emails) expectGiven(email, given, 'contact-info address');
      const company = profile.company?.linkedinCompanyId;
      if (company) expect(given.includes(company.toLowerCase()), `company ${company}`).toBe(true);
    });
  });

  it('messaging', () => {
    fuzz(linkedin('SYNTHETIC-linkedin-messaging-thread.html'), (doc) => {
      const given = givenAddresses(doc);
      for (const conversation of readConversations(doc, { lang: 'en', now: NOW, timeZone: 'UTC' }).value) {
        for (const p of conversation.participants) {
          addressesChecked++;
          expect(given.includes(`/in/${p.linkedinId.toLowerCase()}`), `participant ${p.linkedinId}`).toBe(true);
        }
      }
    });
  });
});

afterAll(() => {
  console.log(
    `reader fuzzing: ${documentsRead} malformed documents (${mutationsApplied} mutations), ${addressesChecked} addresses and ids checked, no reader threw`,
  );
});
