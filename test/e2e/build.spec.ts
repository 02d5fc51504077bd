import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const manifest = (target: string) => JSON.parse(readFileSync(`.output/${target}/manifest.json`, 'utf8'));

/** Every permission the extension asks for, with the feature that needs it. Adding one means adding its reason here. */
const PERMISSION_REASONS: Record<string, string> = {
  unlimitedStorage: 'the IndexedDB store must not be evicted under storage pressure',
  alarms: 'wake the worker when a follow-up falls due, for the digest, and at midnight for the badge',
  notifications: 'tell the seller a follow-up fell due, and the daily digest',
  storage: "the session store where each tab's page report waits for the sidebar page",
  sidePanel: 'Rapport in the browser side panel: on LinkedIn, nothing is inserted into the page',
};

for (const target of ['chrome-mv3', 'firefox-mv3']) {
  test(`${target}: the manifest asks for nothing without a written reason`, () => {
    const m = manifest(target);
    expect(m.manifest_version).toBe(3);
    expect(Object.keys(PERMISSION_REASONS)).toEqual(expect.arrayContaining(m.permissions ?? []));
    expect(m.optional_permissions ?? []).toEqual([]);
    // Host access comes from the two content scripts' matches only; the team server's origin is
    // asked for when the seller sets it up (https anywhere, http only on this computer).
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
    // The pages' CSP: only Rapport's own scripts, no eval, and connections only to Rapport and the team server.
    const csp: string = m.content_security_policy.extension_pages;
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|\*\s*;|'wasm/);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/connect-src 'self' https: http:\/\/127\.0\.0\.1:\* http:\/\/localhost:\*/);
    const matches = m.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort();
    expect(matches).toEqual(['https://mail.google.com/*', 'https://www.linkedin.com/*']);
    // One file a site may load: the sidebar page, framed into Gmail only (never LinkedIn, which
    // probes pages for extensions' files); in Chrome at a URL that changes every session.
    expect(m.web_accessible_resources).toEqual([
      {
        resources: ['sidepanel.html'],
        matches: ['https://mail.google.com/*'],
        ...(target === 'chrome-mv3' ? { use_dynamic_url: true } : {}),
      },
    ]);
    // The side panel: Chrome's side_panel, Firefox's sidebar_action, the same page.
    if (target === 'chrome-mv3') expect(m.side_panel).toEqual({ default_path: 'sidepanel.html' });
    else expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(m.externally_connectable).toBeUndefined();
  });
}

test('keyboard shortcuts: open the popup, toggle the sidebar', () => {
  const { commands } = manifest('chrome-mv3');
  expect(commands._execute_action.suggested_key.default).toMatch(/^Alt\+Shift\+/);
  expect(commands['toggle-sidebar']).toMatchObject({ description: expect.stringMatching(/sidebar/) });
});

test('firefox-mv3: a fixed gecko id and the data-collection declaration', () => {
  const gecko = manifest('firefox-mv3').browser_specific_settings?.gecko;
  expect(gecko.id).toMatch(/^[^@]+@[^@]+$/);
  expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
});

test('content scripts carry no zod: validation stays in the background', () => {
  const dir = '.output/chrome-mv3/content-scripts';
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(scripts.sort()).toEqual(['gmail.js', 'linkedin.js']);
  for (const file of scripts) {
    const code = readFileSync(path.join(dir, file), 'utf8');
    // Strings zod 4 always bundles: its error class name and its issue codes.
    expect(code, file).not.toMatch(/ZodError|invalid_type|too_small/);
  }
  // Nor anything on the page's performance timeline, where the page could watch Rapport at work
  // (the bench's own build, `--mode bench`, adds its measures).
  for (const file of scripts) {
    expect(readFileSync(path.join(dir, file), 'utf8'), file).not.toMatch(/performance\.(mark|measure)|['`"]rapport:/);
  }
  // And the check itself can fail: the background does carry zod.
  expect(readFileSync('.output/chrome-mv3/background.js', 'utf8')).toMatch(/invalid_type/);
});

/**
 * Addresses the built code may hold, and why none is a server Rapport talks to. Anything else
 * fails the build: a library that phones home, a CDN, an analytics beacon.
 */
const ADDRESS_REASONS: [RegExp, string][] = [
  [/^https:\/\/mail\.google\.com\//, 'links the seller opens (a thread from the popup) and the content script’s match'],
  [/^https:\/\/www\.linkedin\.com\//, 'links the seller opens (a profile) and the content script’s match'],
  [/^https?:\/\/json-schema\.org\//, 'zod’s JSON-schema identifiers: names, never fetched'],
  [/^http:\/\/www\.w3\.org\//, 'Preact’s SVG and MathML namespaces: names, never fetched'],
  [/^https:\/\/github\.com\/uuidjs\/uuid#/, 'text of an error message in PouchDB’s uuid'],
  [/^http:\/\/127\.0\.0\.1:$/, 'the team server field’s example (a server on this computer)'],
];

/**
 * Where the built code may open a connection, and why. `fetch` in the worker is the team sync
 * (PouchDB's HTTP adapter and the connection test), to the server the seller set up; in the
 * pages' shared chunk it is Vite's module-preload polyfill, for the page's own files; papaparse
 * carries an XMLHttpRequest for reading a file from a URL, which Rapport never asks of it (it
 * reads the File the seller chose). No WebSocket, EventSource, beacon or imported script anywhere.
 */
const CONNECTIONS: Record<string, RegExp> = {
  'background.js': /^fetch$/,
  'chunks/client-': /^fetch$/,
  'chunks/flow-': /^XMLHttpRequest$/,
};

test('the built code names no server to talk to, and opens connections only where the team sync does', () => {
  const dir = '.output/chrome-mv3';
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|html)$/.test(f));
  let addresses = 0;
  for (const file of files) {
    const code = readFileSync(path.join(dir, file), 'utf8');
    for (const [url] of code.matchAll(/https?:\/\/[A-Za-z0-9._~:/?#@!$&*+,;=%-]+/g)) {
      addresses++;
      expect(
        ADDRESS_REASONS.some(([allowed]) => allowed.test(url)),
        `${file}: ${url}`,
      ).toBe(true);
    }
    for (const [api] of code.matchAll(/\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\b/g)) {
      const allowed = Object.entries(CONNECTIONS).find(([prefix]) => file.startsWith(prefix))?.[1];
      expect(allowed?.test(api), `${file}: ${api}`).toBe(true);
    }
  }
  console.log(`built code scanned: ${files.length} files, ${addresses} addresses, each with a reason`);
  // The scan itself can fail: the worker does hold the team sync's fetch.
  expect(readFileSync(path.join(dir, 'background.js'), 'utf8')).toMatch(/\bfetch\b/);
});
