import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { queryDatabase, type TestDatabase } from '@sweepscope/db/testing';
import { type Browser, type Page, type WebSocketRoute } from 'playwright-core';
import { checkAccessibility } from '../support/check-accessibility.js';
import { postGraphQL } from '../support/post-graphql.js';
import { repositoryRoot, type Service } from '../support/start-service.js';
import { startApiServer, startWorkerProcess, type Stack } from '../support/start-stack.js';
import { startWebSuite, type WebSuite } from '../support/start-web-suite.js';

const screenshots = `${repositoryRoot}/test-results`;

interface ApiRun {
  id: string;
  status: string;
  epochs: { epoch: number; valAccuracy: number }[];
  latestEpoch: { valAccuracy: number } | null;
}
interface ApiCell {
  batchSize: number;
  learningRate: number;
  runs: ApiRun[];
}

async function readApiGrid(apiUrl: string, sweepId: string): Promise<ApiCell[]> {
  const response = await postGraphQL<{ sweep: { grid: { cells: ApiCell[] } } }>(
    apiUrl,
    `query ($id: ID!) { sweep(id: $id) { grid { cells { batchSize learningRate runs { id status epochs { epoch valAccuracy } latestEpoch { valAccuracy } } } } } }`,
    { id: sweepId },
  );
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  return response.data!.sweep.grid.cells;
}

async function createSweep(apiUrl: string, input: string): Promise<string> {
  const created = await postGraphQL<{ createSweep: { id: string } }>(apiUrl, `mutation { createSweep(input: { ${input} }) { id } }`);
  assert.equal(created.errors, undefined, JSON.stringify(created.errors));
  return created.data!.createSweep.id;
}

