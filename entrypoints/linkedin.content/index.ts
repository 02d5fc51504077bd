import { readLinkedInPage } from '@/lib/content/linkedin-live';
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
    const report = (url: string) => void request('page.report', readLinkedInPage(document, url));
    report(location.href);
    // LinkedIn changes pages without reloading: report again on each in-app navigation (the
    // event comes as the navigation starts, so the new address is the event's, not location's).
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => report(newUrl.href));
  },
});
