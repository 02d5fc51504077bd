import { describe, expect, it } from 'vitest';
import { inTurn } from '@/lib/background/in-turn';

/** A run that ends when the test says so, noting when it began and ended. */
function controlledWork() {
  const log: string[] = [];
  const ends: (() => void)[] = [];
  let runs = 0;
  const work = () => {
    const n = ++runs;
    log.push(`begin ${n}`);
    return new Promise<void>((resolve) => {
      ends.push(() => {
        log.push(`end ${n}`);
        resolve();
      });
    });
  };
  return { log, work, end: () => ends.shift()?.(), runs: () => runs };
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('inTurn', () => {
  it('runs one at a time; the calls made during a run share one run after it', async () => {
    const { log, work, end, runs } = controlledWork();
    const call = inTurn(work);
    const first = call();
    await turn();
    const during = [call(), call(), call()];
    await turn();
    expect(log).toEqual(['begin 1']);
    end();
    await first;
    await turn();
    expect(log).toEqual(['begin 1', 'end 1', 'begin 2']);
    end();
    await Promise.all(during);
    expect(runs()).toBe(2);
    expect(log).toEqual(['begin 1', 'end 1', 'begin 2', 'end 2']);
  });

  it('a call after the queued run began gets a run of its own, after it', async () => {
    const { log, work, end } = controlledWork();
    const call = inTurn(work);
    void call();
    await turn();
    const second = call();
    end();
    await turn();
    const third = call();
    end();
    await second;
    await turn();
    end();
    await third;
    expect(log).toEqual(['begin 1', 'end 1', 'begin 2', 'end 2', 'begin 3', 'end 3']);
  });

  it('a failed run is its callers’ error, and the next run still comes', async () => {
    let fail = true;
    const call = inTurn(async () => {
      if (fail) throw new Error('badge refused');
    });
    await expect(call()).rejects.toThrow('badge refused');
    fail = false;
    await expect(call()).resolves.toBeUndefined();
  });
});
