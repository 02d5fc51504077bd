import { STARTUP_DELAY_MS } from '@/lib/background/reminders';
import { TODAY_MARK } from '@/lib/shared/marks';
import { BUDGETS } from '../budgets';
import { type Scenario, skip, timed } from '../types';

const budget = `p95 ≤ ${BUDGETS.popup.p95Ms} ms`;

export const popup: Scenario = {
  name: 'popup',
  async run(bench) {
    // The cold-sidebar scenario before this one restarts the worker; STARTUP_DELAY_MS later its
    // catch-up announces the 1,319 follow-ups the seed made due (measured: ~0.4 s holding the
    // follow-ups), which stalled one popup run by about half a second. That is a one-off backlog
    // after seeding, not the popup opening: let it finish first.
    await new Promise((resolve) => setTimeout(resolve, STARTUP_DELAY_MS + 2_000));
    const runs: number[] = [];
    for (let run = 0; run < bench.sizes.popupRuns; run++) {
      const page = await bench.context.newPage();
      await page.setViewportSize({ width: 380, height: 600 });
      await page.goto(`chrome-extension://${bench.extensionId}/popup.html`);
      // Marks are relative to the page's navigation start: the mark's time is open → rendered.
      const ms = await page
        .waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, TODAY_MARK, { timeout: 3_000 })
        .then((h) => h.jsonValue() as Promise<number>)
        .catch(() => undefined);
      await page.close();
      if (ms === undefined)
        return [skip('popup', budget, `the popup emits no "${TODAY_MARK}" mark yet (no today list)`)];
      runs.push(ms);
    }
    return [
      timed(
        'popup',
        runs,
        BUDGETS.popup.p95Ms,
        `${bench.sizes.contacts.toLocaleString('en')} contacts in the store; runs in order (ms): ${runs.map((r) => Math.round(r)).join(' ')}`,
      ),
    ];
  },
};
