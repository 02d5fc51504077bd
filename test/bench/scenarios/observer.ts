import { WORK_MEASURE } from '@/lib/shared/marks';
import { BUDGETS } from '../budgets';
import { openGmail } from '../page';
import { median, percentile } from '../stats';
import { type Scenario, verdict } from '../types';

const budget = `median ≤ ${BUDGETS.observer.medianMs} ms/batch, ≤ ${BUDGETS.observer.maxLongFrames} long frames`;

/**
 * Gmail mutates its DOM constantly. This drives `batches` Gmail-like mutation batches (one per
 * frame: a row added at the top, the last removed, classes and text changed) and measures
 * what Rapport's content script costs the page's main thread:
 * - total: CPU profile samples whose script is ours (CDP Profiler), per batch;
 * - per batch: the content script's own `rapport:work` measures, when it has any;
 * - long frames: Long Animation Frame entries whose scripts come from our extension (the
 *   Long Tasks API cannot attribute work to content scripts; LoAF script entries carry the URL).
 */
export const observer: Scenario = {
  name: 'observer',
  async run(bench) {
    const page = await openGmail(bench);
    const cdp = await bench.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const frames = await page.evaluate(
      async ([batches, extensionId]) => {
        const long: { duration: number }[] = [];
        const seen = new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { scripts?: { sourceURL: string }[] })[]) {
            if (entry.scripts?.some((s) => s.sourceURL.includes(extensionId))) long.push({ duration: entry.duration });
          }
        });
        seen.observe({ type: 'long-animation-frame', buffered: true });
        const table = document.querySelector('table.F tbody') as HTMLElement;
        for (let i = 0; i < batches; i++) {
          await new Promise(requestAnimationFrame);
          const first = table.firstElementChild as HTMLElement;
          const copy = first.cloneNode(true) as HTMLElement;
          copy.querySelector('.bog')?.replaceChildren(`New subject ${i}`);
          table.prepend(copy);
          table.lastElementChild?.remove();
          for (const row of Array.from(table.children).slice(1, 6)) row.classList.toggle('x7');
          document.title = `Inbox (${12 + (i % 5)}) - ${document.title.split(' - ').slice(1).join(' - ')}`;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
        seen.disconnect();
        return long;
      },
      [bench.sizes.batches, bench.extensionId] as const,
    );
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    const work = await page.evaluate(
      (name) => performance.getEntriesByName(name, 'measure').map((m) => m.duration),
      WORK_MEASURE,
    );
    await page.close();

    const ours = new Set(profile.nodes.filter((n) => n.callFrame.url.includes(bench.extensionId)).map((n) => n.id));
    const deltas = profile.timeDeltas ?? [];
    let ourMicros = 0;
    profile.samples?.forEach((node, i) => {
      if (ours.has(node)) ourMicros += deltas[i + 1] ?? 0;
    });
    const perBatch = ourMicros / 1000 / bench.sizes.batches;
    const samples = work.length > 0 ? work : [perBatch];
    const longFrames = frames.length;
    return [
      {
        scenario: 'observer',
        status: verdict(median(samples) <= BUDGETS.observer.medianMs, longFrames <= BUDGETS.observer.maxLongFrames),
        runs: bench.sizes.batches,
        median: work.length > 0 ? median(work) : perBatch,
        p95: percentile(samples, 95),
        unit: 'ms/batch',
        budget,
        note: `profiled CPU in Rapport's scripts: ${(ourMicros / 1000).toFixed(1)} ms total, ${perBatch.toFixed(3)} ms/batch; ${
          work.length
        } self-reported work batches; ${longFrames} long frames attributed to Rapport`,
      },
    ];
  },
};
