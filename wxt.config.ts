import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Least privilege: every permission below is named with the feature that needs it.
// Host access comes only from the two content-script match patterns (https, two hosts).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Rapport',
    description: 'Relationship context where sellers already work: who this is, how much trust, what to do next.',
    // unlimitedStorage: the IndexedDB store holds years of touches; without it the
    // browser may evict it under storage pressure.
    // alarms: wake the worker when a follow-up falls due, for the daily digest, and at local
    // midnight so the badge counts the new day. notifications: tell the seller what fell due.
    // storage: the session store (`storage.session`, never written to disk) where each tab's page
    // report waits for the sidebar page; only Rapport's own pages can read it.
    permissions: ['unlimitedStorage', 'alarms', 'notifications', 'storage'],
    // Team sharing: the team's CouchDB server, asked for when the seller sets it up (Settings →
    // Team), never at install; https anywhere, http only on this computer (lib/background/sync/team.ts).
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    // Rapport's pages and worker run only their own files and talk only to Rapport itself and,
    // once the seller sets one up, the team's server (https, or http on this computer).
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'self'; connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
    },
    // The sidebar page, framed into Gmail (lib/content/sidebar-frame.ts): the one file a site
    // may load, on Gmail only. Chrome gives it a new URL every session (use_dynamic_url), so no
    // page can probe for Rapport; Firefox's moz-extension:// host is random per install already.
    // Its scripts and styles are loaded by the frame itself, from Rapport's own origin.
    web_accessible_resources: [
      {
        resources: ['sidepanel.html'],
        matches: ['https://mail.google.com/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // Shortcuts the seller can change at chrome://extensions/shortcuts.
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+R' }, description: 'Open Rapport' },
      'toggle-sidebar': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Show or hide the Rapport sidebar' },
      // LinkedIn forbids inserting anything into its pages: there Rapport lives in the side panel.
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open Rapport in the side panel (LinkedIn)',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // A fixed id: without one a temporary install gets a new id, and so a
              // new, empty IndexedDB, every time it is loaded.
              id: 'rapport@rapport.invalid',
              strict_min_version: '142.0',
              // Firefox's data-collection declaration: nothing leaves the machine.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({ plugins: [preact()] }),
  // `npm run zip`: the store zips hold the build only (checked by test/e2e/package.spec.ts).
  // The sources zip AMO asks for is what a reviewer needs to rebuild: code, lockfile and build
  // config, without tests, fixtures or local outputs (dot-folders such as .git stay out by default).
  zip: {
    excludeSources: [
      'test/**',
      'demo-output/**',
      'bench-results/**',
      'test-reports/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
});
