import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/common/page.css';
import { ApiContext } from '@/components/common/api';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { request } from '@/lib/messaging/client';

render(
  <ApiContext.Provider value={request}>
    <Dashboard openUrl={(url) => void browser.tabs.create({ url })} />
  </ApiContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
