import { BUDGETS } from '../budgets';
import { contactEmail } from '../dataset';
import { openGmail, showThread, THREAD_MESSAGES } from '../page';
import { CAPTURED_MARK } from '@/lib/shared/marks';
import { requestFrom, workerOf } from '../../e2e/launch';
import { type Scenario, skip, timed } from '../types';

const budget = `p95 ≤ ${BUDGETS.capture.p95Ms} ms per ${THREAD_MESSAGES}-message thread`;

/** Opening a thread with a tracked customer until all its messages are stored as touches. */
export const capture: Scenario = {
  name: 'capture',
  async run(bench) {
    const page = await openGmail(bench);
    const runs: number[] = [];
    for (let run = 0; run < bench.sizes.captureRuns; run++) {
      // A contact the seeded store holds; each run a different thread, so nothing is stored yet.
      const index = (run * 101 + 7) % bench.sizes.contacts;
      const found = await requestFrom(bench.control, 'contact.find', { email: contactEmail(index) });
      if (!found.ok || !found.data) throw new Error(`bench contact ${index} is missing`);
      const contactId = found.data.id;
      const before = await countCaptured(bench, contactId);
      const worker = await workerOf(bench.context, '/background.js');
      await showThread(page, bench, 5_000 + run, contactEmail(index));
      const insertedAt = await page.evaluate(() => {
        const insert = performance.getEntriesByName('rapport-bench:insert').at(-1);
        return insert ? performance.timeOrigin + insert.startTime : 0;
      });
      // The worker marks each capture's commit on its own timeline, read without loading it;
      // the customer's touches are then counted once (a thread could come in more than one capture).
      let elapsed: number | undefined;
      let seen = 0;
      const deadline = Date.now() + 5_000;
      while (elapsed === undefined && Date.now() < deadline) {
        await page.waitForTimeout(5);
        const committed = await worker.evaluate(
          (name) => performance.getEntriesByName(name).map((e) => performance.timeOrigin + e.startTime),
          CAPTURED_MARK,
        );
        const latest = committed.at(-1);
        if (latest === undefined || latest < insertedAt || latest === seen) continue;
        seen = latest;
        if ((await countCaptured(bench, contactId)) - before >= THREAD_MESSAGES) elapsed = latest - insertedAt;
      }
      if (elapsed === undefined) {
        await page.close();
        return [skip('capture', budget, 'not every e-mail of the thread was captured')];
      }
      runs.push(elapsed);
    }
    await page.close();
    return [
      timed(
        'capture',
        runs,
        BUDGETS.capture.p95Ms,
        `measured from the thread insert to the worker's mark of the capture's commit (all touches readable); runs in order (ms): ${runs.map((r) => r.toFixed(0)).join(' ')}`,
        budget,
      ),
    ];
  },
};

async function countCaptured(bench: import('../types').BenchContext, contactId: string): Promise<number> {
  const list = await requestFrom(bench.control, 'touch.list', { contactId, limit: 1000 });
  return list.ok ? list.data.filter((t) => t.sourceId?.startsWith('gmail:')).length : 0;
}
