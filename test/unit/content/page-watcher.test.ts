// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createPageWatcher, type FrameReason } from '@/lib/content/page-watcher';
import { WORK_MEASURE } from '@/lib/shared/marks';

/** A frame clock the test advances by hand. */
function frames() {
  const queue: (() => void)[] = [];
  return {
    schedule: (run: () => void) => queue.push(run),
    next: () => {
      const batch = queue.splice(0);
      for (const run of batch) run();
      return batch.length;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
let lifetime = new AbortController();
afterEach(() => {
  lifetime.abort();
  lifetime = new AbortController();
  document.body.replaceChildren();
});

describe('page watcher', () => {
  it('scans what is already on the page once at start', () => {
    const clock = frames();
    const watcher = createPageWatcher({ lifetime: lifetime.signal, schedule: clock.schedule });
    const seen: FrameReason[] = [];
    watcher.onFrame((_s, reason) => seen.push(reason));
    expect(clock.next()).toBe(1);
    expect(seen).toEqual(['start']);
  });

  it('batches many mutations into one frame of work, and leaves the page’s timeline alone', async () => {
    const clock = frames();
    const watcher = createPageWatcher({ lifetime: lifetime.signal, schedule: clock.schedule });
    const seen: FrameReason[] = [];
    watcher.onFrame((_s, reason) => seen.push(reason));
    clock.next();
    for (let i = 0; i < 50; i++) document.body.append(document.createElement('div'));
    await settle();
    expect(clock.next()).toBe(1);
    expect(clock.next()).toBe(0);
    expect(seen).toEqual(['start', 'mutation']);
    // Measured only in the bench's build (`--mode bench`); every other build puts nothing there.
    expect(performance.getEntriesByName(WORK_MEASURE)).toHaveLength(0);
  });

  it('hands each frame the nodes the page changed since the last one, and nothing twice', async () => {
    const clock = frames();
    const watcher = createPageWatcher({ lifetime: lifetime.signal, schedule: clock.schedule, attributes: ['class'] });
    const changed: Node[][] = [];
    watcher.onFrame((_s, _r, nodes) => changed.push([...nodes]));
    clock.next();
    const list = document.createElement('ul');
    document.body.append(list);
    await settle();
    clock.next();
    list.className = 'x7';
    await settle();
    clock.next();
    expect(changed).toEqual([[], [document.body], [list]]);
  });

  it('aborts the previous page view on navigation and starts a new one', async () => {
    const clock = frames();
    let href = 'https://mail.google.com/mail/u/0/#inbox/A';
    const watcher = createPageWatcher({ lifetime: lifetime.signal, schedule: clock.schedule, location: () => href });
    const signals: AbortSignal[] = [];
    const reasons: FrameReason[] = [];
    watcher.onFrame((signal, reason) => {
      signals.push(signal);
      reasons.push(reason);
    });
    clock.next();
    href = 'https://mail.google.com/mail/u/0/#inbox/B';
    // Gmail swaps the DOM without a reload; the URL check on the next frame sees the move.
    document.body.append(document.createElement('div'));
    await settle();
    clock.next();
    expect(reasons).toEqual(['start', 'navigation']);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[1]?.aborted).toBe(false);
  });

  it('a failing reader does not stop the others', () => {
    const clock = frames();
    const watcher = createPageWatcher({ lifetime: lifetime.signal, schedule: clock.schedule });
    let ran = false;
    watcher.onFrame(() => {
      throw new Error('Gmail changed');
    });
    watcher.onFrame(() => {
      ran = true;
    });
    const error = console.error;
    console.error = () => {};
    clock.next();
    console.error = error;
    expect(ran).toBe(true);
  });

  it('stops observing when the extension goes away', async () => {
    const clock = frames();
    const watcher = createPageWatcher({ lifetime: lifetime.signal, schedule: clock.schedule });
    const signal = watcher.signal;
    watcher.onFrame(() => {});
    clock.next();
    lifetime.abort();
    document.body.append(document.createElement('div'));
    await settle();
    expect(clock.next()).toBe(0);
    expect(signal.aborted).toBe(true);
  });
});
