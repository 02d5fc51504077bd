import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/common/page.css';
import { ApiContext } from '@/components/common/api';
import { Popup } from '@/components/popup/Popup';
import { request } from '@/lib/messaging/client';
import { openSidePanel } from '@/lib/messaging/tabs';

const openDashboard = (section: string) => {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${section}`) });
  window.close();
};

// Known before any click: the side panel opens only inside the click's own gesture, no await first.
let windowId: number | undefined;
void browser.windows.getCurrent().then((w) => {
  windowId = w.id;
});
const openPanel = () => {
  void openSidePanel(windowId).then(() => window.close());
};

const openUrl = (url: string) => {
  void browser.tabs.create({ url });
  window.close();
};

// Asked for first, so the worker works on it while the popup is drawn (10-15 ms in the bench).
const firstList = request('followup.list', { team: false });

render(
  <ApiContext.Provider value={request}>
    <Popup openDashboard={openDashboard} openUrl={openUrl} openSidePanel={openPanel} firstList={firstList} />
  </ApiContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
