import { browser } from 'wxt/browser';

/** A first install opens the dashboard's onboarding; updates and restarts do not. */
export function openOnboardingOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void browser.tabs.create({ url: browser.runtime.getURL('/options.html#onboarding') });
  });
}
