import type { Page } from 'playwright-core';

/** Frame times the page saw while something happened. */
export interface FrameTimes {
  frames: number;
  /** Frame-to-frame time, milliseconds. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Frames longer than the target. */
  over50Ms: number;
  /** Main-thread tasks over 50 ms that Chromium reported (PerformanceObserver 'longtask'). */
  longTasks: number;
  /** The longest of them, milliseconds. */
  longestTaskMs: number;
}

/**
 * Records every animation frame's time on the page while `during` runs: the gap between one
 * requestAnimationFrame callback and the next is how long the page could not paint.
 */
export async function measureFrames(page: Page, during: () => Promise<void>): Promise<FrameTimes> {
  // Sent as text: tsx would wrap a function's inner named closures in a helper the page lacks.
  await page.evaluate(`(() => {
    const state = { deltas: [], tasks: [], running: true, last: performance.now() };
    window.frameBench = state;
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) state.tasks.push(entry.duration); }).observe({ type: 'longtask' });
    const tick = (now) => {
      state.deltas.push(now - state.last);
      state.last = now;
      if (state.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => { state.last = now; requestAnimationFrame(tick); });
  })()`);
  await during();
  const { deltas, tasks } = await page.evaluate(() => {
    const state = (window as unknown as { frameBench: { deltas: number[]; tasks: number[]; running: boolean } }).frameBench;
    state.running = false;
    return { deltas: state.deltas, tasks: state.tasks };
  });
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return {
    frames: deltas.length,
    p50Ms: at(50),
    p99Ms: at(99),
    maxMs: sorted.at(-1) ?? Number.NaN,
    over50Ms: deltas.filter((delta) => delta > 50).length,
    longTasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks),
  };
}
