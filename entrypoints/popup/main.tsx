import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/common/page.css';
import { ApiContext } from '@/components/common/api';
import { Popup } from '@/components/popup/Popup';
import { request } from '@/lib/messaging/client';

const openDashboard = (section: string) => {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${section}`) });
  window.close();
};

const openUrl = (url: string) => {
  void browser.tabs.create({ url });
  window.close();
};

render(
  <ApiContext.Provider value={request}>
    <Popup openDashboard={openDashboard} openUrl={openUrl} />
  </ApiContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
