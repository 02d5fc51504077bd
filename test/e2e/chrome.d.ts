// Code passed to page.evaluate runs in an extension page, where `chrome` is the real API.
declare const chrome: typeof import('wxt/browser').browser;
