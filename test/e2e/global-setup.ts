import { ensureChromium } from '../tools/chromium.mjs';

// Find or install the browser once, before any test's timeout starts (an apt-get install
// takes tens of seconds on a fresh machine).
export default function globalSetup(): void {
  ensureChromium();
}
