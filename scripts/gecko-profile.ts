/**
 * What `npm run bench:page` reads from a Gecko profile (Firefox's own profiler, the raw format
 * `Services.profiler` writes): the extension's work on a tab's main thread. Firefox has no DevTools
 * trace and no Long Tasks API, so this is the Firefox counterpart of the bench's trace reading.
 *
 * The profiler samples the thread every millisecond with its JS stack and the thread's CPU time
 * since the last sample, and marks every main-thread task of 50 ms or more (`MainThreadLongTask`).
 * A sample is the extension's when one of its stack's frames is a `moz-extension://` script: in a
 * tab's process only content scripts have such frames, and everything they run (a layout they force,
 * a garbage collection they trigger) is sampled on top of them.
 */

interface Table {
  schema: Record<string, number>;
  data: unknown[][];
}

export interface GeckoThread {
  name: string;
  processType: string;
  samples: Table;
  markers: Table;
  stackTable: Table;
  frameTable: Table;
  stringTable: string[];
}

export interface GeckoProfile {
  meta: { startTime: number; sampleUnits?: { threadCPUDelta?: string } };
  threads: GeckoThread[];
  processes?: GeckoProfile[];
}

/** A tab's main thread, with its process's clock (ms since the epoch at its time 0) and CPU unit. */
export interface TabThread {
  thread: GeckoThread;
  startTime: number;
  nsPerCpuUnit: number;
}

/** In thread time, ms, and thread CPU time, ms. */
export interface ExtensionWork {
  /**
   * The extension's longest piece of work: all its samples in one task of 50 ms or more (the
   * profiler marks those), elsewhere a run of its samples with no other sample between (such a
   * run can only span tasks under 50 ms, and is counted whole, so it errs long). CPU time.
   */
  longestMs: number;
  /** All the extension's CPU time. */
  totalMs: number;
  /** All the thread's CPU time, the page's and the browser's work included. */
  threadMs: number;
  /** Main-thread tasks of 50 ms or more that started in the window, whoever's, and the longest (wall). */
  longTasks: number;
  longestTaskMs: number;
}

const CPU_UNITS_NS: Record<string, number> = { ns: 1, µs: 1_000, us: 1_000, ms: 1_000_000 };

/** Every main thread of a tab (web content) process, in this profile and its processes'. */
export function tabThreads(profile: GeckoProfile): TabThread[] {
  const nsPerCpuUnit = CPU_UNITS_NS[profile.meta.sampleUnits?.threadCPUDelta ?? 'ns'] ?? 1;
  const own = profile.threads
    .filter((thread) => thread.name === 'GeckoMain' && thread.processType === 'tab')
    .map((thread) => ({ thread, startTime: profile.meta.startTime, nsPerCpuUnit }));
  return [...own, ...(profile.processes ?? []).flatMap(tabThreads)];
}

const cell = (table: Table, row: unknown[], column: string) => row[table.schema[column]!];

interface Marker {
  name: string;
  start: number;
  end: number | null;
  data: { type?: string; name?: string } | null;
}

function markersOf(thread: GeckoThread): Marker[] {
  const { markers, stringTable } = thread;
  return markers.data.map((row) => ({
    name: stringTable[cell(markers, row, 'name') as number]!,
    start: cell(markers, row, 'startTime') as number,
    end: (cell(markers, row, 'endTime') as number | null) ?? null,
    data: (cell(markers, row, 'data') as Marker['data']) ?? null,
  }));
}

/** The thread time of the page's `performance.mark(name)`, or null if the thread has none. */
export function markTime(thread: GeckoThread, name: string): number | null {
  const marker = markersOf(thread).find((candidate) => candidate.data?.type === 'UserTiming' && candidate.data.name === name);
  return marker ? marker.start : null;
}

/** For each stack of the thread, whether a frame on it is the extension's (prefixes come first). */
function extensionStacks(thread: GeckoThread): boolean[] {
  const { stackTable, frameTable, stringTable } = thread;
  const frameIsExtension = frameTable.data.map((row) => stringTable[cell(frameTable, row, 'location') as number]!.includes('moz-extension://'));
  const stacks: boolean[] = [];
  for (const row of stackTable.data) {
    const prefix = cell(stackTable, row, 'prefix') as number | null;
    stacks.push(frameIsExtension[cell(stackTable, row, 'frame') as number]! || (prefix !== null && stacks[prefix]!));
  }
  return stacks;
}

/** The extension's work on `tab`'s thread in the window [from, to) of thread time. */
export function extensionWork({ thread, nsPerCpuUnit }: TabThread, from: number, to: number): ExtensionWork {
  const longTasks = markersOf(thread)
    .filter((marker) => marker.data?.type === 'MainThreadLongTask' && marker.end !== null && marker.end > from && marker.start < to)
    .sort((a, b) => a.start - b.start);
  const inTask = longTasks.map(() => 0);
  const isExtension = extensionStacks(thread);
  const { samples } = thread;
  const work: ExtensionWork = {
    longestMs: 0,
    totalMs: 0,
    threadMs: 0,
    longTasks: longTasks.filter((task) => task.start >= from).length,
    longestTaskMs: Math.max(0, ...longTasks.filter((task) => task.start >= from).map((task) => task.end! - task.start)),
  };
  let run = 0;
  let task = 0;
  for (const row of samples.data) {
    const time = cell(samples, row, 'time') as number;
    if (time < from || time >= to) continue;
    const cpuMs = (((cell(samples, row, 'threadCPUDelta') as number | null) ?? 0) * nsPerCpuUnit) / 1e6;
    const stack = cell(samples, row, 'stack') as number | null;
    work.threadMs += cpuMs;
    while (task < longTasks.length && longTasks[task]!.end! < time) task++;
    const within = task < longTasks.length && longTasks[task]!.start <= time;
    if (stack === null || !isExtension[stack] || within) {
      work.longestMs = Math.max(work.longestMs, run);
      run = 0;
    }
    if (stack === null || !isExtension[stack]) continue;
    work.totalMs += cpuMs;
    if (within) inTask[task]! += cpuMs;
    else run += cpuMs;
  }
  work.longestMs = Math.max(work.longestMs, run, ...inTask);
  return work;
}
