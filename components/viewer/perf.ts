/**
 * User Timing entries for the viewer's loading path (`viewer:*` in the browser's performance
 * timeline, DevTools' Performance panel, and bench/viewer.ts). Cheap enough to stay in production.
 */

export const PERF_PREFIX = "viewer:";

export type PerfDetail = Record<string, string | number | boolean>;

/** Times a synchronous step as `viewer:<name>`. */
export function timed<T>(name: string, fn: () => T, detail?: PerfDetail): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure(PERF_PREFIX + name, { start, end: performance.now(), detail });
  }
}

/** Times an asynchronous step as `viewer:<name>` (from the call to the settling of its promise). */
export async function timedAsync<T>(name: string, fn: () => Promise<T>, detail?: PerfDetail | ((result: T) => PerfDetail)): Promise<T> {
  const start = performance.now();
  const result = await fn();
  performance.measure(PERF_PREFIX + name, { start, end: performance.now(), detail: typeof detail === "function" ? detail(result) : detail });
  return result;
}

/** A point in time, `viewer:<name>`. */
export function mark(name: string, detail?: PerfDetail): void {
  performance.mark(PERF_PREFIX + name, { detail });
}
