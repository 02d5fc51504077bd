// An experiment, not a scenario: `npm run build && npx tsx test/bench/experiments/popup-load.ts`
// (about a minute). Rapport's popup and the floor's (test/bench/floor/today.html) opened 15 times
// each, three rounds, on an empty store: the medians of DOMContentLoaded and of the list's mark.
// Session 18 on this machine: Rapport 60-73 / 67-81 ms, the floor 45-56 / 56-68 ms; with the
// popup's stylesheet link removed from the built page, Rapport 57-65 / 65-72 ms (no difference).
// The gap is the page's module graph (four files, Preact and webextension-polyfill) loading and
// running before the list is asked for; the round trip and the drawing after it take 5-10 ms.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, workerOf } from '../../e2e/launch';

const { context, extensionId } = await launch(mkdtempSync(path.join(os.tmpdir(), 'pl-')), [
  path.resolve('test/bench/floor'),
]);
const floorId = new URL((await workerOf(context, '/floor-worker.js')).url()).host;
const control = await context.newPage();
await control.goto(`chrome-extension://${extensionId}/options.html#settings`);
const floorControl = await context.newPage();
await floorControl.goto(`chrome-extension://${floorId}/today.html`);
async function open(url: string, mark: string): Promise<[number, number]> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(url);
  const r = await page
    .waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, mark, { timeout: 3000 })
    .then((h) => h.jsonValue() as Promise<number>);
  const dcl = await page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
  );
  await page.close();
  return [Math.round(dcl), Math.round(r)];
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (let round = 0; round < 3; round++) {
  const rap: [number, number][] = [];
  const flo: [number, number][] = [];
  for (let i = 0; i < 15; i++)
    rap.push(await open(`chrome-extension://${extensionId}/popup.html`, 'rapport:popup:today'));
  for (let i = 0; i < 15; i++) flo.push(await open(`chrome-extension://${floorId}/today.html`, 'floor:today'));
  console.log(
    `rapport dcl ${med(rap.map((x) => x[0]))} mark ${med(rap.map((x) => x[1]))} | floor dcl ${med(flo.map((x) => x[0]))} mark ${med(flo.map((x) => x[1]))}`,
  );
}
await context.close();
