import type { Browser } from 'playwright-core';

/** How fast one load of the sweep page became useful, in milliseconds from navigation start. */
export interface PageLoad {
  /** When the page's first byte arrived: the server's share of the load. */
  firstByteMs: number;
  /** First contentful paint, as Chromium reports it. */
  firstContentfulPaintMs: number;
  /**
   * When the grid filled the viewport: its cells were in the document and no row
   * still without its cells showed (server-rendered, so before hydration).
   */
  gridPaintedMs: number;
  /** When a click on a cell first selected it (the URL took `runs=`): hydrated and answering. */
  interactiveMs: number;
  /** Grid cells in the document at that moment: the page fills only the rows near the viewport. */
  cellsInPage: number;
}

/**
 * Opens the sweep page in a fresh browser context (no cache), once the context has settled, and times it.
 * @param cellTestId the `data-testid` of the cell to click
 */
export async function measurePageLoad(browser: Browser, url: string, cellTestId: string): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  // A context Chromium has just made goes on setting itself up for about a second, on the same
  // two cores as the servers: the page's first byte came 0.63–1.03 s after navigation right after
  // creation, 0.23–0.39 s a second later. A person opening a link has a browser already running.
  await page.goto('about:blank');
  await page.waitForTimeout(1000);
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="grid"] [role="gridcell"]') !== null &&
      [...document.querySelectorAll('[data-testid="grid-row-pending"]')].every((row) => row.getBoundingClientRect().top >= window.innerHeight),
    undefined,
    { timeout: 60_000, polling: 10 },
  );
  const gridPaintedMs = await page.evaluate(() => performance.now());
  // Before hydration a click does nothing, so click until one is heard. A mouse click where
  // the cell is, as a person's: Playwright's locator click first checks the element is
  // visible, stable over two animation frames and not covered, which added 170–240 ms to
  // every try on this page, and a try that misses waits out its timeout.
  const box = await page.getByTestId(cellTestId).boundingBox();
  if (box === null) throw new Error(`the cell ${cellTestId} is not on the page`);
  while (!page.url().includes('runs=')) {
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/runs=/, { timeout: 25 }).catch(() => undefined);
    if (Date.now() - started > 60_000) throw new Error('the grid never answered a click');
  }
  const { interactiveMs, cellsInPage } = await page.evaluate(() => ({
    interactiveMs: performance.now(),
    cellsInPage: document.querySelectorAll('[role="gridcell"]').length,
  }));
  const { firstByteMs, firstContentfulPaintMs } = await page.evaluate(() => ({
    firstByteMs: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseStart ?? Number.NaN,
    firstContentfulPaintMs: performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint')?.startTime ?? Number.NaN,
  }));
  await context.close();
  return { firstByteMs, firstContentfulPaintMs, gridPaintedMs, interactiveMs, cellsInPage };
}