const testId = (cell: { batchSize: number; learningRate: number }) => `cell-${cell.batchSize}-${String(cell.learningRate)}`;

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, output: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}\n${output()}`);
    await sleep(100);
  }
}

/** Every sparkline line the page draws: run id → the epoch numbers it draws, in order. */
function readSparklines(page: Page): Promise<Record<string, number[]>> {
  return page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll<SVGPolylineElement>('[data-testid="cell-sparkline"] polyline')).map((line) => [
        line.dataset['runId'] ?? '',
        (line.dataset['epochs'] ?? '').split(',').filter(Boolean).map(Number),
      ]),
    ),
  );
}

describe('sweep grid in Chromium', () => {
  let suite: WebSuite | undefined;
  let db: TestDatabase;
  let stack: Stack;
  let webUrl: string;
  let worker: Service | undefined;
  let browser: Browser;
  let trainedSweepId = '';
  let sharedUrl = '';
  const output = (): string => [...stack.services, ...(worker ? [worker] : [])].map((service) => service.output()).join('\n');

  before(async () => {
    // No worker at first: the first test needs a run that stays queued.
    suite = await startWebSuite({ worker: false });
    ({ db, stack, webUrl, browser } = suite);
  });
  after(() => suite?.stop(worker));

  it("shows the API's CONFLICT text beside the run it refused, then retries it and cancels the sweep", async () => {
    const sweepId = await createSweep(stack.apiUrl, `name: "refusals", preset: "smoke", cells: "8:0.1", epochs: 1, trainLimit: 16, valLimit: 8`);
    const [cell] = await readApiGrid(stack.apiUrl, sweepId);
    const runId = cell!.runs[0]!.id;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Holds the API's messages back while `frozen`, so the page still shows the run as it was.
    let frozen = false;
    const held: { route: WebSocketRoute; message: string | Buffer }[] = [];
    await page.routeWebSocket(/\/graphql$/, (route) => {
      const server = route.connectToServer();
      route.onMessage((message) => server.send(message));
      server.onMessage((message) => (frozen ? held.push({ route, message }) : route.send(message)));
    });
    await page.goto(`${webUrl}/sweeps/${sweepId}`);
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('cell-8-0.1').click();
    const row = page.getByTestId('selected-run');
    await row.getByTestId('cancel-run').waitFor();

    frozen = true;
    const cancelled = await postGraphQL(stack.apiUrl, `mutation ($id: ID!) { cancelRun(id: $id) { id } }`, { id: runId });
    assert.equal(cancelled.errors, undefined);
    await row.getByTestId('cancel-run').click();
    const refusal = row.getByTestId('run-action-error');
    await refusal.waitFor({ timeout: 15_000 });
    assert.match((await refusal.textContent()) ?? '', /is cancelled: only a queued or running run can be cancelled/);

    frozen = false;
    for (const { route, message } of held.splice(0)) route.send(message);
    await row.getByTestId('selected-run-status').filter({ hasText: 'cancelled' }).waitFor({ timeout: 15_000 });
    await row.getByTestId('retry-run-from-scratch').click();
    await row.getByTestId('selected-run-status').filter({ hasText: 'queued' }).waitFor({ timeout: 15_000 });
    await row.getByText('attempt 2').waitFor();

    await page.getByTestId('cancel-sweep').click();
    await page.getByTestId('confirm-cancel-sweep').click();
    await page.getByTestId('cell-8-0.1').getByTestId('cell-status').filter({ hasText: 'cancelled' }).waitFor({ timeout: 15_000 });
    await page.getByTestId('sweep-status').filter({ hasText: 'cancelled' }).waitFor();
    assert.equal(await page.getByTestId('cancel-sweep').isDisabled(), true, 'nothing is left to cancel');
    await page.close();
  });

  it('fills only the rows of a tall grid of detailed cells near its view, and scrolling or the keyboard reaches the rest', async () => {
    const batchSizes = Array.from({ length: 40 }, (_, index) => 8 * (index + 1));
    const sweepId = await createSweep(
      stack.apiUrl,
      `name: "tall grid", preset: "smoke", trainLimit: 320, batchSizes: [${batchSizes.join(',')}], learningRates: [0.1, 0.01]`,
    );
    const cellIds = () => page.locator('td[role="gridcell"]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-testid')));
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

    // Detailed cells, as asked: on its own this grid, taller than any screen, would be a compact heatmap.
    const url = `${webUrl}/sweeps/${sweepId}?cells=detailed`;
    const html = await (await fetch(url)).text();
    const served = html.match(/role="gridcell"/g)?.length ?? 0;
    assert.ok(served > 0 && served < 80, `the server paints the first rows' cells, not all 80: it painted ${served}`);
    assert.equal(html.match(/data-grid-row=/g)?.length, 40, 'and every row with its header');

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('grid').getAttribute('data-density'), 'detailed');
    const atTop = await cellIds();
    assert.ok(atTop.includes('cell-8-0.1') && !atTop.includes('cell-320-0.1'), `the first rows hold their cells, the last not: ${atTop.join(' ')}`);
    assert.ok((await page.getByTestId('grid-row-pending').count()) > 0);
    assert.deepEqual(await checkAccessibility(page), []);

    // A row without its cells is as tall as one with them: scrolling to the last row's header fills it.
    await page.locator('th[data-grid-row="39"]').scrollIntoViewIfNeeded();
    await page.getByTestId('cell-320-0.01').waitFor();
    assert.equal(await page.getByTestId('cell-16-0.1').count(), 0, 'rows scrolled far away let their cells go');
    assert.equal(await page.getByTestId('cell-8-0.1').count(), 1, "but not the tab stop's: Tab still reaches the grid");
    const header = await page.locator('th[data-grid-row="39"]').boundingBox();
    const cell = await page.getByTestId('cell-320-0.01').boundingBox();
    assert.ok(header !== null && cell !== null && Math.abs(header.y + header.height / 2 - (cell.y + cell.height / 2)) < 1, 'the cells sit beside their header');

    // The keyboard goes to rows whose cells are not in the page, filling them first.
    await page.getByTestId('cell-320-0.01').focus();
    await page.keyboard.press('Control+Home');
    assert.equal(await focused(), 'cell-8-0.01');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageDown');
    assert.equal(await focused(), 'cell-320-0.1');
    await page.keyboard.press('PageUp');
    assert.equal(await focused(), 'cell-8-0.1');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.has('runs'));
    assert.equal(await page.getByTestId('cell-8-0.1').getAttribute('aria-selected'), 'true');

    const cancelled = await postGraphQL(stack.apiUrl, `mutation ($id: ID!) { cancelSweep(id: $id) { id } }`, { id: sweepId });
    assert.equal(cancelled.errors, undefined, JSON.stringify(cancelled.errors));
    await page.close();
  });

  it('shows a 40 × 25 sweep whole on a 1920 × 1080 screen as a heatmap, with the details of the cell under the pointer or with focus', async () => {
    const batchSizes = Array.from({ length: 40 }, (_, index) => 8 * (index + 1));
    const learningRates = Array.from({ length: 25 }, (_, index) => Number((1e-4 * 10 ** (index / 6)).toPrecision(3)));
    // Accuracy peaks along a ridge of learning rate ∝ batch size, as in the reference study.
    const accuracy = (batchSize: number, learningRate: number, epoch: number) =>
      Number((0.1 + (0.75 - 0.1 / epoch) * Math.exp(-((Math.log10(learningRate / batchSize) + 4) ** 2) / 2)).toFixed(4));
    const lines = ['batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy'];
    for (const batchSize of batchSizes) {
      for (const learningRate of learningRates) {
        for (const epoch of [1, 2]) {
          const value = accuracy(batchSize, learningRate, epoch);
          lines.push(`${batchSize},${learningRate},${epoch},${(2 - value).toFixed(4)},${value},${(2.1 - value).toFixed(4)},${value}`);
        }
      }
    }
    const imported = await postGraphQL<{ importResults: { id: string } }>(
      stack.apiUrl,
      'mutation ($input: ImportResultsInput!) { importResults(input: $input) { id } }',
      { input: { format: 'CSV', content: lines.join('\n'), filename: 'big-grid.csv' } },
    );
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    const sweepId = imported.data!.importResults.id;

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${webUrl}/sweeps/${sweepId}`);
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 30_000 });
    const grid = page.getByTestId('grid');
    assert.equal(await grid.getAttribute('data-density'), 'compact');
    assert.equal(await page.locator('td[role="gridcell"]').count(), 1000, 'every cell is in the page');
    const box = page.getByTestId('grid-box');
    await box.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    const shown = await grid.boundingBox();
    assert.ok(
      shown !== null && shown.x >= 0 && shown.y >= 0 && shown.x + shown.width <= 1920 && shown.y + shown.height <= 1080,
      `the whole grid is on screen: ${JSON.stringify(shown)}`,
    );
    assert.deepEqual(
      await box.evaluate((element) => [element.scrollWidth <= element.clientWidth, element.scrollHeight <= element.clientHeight]),
      [true, true],
      'and its box does not scroll',
    );
    const cell = page.getByTestId('cell-160-0.01');
    assert.equal(await cell.textContent(), `${(accuracy(160, 0.01, 2) * 100).toFixed(1)}%`, 'a compact cell shows its value');
    assert.match((await cell.getAttribute('aria-label')) ?? '', /^batch 160, learning rate 0\.01, succeeded, final validation accuracy \d+\.\d %$/);

    const details = page.getByTestId('cell-details');
    assert.equal(await details.count(), 0, 'no details before the pointer or focus is on a cell');
    await cell.hover();
    await details.filter({ hasText: 'batch 160 · learning rate 0.01' }).waitFor();
    assert.match((await details.textContent()) ?? '', /final validation accuracy.*succeeded · epoch 2\/2/);
    assert.equal(await details.getByTestId('cell-sparkline').count(), 1);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${screenshots}/big-grid-${colorScheme}.png` });
      assert.deepEqual(await checkAccessibility(page), [], `in the ${colorScheme} theme`);
    }
    await page.mouse.move(5, 5);
    await details.waitFor({ state: 'detached' });

    // Focus shows the details too, and they follow the keyboard.
    await page.getByTestId('cell-8-0.0001').focus();
    await details.filter({ hasText: 'batch 8 · learning rate 1e-4' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await details.filter({ hasText: 'batch 16 · learning rate 1e-4' }).waitFor();
    await page.getByTestId('metric').focus();
    await details.waitFor({ state: 'detached' });

    // On a smaller screen the box scrolls, under headers that stay in view.
    await page.setViewportSize({ width: 1024, height: 600 });
    await box.evaluate((element) => element.scrollTo(element.scrollWidth, element.scrollHeight));
    const [boxAt, columnHead, rowHead] = await Promise.all([
      box.boundingBox(),
      page.locator('th[data-grid-col="24"]').boundingBox(),
      page.locator('th[data-grid-row="39"]').boundingBox(),
    ]);
    assert.ok(boxAt !== null && columnHead !== null && rowHead !== null);
    assert.ok(Math.abs(columnHead.y - boxAt.y) < 2, `the column headers stay at the box's top: ${columnHead.y} vs ${boxAt.y}`);
    const firstRowHead = await page.locator('th[data-grid-row="0"]').boundingBox();
    assert.ok(firstRowHead !== null && Math.abs(firstRowHead.x - boxAt.x) < 2, "the row headers stay at the box's left");
    assert.ok(rowHead.y + rowHead.height <= boxAt.y + boxAt.height + 1, 'the last row is in view');
    await page.screenshot({ path: `${screenshots}/big-grid-scrolled.png` });

    // Detailed cells on request, kept in the URL.
    await page.getByTestId('density').selectOption('detailed');
    await page.waitForURL((url) => url.searchParams.get('cells') === 'detailed');
    assert.equal(await grid.getAttribute('data-density'), 'detailed');
    await page.close();
  });

  it("lays the constant lr ÷ batch lines under the cells' words, not through them", async () => {
    const batchSizes = [8, 16, 32, 64];
    const learningRates = [0.0125, 0.025, 0.05, 0.1];
    const lines = ['batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy'];
    for (const batchSize of batchSizes) for (const learningRate of learningRates) lines.push(`${batchSize},${learningRate},1,1.1,0.6,1.2,0.${batchSize}`);
    const imported = await postGraphQL<{ importResults: { id: string } }>(
      stack.apiUrl,
      'mutation ($input: ImportResultsInput!) { importResults(input: $input) { id } }',
      { input: { format: 'CSV', content: lines.join('\n'), filename: 'lines.csv' } },
    );
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${webUrl}/sweeps/${imported.data!.importResults.id}?ratio=1`);
    await page.getByTestId('ratio-line').first().waitFor();
    // Hit-testing tells what is on top where a line crosses a word: the overlay ignores the
    // pointer, so it is made to take it for the check.
    await page.addStyleTag({ content: '[data-testid="grid-overlay"] polyline { pointer-events: visibleStroke !important; }' });
    const crossings = await page.evaluate(() => {
      const words = Array.from(document.querySelectorAll('[data-testid="cell-value"], [data-testid="cell-status"], [data-testid="cell-epoch"]'));
      const onTop: boolean[] = [];
      for (const line of Array.from(document.querySelectorAll<SVGPolylineElement>('[data-testid="ratio-line"] polyline'))) {
        const toScreen = line.getScreenCTM();
        if (toScreen === null) continue;
        for (let along = 0; along < line.getTotalLength(); along += 1) {
          const point = line.getPointAtLength(along).matrixTransform(toScreen);
          for (const word of words) {
            const box = word.getBoundingClientRect();
            if (point.x > box.left + 1 && point.x < box.right - 1 && point.y > box.top + 1 && point.y < box.bottom - 1) {
              onTop.push(word.contains(document.elementFromPoint(point.x, point.y)));
            }
          }
        }
      }
      return onTop;
    });
    assert.ok(crossings.length > 0, 'a line crosses some words');
    assert.equal(crossings.filter((top) => !top).length, 0, `the words are on top wherever a line crosses them (${crossings.length} points)`);
    await page.getByTestId('grid').screenshot({ path: `${screenshots}/ratio-lines-under-words.png` });
    await page.close();
  });

  it('watches cells go from queued to running to succeeded live, each epoch drawn once', async () => {
    trainedSweepId = await createSweep(
      stack.apiUrl,
      `name: "live grid", preset: "smoke", cells: "8:0.1,16:0.1,16:0.01", epochs: 3, trainLimit: 96, valLimit: 16`,
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${webUrl}/sweeps/${trainedSweepId}`);
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('cell-8-0.01').getAttribute('data-state'), 'never-run');
    // Records every state each cell passes through, with the epochs its sparkline draws then.
    // (A string, not a function: tsx would wrap the named helpers inside with its own `__name`.)
    await page.evaluate(`{
      const log = {};
      for (const td of document.querySelectorAll('td[role="gridcell"][data-testid]')) {
        const entries = (log[td.dataset.testid] = []);
        const record = () => {
          const epochs = Array.from(td.querySelectorAll('polyline')).map((line) => line.dataset.epochs).join('|');
          const entry = td.dataset.state + ':' + epochs;
          if (entries.at(-1) !== entry) entries.push(entry);
        };
        record();
        new MutationObserver(record).observe(td, { attributes: true, childList: true, subtree: true, characterData: true });
      }
      Object.assign(window, { cellLog: log, loadedOnce: true });
    }`);

    worker = await startWorkerProcess(db.url);
    const trained = ['cell-8-0.1', 'cell-16-0.1', 'cell-16-0.01'];
    await waitFor(
      'every cell to succeed on the page',
      async () => (await Promise.all(trained.map((id) => page.getByTestId(id).getAttribute('data-state')))).every((state) => state === 'succeeded'),
      180_000,
      output,
    );
    const log = await page.evaluate(() => (window as unknown as { cellLog: Record<string, string[]> }).cellLog);
    for (const id of trained) {
      const entries = log[id] ?? [];
      const states = entries.map((entry) => entry.split(':')[0]).filter((state, i, all) => state !== all[i - 1]);
      assert.deepEqual(states, ['queued', 'running', 'succeeded'], `${id} went ${entries.join(' → ')}`);
      for (const entry of entries) {
        const epochs = (entry.split(':')[1] ?? '').split(',').filter(Boolean);
        assert.equal(new Set(epochs).size, epochs.length, `${id} drew an epoch twice: ${entry}`);
      }
      assert.equal(entries.at(-1), 'succeeded:1,2,3');
    }
    assert.equal(await page.evaluate(() => 'loadedOnce' in window), true, 'the page must update in place, not reload');

    // Each cell ends on the API's own final value.
    for (const cell of await readApiGrid(stack.apiUrl, trainedSweepId)) {
      const run = cell.runs[0];
      if (run === undefined) continue;
      assert.equal(await page.getByTestId(testId(cell)).getAttribute('data-value'), String(run.latestEpoch!.valAccuracy));
      const text = (await page.getByTestId(testId(cell)).getByTestId('cell-value').textContent()) ?? '';
      assert.equal(text, `${(run.latestEpoch!.valAccuracy * 100).toFixed(1)}%`);
    }
    assert.match((await page.getByTestId('sweep-progress').textContent()) ?? '', /9\/9.*3 succeeded.*ETA done/);
    await page.getByTestId('sweep-status').filter({ hasText: 'succeeded' }).waitFor();
    await page.close();
  });

  it('selects two runs by keyboard and by click and keeps them, the metric and the overlays in the URL', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const serverRenders: string[] = [];
    // A flight request for this page itself (links' prefetches of other pages are fine).
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === `/sweeps/${trainedSweepId}` && (request.headers()['rsc'] !== undefined || url.searchParams.has('_rsc'))) {
        serverRenders.push(request.url());
      }
    });
    await page.goto(`${webUrl}/sweeps/${trainedSweepId}`);
    const cells = Object.fromEntries((await readApiGrid(stack.apiUrl, trainedSweepId)).map((cell) => [testId(cell), cell.runs[0]?.id]));

    // A keyboard user tabs from the overlay switches into the grid: one tab stop, on its first cell.
    await page.getByTestId('toggle-frontier').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'cell-8-0.01');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'cell-8-0.1');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.keyboard.press('Home');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'cell-16-0.01');
    assert.equal(await page.getByTestId('cell-16-0.1').getAttribute('aria-selected'), 'true');
    // Every click toggles, as a run's checkbox does in TensorBoard or W&B: this one undoes the Space.
    await page.getByTestId('cell-16-0.1').click();
    await page.getByTestId('cell-16-0.01').click();

    await page.waitForURL((url) => url.searchParams.get('runs') === `${cells['cell-8-0.1']},${cells['cell-16-0.01']}`);
    assert.equal(await page.getByTestId('cell-8-0.1').getAttribute('aria-selected'), 'true');
    assert.equal(await page.getByTestId('cell-16-0.01').getAttribute('aria-selected'), 'true');
    assert.equal(await page.getByTestId('cell-16-0.1').getAttribute('aria-selected'), 'false');
    assert.equal(await page.getByTestId('cell-8-0.01').getAttribute('aria-selected'), null, 'a cell never run has nothing to select');
    assert.deepEqual(await page.getByTestId('selected-run').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run-id'))), [
      cells['cell-8-0.1'],
      cells['cell-16-0.01'],
    ]);
    await page.getByTestId('run-curves').waitFor();
    // Three epochs on 96 images leave this run at chance on 16 validation images of 4 classes: the cell says so, in the API's words.
    const judged = await postGraphQL<{ run: { instability: { kind: string; reason: string } | null } }>(
      stack.apiUrl,
      `query($id: ID!) { run(id: $id) { instability { kind reason } } }`,
      {
        id: cells['cell-8-0.1'],
      },
    );
    assert.equal(judged.data?.run.instability?.kind, 'CHANCE', JSON.stringify(judged));
    const label = await page.getByTestId('cell-8-0.1').getByTestId('cell-label').textContent();
    assert.equal(
      label?.replace(/ \d+\.\d %$/, ''),
      `batch 8, learning rate 0.1, succeeded: unstable: ${judged.data.run.instability.reason}, final validation accuracy`,
    );

    await page.getByTestId('metric').selectOption('finalValLoss');
    await page.getByTestId('toggle-ratio').check();
    await page.getByTestId('toggle-frontier').check();
    await page.waitForURL(
      (url) => url.searchParams.get('metric') === 'finalValLoss' && url.searchParams.get('ratio') === '1' && url.searchParams.get('frontier') === '1',
    );
    assert.match((await page.getByTestId('legend').textContent()) ?? '', /lower is better/);
    await page.getByTestId('grid-overlay').waitFor();
    assert.ok((await page.getByTestId('ratio-line').count()) >= 1);
    // A run at chance is past the stability limit, as the conclusions' frontier has it.
    assert.match((await page.getByTestId('frontier-summary').textContent()) ?? '', /batch 8: every run diverged or was unstable, from 0\.1/);
    assert.deepEqual(serverRenders, [], 'changing the view must not render the server page again');

    assert.deepEqual(await checkAccessibility(page), []);
    await mkdir(screenshots, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${screenshots}/sweep-grid-${colorScheme}.png`, fullPage: true });
      assert.deepEqual(await checkAccessibility(page), [], `in the ${colorScheme} theme`);
    }
    sharedUrl = page.url();
    await page.close();
  });

  it('shows the same selection, metric and overlays to someone who follows the link, from the first HTML on', async () => {
    assert.notEqual(sharedUrl, '');
    const runs = new URL(sharedUrl).searchParams.get('runs')!.split(',');
    const html = await (await fetch(sharedUrl)).text();
    assert.equal(html.match(/aria-selected="true"/g)?.length, 2, 'the server paints the selection');
    assert.equal(html.match(/data-testid="selected-run"/g)?.length, 2);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(sharedUrl);
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('metric').inputValue(), 'finalValLoss');
    assert.equal(await page.getByTestId('toggle-ratio').isChecked(), true);
    assert.equal(await page.getByTestId('toggle-frontier').isChecked(), true);
    await page.getByTestId('grid-overlay').waitFor();
    assert.deepEqual(await page.getByTestId('selected-run').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run-id'))), runs);
    assert.equal(await page.locator('td[aria-selected="true"]').count(), 2);
    await context.close();
  });

  it('survives an API restart mid-sweep without a reload, ending on the API values with no point drawn twice', async () => {
    const sweepId = await createSweep(
      stack.apiUrl,
      `name: "restart", preset: "smoke", cells: "8:0.1,8:0.05,16:0.1,16:0.05", epochs: 6, trainLimit: 96, valLimit: 16`,
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Every graphql-ws message each socket sent and received, to see where the stream resumed.
    const sockets: { sent: unknown[]; received: unknown[] }[] = [];
    page.on('websocket', (socket) => {
      const frames = { sent: [] as unknown[], received: [] as unknown[] };
      sockets.push(frames);
      socket.on('framesent', (frame) => frames.sent.push(JSON.parse(String(frame.payload))));
      socket.on('framereceived', (frame) => frames.received.push(JSON.parse(String(frame.payload))));
    });
    await page.goto(`${webUrl}/sweeps/${sweepId}`);
    await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 30_000 });
    const drawn = async () => Object.values(await readSparklines(page)).reduce((sum, epochs) => sum + epochs.length, 0);
    await waitFor('two epochs on the page', async () => (await drawn()) >= 2, 120_000, output);

    const storedEpochs = async () =>
      (
        await queryDatabase<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM "Epoch" e JOIN "Run" r ON r.id = e."runId" WHERE r."sweepId" = $1`, [
          Number(sweepId),
        ])
      )[0]!.n;
    const port = Number(new URL(stack.apiUrl).port);
    await stack.services[0]!.kill();
    const storedAtKill = await storedEpochs();
    await page.locator('[data-testid="connection"]:is([data-state="offline"], [data-state="reconnecting"])').waitFor({ timeout: 30_000 });
    assert.match((await page.getByTestId('connection').textContent()) ?? '', /connection lost/);
    // The worker writes to the database, not the API, so epochs go on being stored meanwhile.
    await waitFor('an epoch stored while the API is down', async () => (await storedEpochs()) > storedAtKill, 120_000, output);

    stack.services[0] = await startApiServer({ databaseUrl: db.url, port, webOrigin: webUrl });
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 60_000 });
    await waitFor(
      'the sweep to end',
      async () =>
        (
          await queryDatabase<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM "Run" WHERE "sweepId" = $1 AND status IN ('queued', 'running')`, [
            Number(sweepId),
          ])
        )[0]!.n === 0,
      240_000,
      output,
    );
    const api = await readApiGrid(stack.apiUrl, sweepId);
    await waitFor(
      'the page to show every cell as the API has it',
      async () => {
        for (const cell of api) {
          const run = cell.runs[0]!;
          if ((await page.getByTestId(testId(cell)).getAttribute('data-state')) !== run.status.toLowerCase()) return false;
        }
        return true;
      },
      30_000,
    );

    const sparklines = await readSparklines(page);
    for (const cell of api) {
      const run = cell.runs[0]!;
      assert.deepEqual(
        sparklines[run.id],
        run.epochs.map((e) => e.epoch),
        `${testId(cell)}: one point per stored epoch, none twice`,
      );
      assert.equal(await page.getByTestId(testId(cell)).getAttribute('data-value'), String(run.latestEpoch?.valAccuracy ?? ''), testId(cell));
    }
    assert.equal(await page.evaluate(() => 'loadedOnce' in window), true, 'the page must update in place, not reload');

    // The stream resumed after the newest event the page had: graphql-ws re-sent the
    // subscription with `after` advanced to that cursor, and no event came twice.
    type Message = {
      type: string;
      id?: string;
      payload?: { query?: string; variables?: { sweepId?: string; after?: string | null }; data?: { sweepEvents?: { cursor: string } } };
    };
    const streams = sockets
      .map(({ sent, received }) => {
        const subscribe = (sent as Message[]).find(
          (m) => m.type === 'subscribe' && m.payload?.variables?.sweepId === sweepId && m.payload.query?.includes('sweepEvents'),
        );
        if (subscribe === undefined) return undefined;
        const cursors = (received as Message[])
          .filter((m) => m.type === 'next' && m.id === subscribe.id)
          .map((m) => Number(m.payload!.data!.sweepEvents!.cursor));
        return { after: subscribe.payload!.variables!.after ?? null, cursors };
      })
      .filter((stream) => stream !== undefined);
    assert.ok(streams.length >= 2, `expected the stream on two sockets, got ${streams.length}`);
    const [before, resumed] = streams.slice(-2) as [(typeof streams)[number] & object, (typeof streams)[number] & object];
    assert.ok(before.cursors.length > 0, 'events arrived before the restart');
    assert.equal(Number(resumed.after), before.cursors.at(-1), 'resubscribed after the last cursor received');
    const every = streams.flatMap((stream) => stream.cursors);
    assert.deepEqual(
      every,
      [...new Set(every)].sort((a, b) => a - b),
      'cursors rise and none comes twice',
    );

    await mkdir(screenshots, { recursive: true });
    await page.screenshot({ path: `${screenshots}/sweep-grid-after-restart.png`, fullPage: true });
    await page.close();
  });
});
