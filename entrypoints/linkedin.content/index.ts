import { startLinkedIn } from '@/lib/content/linkedin-live';
import { createPageReporter } from '@/lib/content/page-report';
import { createPageWatcher } from '@/lib/content/page-watcher';
import { request } from '@/lib/messaging/client';

// LinkedIn's User Agreement (section 8.2) forbids overlaying or inserting elements into its
// pages, so this script only reads the page the seller is looking at and reports it; Rapport's
// sidebar for LinkedIn is the browser's side panel (entrypoints/sidepanel). No element, style,
// web-accessible file, network request, navigation or scrolling comes from here.
export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  // WXT's window.postMessage on start names the extension's id to every script of the page
  // (wxt-dev/wxt#1938): off, so a page cannot tell Rapport is installed that way.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // One observer, work once a frame (lib/content/page-watcher.ts); LinkedIn changes pages
    // without reloading, which the watcher sees as a new address.
    const watcher = createPageWatcher({ lifetime: ctx.signal });
    startLinkedIn({ watcher, request, report: createPageReporter(request, 'linkedin') });
    // pushState changes the address without an event the watcher hears; WXT's location watch does.
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.refresh());
  },
});
