import { describe, expect, it } from 'vitest';
import { extensionWork, type GeckoProfile, type GeckoThread, markTime, tabThreads } from '../../scripts/gecko-profile';

const EXTENSION = 'scan (moz-extension://6f1d2c3b/content-script.js:1:200)';
const PAGE = 'tick (http://127.0.0.1/page.html:3:10)';

/**
 * A tab thread sampled every ms, each sample with 1 ms of CPU (in ns): `timeline` says whose each
 * sample is, one letter a millisecond ('e' the extension, called from the page's event loop; 'p' the
 * page; '.' the idle loop). `longTasks`: the profiler's markers of tasks of 50 ms or more.
 */
function thread(timeline: string, longTasks: [number, number][] = [], marks: [string, number][] = []): GeckoThread {
  const strings = ['EventLoop', EXTENSION, PAGE, 'LongTask', 'UserTiming'];
  const markers = [
    ...longTasks.map(([start, end]) => [3, start, end, 1, 0, { type: 'MainThreadLongTask' }]),
    ...marks.map(([name, at]) => [4, at, null, 0, 0, { type: 'UserTiming', name, entryType: 'mark' }]),
  ];
  return {
    name: 'GeckoMain',
    processType: 'tab',
    stringTable: strings,
    frameTable: { schema: { location: 0 }, data: [[0], [1], [2]] },
    // Stack 0: the event loop; 1: the extension on top of it; 2: the page on top of it.
    stackTable: { schema: { prefix: 0, frame: 1 }, data: [[null, 0], [0, 1], [0, 2]] },
    samples: {
      schema: { stack: 0, time: 1, threadCPUDelta: 2 },
      data: [...timeline].map((who, ms) => [{ '.': 0, e: 1, p: 2 }[who], ms, who === '.' ? 0 : 1_000_000]),
    },
    markers: { schema: { name: 0, startTime: 1, endTime: 2, phase: 3, category: 4, data: 5 }, data: markers },
  };
}

const tab = (timeline: string, longTasks: [number, number][] = []) => ({ thread: thread(timeline, longTasks), startTime: 0, nsPerCpuUnit: 1 });

describe('the extension’s work in a Gecko profile', () => {
  it('counts a run of the extension’s samples as one piece, split by the page’s or the idle loop’s', () => {
    const work = extensionWork(tab('eeee.eeeeeee.ppp.ee'), 0, Infinity);
    expect(work.longestMs).toBe(7);
    expect(work.totalMs).toBe(13);
    expect(work.threadMs).toBe(16);
  });

  it('counts all the extension’s samples in one long task together, and the task itself', () => {
    // Inside the 60 ms task, the extension's runs (20 and 25 ms) are one piece of 45 ms of its work.
    const timeline = `${'e'.repeat(20)}${'p'.repeat(15)}${'e'.repeat(25)}..eee`;
    const work = extensionWork(tab(timeline, [[0, 59.5]]), 0, Infinity);
    expect(work.longestMs).toBe(45);
    expect(work.longTasks).toBe(1);
    expect(work.longestTaskMs).toBeCloseTo(59.5);
  });

  it('reads only the window', () => {
    const work = extensionWork(tab('eeeeee....eee'), 3, 12);
    expect(work.totalMs).toBe(5);
    expect(work.longestMs).toBe(3);
  });

  it('finds the tab threads of every process, and a page’s mark on the thread’s clock', () => {
    const parent = { ...thread('...'), processType: 'default' };
    const profile: GeckoProfile = {
      meta: { startTime: 1000, sampleUnits: { threadCPUDelta: 'µs' } },
      threads: [parent],
      processes: [{ meta: { startTime: 1200 }, threads: [thread('ee', [], [['bench:clock', 1.5]])] }],
    };
    const tabs = tabThreads(profile);
    expect(tabs.map((found) => [found.startTime, found.nsPerCpuUnit])).toEqual([[1200, 1]]);
    expect(markTime(tabs[0]!.thread, 'bench:clock')).toBe(1.5);
    expect(markTime(tabs[0]!.thread, 'other')).toBeNull();
  });
});
