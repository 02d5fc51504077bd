import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/common/page.css';
import { ApiContext } from '@/components/common/api';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { withBulk } from '@/lib/messaging/bulk';
import { request } from '@/lib/messaging/client';

/**
 * Access to the team server's origin, asked for when the seller saves it in Settings → Team.
 * Refused, the sync still works with a server that allows Rapport's origin itself (CORS).
 */
async function askForOrigin(origin: string): Promise<void> {
  const wanted = { origins: [`${origin}/*`] };
  if (await browser.permissions.contains(wanted)) return;
  await browser.permissions.request(wanted).catch(() => false);
}

// An import's and a restore's parts reach the worker by postMessage (lib/messaging/bulk.ts).
const api = withBulk(request);

render(
  <ApiContext.Provider value={api}>
    <Dashboard openUrl={(url) => void browser.tabs.create({ url })} askForOrigin={askForOrigin} />
  </ApiContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
