import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { TestDatabase } from '@sweepscope/db/testing';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { checkAccessibility } from '../support/check-accessibility.js';
import { postGraphQL } from '../support/post-graphql.js';
import { repositoryRoot, type Service } from '../support/start-service.js';
import { startApiServer, startWorkerProcess, type Stack } from '../support/start-stack.js';
import { startWebSuite, type WebSuite } from '../support/start-web-suite.js';

const screenshots = `${repositoryRoot}/test-results`;

/** The colours (`#rrggbb`, as the browser computes them) of the lines a chart draws with a point, faint ones left out. */
async function lineColours(chart: Locator): Promise<string[]> {
  return chart.locator('[data-testid="chart-lines"] path[data-faint="false"]').evaluateAll((paths) =>
    paths
      .filter((path) => (path.getAttribute('d') ?? '') !== '')
      .map((path) => {
        const [r, g, b] = (getComputedStyle(path).stroke.match(/\d+/g) ?? []).map(Number);
        return `#${[r, g, b].map((channel) => (channel ?? 0).toString(16).padStart(2, '0')).join('')}`;
      }),
  );
}

/** The theme's colour of a palette slot (1-based), as `#rrggbb`. */
async function seriesColour(page: Page, slot: number): Promise<string> {
  return page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(`--series-${n}`).trim().toLowerCase(), slot);
}

describe('run curves, the run page and the compare page in Chromium', () => {
  let suite: WebSuite | undefined;
  let db: TestDatabase;
  let stack: Stack;
  let worker: Service | undefined;
  let restartedApi: Service | undefined;
  let browser: Browser;
  let page: Page;
  let webUrl: string;
  let runA: string;
  let runB: string;
  const pageErrors: string[] = [];

  before(async () => {
    // No worker yet: the run page must be open before anything trains, to see its table grow live.
    suite = await startWebSuite({ worker: false });
    ({ db, stack, webUrl, browser } = suite);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // The text of a failed load does not say what failed to load: the location does.
      if (message.type() === 'error') pageErrors.push(`${message.text()} (${message.location().url})`);
    });
    const created = await postGraphQL<{ createSweep: { runs: { id: string; batchSize: number }[] } }>(
      stack.apiUrl,
      `mutation { createSweep(input: { name: "curves test", preset: "smoke", cells: "8:0.1,16:0.01", epochs: 3, trainLimit: 16, valLimit: 8 }) { runs { id batchSize } } }`,
    );
    const runs = created.data!.createSweep.runs;
    runA = runs.find((run) => run.batchSize === 8)!.id;
    runB = runs.find((run) => run.batchSize === 16)!.id;
    await mkdir(screenshots, { recursive: true });
  });
  after(() => suite?.stop(worker, restartedApi));

  it("cancels a queued run, retries it keeping its epochs, starts it over as its next attempt, and shows each attempt's epochs", async () => {
    await page.goto(`${webUrl}/runs/${runB}`);
    await page.getByTestId('run-status').filter({ hasText: 'queued' }).waitFor();
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page.getByTestId('run-status').filter({ hasText: 'cancelled' }).waitFor();
    await page.getByRole('button', { name: 'Retry run' }).click();
    await page.getByTestId('run-status').filter({ hasText: 'queued' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Retry run' }).count(), 0);
    // A plain retry resumes the same attempt, and says so among the run's interruptions.
    const interruption = page.getByTestId('run-interruption');
    await interruption.waitFor();
    assert.match((await interruption.textContent()) ?? '', /^Retried at .+ before its first epoch, keeping its epochs; waiting for a worker to resume it\.$/);

    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page.getByTestId('run-status').filter({ hasText: 'cancelled' }).waitFor();
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByTestId('run-status').filter({ hasText: 'queued' }).waitFor();

    // Two attempts now: the first, cancelled before any epoch, is still there to look at.
    const picker = page.getByTestId('attempt-picker');
    assert.equal(await picker.inputValue(), '2');
    await picker.selectOption('1');
    await page.waitForURL(/attempt=1/);
    assert.match((await page.getByTestId('epoch-table-empty').textContent()) ?? '', /No epoch of attempt 1/);
    await picker.selectOption('2');
    await page.waitForURL((url) => !url.searchParams.has('attempt'));
  });

  it('grows the epoch table of a run live to 3 rows without a reload', async () => {
    await page.goto(`${webUrl}/runs/${runA}`);
    await page.getByTestId('run-settings').waitFor();
    await page.getByTestId('run-status').filter({ hasText: 'queued' }).waitFor();
    await page.getByRole('button', { name: 'Cancel run' }).waitFor();
    // Survives only if the page updates in place: a reload would start a new window object.
    await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 30_000 });

    worker = await startWorkerProcess(db.url);
    const rows = page.getByTestId('epoch-row');
    await rows.first().waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="epoch-row"]').length === 3, undefined, { timeout: 120_000 });
    assert.equal(await rows.count(), 3);
    await page.getByTestId('run-status').filter({ hasText: 'succeeded' }).waitFor({ timeout: 60_000 });
    assert.equal(await page.evaluate(() => 'loadedOnce' in window), true, 'the page must update in place, not reload');
    // The curves grew with it: train and validation of one run, three epochs each.
    await page.locator('[data-testid="curves-loss"][data-lines="2"]').waitFor();
    // A succeeded run can be neither cancelled nor retried.
    assert.equal(await page.getByRole('button', { name: 'Cancel run' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Retry run' }).count(), 0);
  });

  it("sends a run's settings and epoch table in the first HTML, and a 404 for an unknown run", async () => {
    const response = await fetch(`${webUrl}/runs/${runA}`);
    const html = await response.text();
    assert.equal(response.status, 200);
    assert.match(html, /data-testid="run-settings"/);
    assert.equal(html.match(/data-testid="epoch-row"/g)?.length, 3);
    assert.match(html, /<title>Run \d+ · batch 8 · lr 0.1 · Sweepscope<\/title>/);
    assert.equal((await fetch(`${webUrl}/runs/99999`)).status, 404);
    assert.equal((await fetch(`${webUrl}/runs/not-a-number`)).status, 404);
  });

  it("overlays two runs' curves on /compare, each run drawn in its own colour", async () => {
    // Both runs must have trained: the worker takes them one after the other.
    await page.goto(`${webUrl}/runs/${runB}`);
    await page.getByTestId('run-status').filter({ hasText: 'succeeded' }).waitFor({ timeout: 180_000 });

    await page.goto(`${webUrl}/compare?runs=${runA},${runB}`);
    assert.equal(await page.getByTestId('compare-column').count(), 2);
    for (const metric of ['loss', 'accuracy']) {
      await page.locator(`[data-testid="curves-${metric}"][data-series="2"][data-lines="4"]`).waitFor({ timeout: 30_000 });
      // The legend inside the drawing: train and validation of each run.
      const legend = page.locator(`[data-testid="chart-${metric}"] [data-testid="chart-legend"] > g`);
      assert.equal(await legend.count(), 4);
      assert.match((await legend.nth(0).textContent()) ?? '', new RegExp(`run ${runA} · b 8 · lr 0.1 · rep 1 train`));
    }
    const lossChart = page.getByTestId('chart-loss');
    assert.match((await lossChart.locator('svg[role="img"]').getAttribute('aria-label')) ?? '', /Loss chart of 2 series against epoch/);
    // Hovering shows the epoch and each line's value there.
    await lossChart.getByTestId('chart-pointer-area').hover();
    const readout = lossChart.getByTestId('chart-readout');
    assert.equal(await readout.getByTestId('readout-row').count(), 4);
    assert.match((await readout.locator('div').first().textContent()) ?? '', /^epoch [1-3]$/);
    for (const value of await readout.getByTestId('readout-value').allTextContents()) assert.match(value, /^\d+(\.\d+)?$/);
    await page.mouse.move(0, 0);
    await readout.waitFor({ state: 'detached' });
    const colours = await lineColours(lossChart);
    assert.equal(colours.length, 4);
    for (const slot of [1, 2]) {
      const colour = await seriesColour(page, slot);
      assert.equal(
        colours.filter((drawn) => drawn === colour).length,
        2,
        `expected run ${slot}'s train and validation lines in ${colour}, got ${colours.join(', ')}`,
      );
    }

    // The settings that differ are marked in words, not by colour alone.
    const batchRow = page.getByTestId('compare-row-batchSize');
    assert.equal(await batchRow.getAttribute('data-differs'), 'true');
    assert.match((await batchRow.getByTestId('differs-marker').textContent()) ?? '', /differs across runs/);
    assert.equal(await page.getByTestId('compare-row-dataset').getAttribute('data-differs'), 'false');
  });

  it('keeps the log axis and smoothing in the URL, through a reload', async () => {
    await page.getByTestId('curves-log').check();
    await page.waitForURL(/logloss=1/);
    const slider = page.getByTestId('curves-smoothing');
    await slider.focus();
    for (let i = 0; i < 60; i += 1) await page.keyboard.press('ArrowRight');
    await page.waitForURL(/smoothing=0\.6(&|$)/);

    await page.reload();
    await page.locator('[data-testid="curves-loss"][data-lines="4"]').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('curves-log').isChecked(), true);
    assert.equal(await page.getByTestId('curves-smoothing').inputValue(), '0.6');
    assert.match(page.url(), /logloss=1/);
    // The raw values stay behind the smoothed lines: four more series, left out of the legend.
    assert.equal(await page.locator('[data-testid="chart-loss"] [data-testid="chart-lines"] path[data-faint="true"]').count(), 4);
    assert.equal(await page.locator('[data-testid="chart-loss"] [data-testid="chart-legend"] > g').count(), 4);
    assert.match((await page.getByTestId('chart-loss').textContent()) ?? '', /smoothed \(EMA weight 0.6\)/);
  });

  it('removes a run from the comparison and adds it back by id', async () => {
    await page.getByRole('button', { name: `Remove run ${runB}` }).click();
    await page.waitForURL((url) => url.searchParams.get('runs') === runA);
    await page.locator('[data-testid="curves-loss"][data-series="1"]').waitFor();
    const form = page.getByTestId('add-run');
    await form.getByLabel('Add a run by id').fill(runA);
    await form.getByRole('button', { name: 'Add' }).click();
    assert.match((await form.getByRole('alert').textContent()) ?? '', /compared already/);
    await form.getByLabel('Add a run by id').fill(runB);
    await form.getByRole('button', { name: 'Add' }).click();
    await page.waitForURL((url) => url.searchParams.get('runs') === `${runA},${runB}`);
    await page.locator('[data-testid="curves-loss"][data-series="2"]').waitFor({ timeout: 30_000 });
  });

  it('combines the repeats of a cell into a mean with a ±1 sd band, and says which runs an x-axis cannot place', async () => {
    const importMutation = `mutation($input: ImportResultsInput!) { importResults(input: $input) { runs { id repeat } } }`;
    const rows = ['batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,duration_ms,noise_scale'];
    for (const [repeat, shift] of [
      [1, 0],
      [2, 0.2],
      [3, -0.15],
    ] as const) {
      [2.2, 1.6, 1.2, 1.0].forEach((loss, i) =>
        rows.push(
          `32,0.1,${repeat},${i + 1},${loss + shift},${0.3 + 0.1 * i},${loss + 0.2 + shift},${0.25 + 0.1 * i - shift / 4},${1000 + 100 * repeat},${200 + 30 * i + 10 * repeat}`,
        ),
      );
    }
    const repeats = await postGraphQL<{ importResults: { runs: { id: string }[] } }>(stack.apiUrl, importMutation, {
      input: { format: 'CSV', content: rows.join('\n'), name: 'imported repeats', dataset: 'fashion-mnist', trainLimit: 1000 },
    });
    assert.equal(repeats.errors, undefined, JSON.stringify(repeats.errors));
    const flowers = await postGraphQL<{ importResults: { runs: { id: string }[] } }>(stack.apiUrl, importMutation, {
      input: {
        format: 'CSV',
        content: 'batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy\n64,0.01,1,1.9,0.4,2.0,0.35',
        name: 'flowers',
        dataset: 'tf_flowers',
      },
    });
    const repeatIds = repeats.data!.importResults.runs.map((run) => run.id);
    const flowersId = flowers.data!.importResults.runs[0]!.id;

    await page.goto(`${webUrl}/compare?runs=${[...repeatIds, flowersId].join(',')}&combine=1`);
    // One cell of three repeats and the other run: two groups, and a band for train and one for validation.
    await page.locator('[data-testid="curves-loss"][data-series="2"][data-lines="4"]').waitFor({ timeout: 30_000 });
    // The runs' epochs arrive one run at a time: two repeats already draw the same lines and band.
    await page.getByTestId('chart-loss').filter({ hasText: 'b 32 · lr 0.1 · mean of 3 repeats' }).waitFor({ timeout: 30_000 });
    assert.match((await page.getByTestId('chart-loss').textContent()) ?? '', /band of ±1 standard deviation/);
    const bands = await page
      .locator('[data-testid="chart-loss"] [data-testid="chart-bands"] path')
      .evaluateAll((paths) => paths.map((path) => path.getAttribute('d') ?? ''));
    assert.equal(bands.filter((d) => d.endsWith('Z')).length, 2, `expected a train and a validation band, got ${JSON.stringify(bands)}`);
    // The gradient noise scale has its own chart, one line a group (the flowers run measured none), the repeats banded.
    await page.locator('[data-testid="curves-noiseScale"][data-series="2"][data-lines="2"]').waitFor();
    // Repeat 1, 2, 3 at epoch 4: 300, 310, 320 images; their mean 310.
    assert.match((await page.getByTestId('chart-noiseScale').textContent()) ?? '', /mean of 3 repeats · sweep \d+: at epoch 4, 310 images\./);
    await page.locator('[data-testid="compare-row-dataset"][data-differs="true"]').waitFor();

    await page.getByTestId('curves-x-axis').selectOption('steps');
    await page.waitForURL(/xaxis=steps/);
    assert.match(
      (await page.getByTestId('curves-omitted').textContent()) ?? '',
      new RegExp(`Run ${flowersId} is not drawn against optimizer steps: its sweep sets no train limit`),
    );
    await page.locator('[data-testid="curves-loss"][data-series="1"]').waitFor();
    assert.match((await page.getByTestId('chart-loss').textContent()) ?? '', /optimizer steps \(training images per the train limit\)/);
    await page.screenshot({ path: `${screenshots}/curves-compare-repeats.png`, fullPage: true });
    await page.goto(`${webUrl}/compare?runs=${runA},${runB}`);
  });

  it('downloads a chart as a PNG', async () => {
    // Once both runs are drawn, so that the saved image shows them.
    await page.locator('[data-testid="curves-loss"][data-lines="4"]').waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId('chart-loss')
        .getByRole('button', { name: /Download PNG/ })
        .click(),
    ]);
    assert.equal(download.suggestedFilename(), 'loss.png');
    const path = `${screenshots}/curves-loss-download.png`;
    await download.saveAs(path);
    const bytes = await readFile(path);
    assert.deepEqual([...bytes.subarray(1, 4)], [...Buffer.from('PNG')]);
  });

  it('passes the accessibility check on both pages, in light and dark, and saves screenshots', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const [name, path] of [
        ['run', `/runs/${runA}`],
        ['compare', `/compare?runs=${runA},${runB}`],
      ] as const) {
        await page.goto(`${webUrl}${path}`);
        await page.locator('[data-testid="curves-loss"][data-lines]').first().waitFor();
        await page.locator('[data-testid="chart-loss"] svg[role="img"]').waitFor();
        await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 30_000 });
        assert.deepEqual(await checkAccessibility(page), [], `${name} page, ${colorScheme}`);
        await page.screenshot({ path: `${screenshots}/curves-${name}-${colorScheme}.png`, fullPage: true });
      }
    }
    assert.deepEqual(pageErrors, []);
  });

  it("resumes a run's stream after its newest cursor when the API restarts, with no point twice", async () => {
    const created = await postGraphQL<{ createSweep: { runs: { id: string }[] } }>(
      stack.apiUrl,
      `mutation { createSweep(input: { name: "outage", preset: "smoke", cells: "8:0.1", epochs: 5, trainLimit: 16, valLimit: 8 }) { runs { id } } }`,
    );
    const runId = created.data!.createSweep.runs[0]!.id;
    const subscribes: { query: string; variables: Record<string, unknown> }[] = [];
    page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => {
        const message = JSON.parse(String(payload)) as { type: string; payload?: { query: string; variables: Record<string, unknown> } };
        if (message.type === 'subscribe' && message.payload) subscribes.push(message.payload);
      }),
    );
    await page.goto(`${webUrl}/runs/${runId}`);
    const badge = page.getByTestId('connection');
    await badge.filter({ hasText: /^live$/ }).waitFor({ timeout: 30_000 });
    await page.getByTestId('epoch-row').first().waitFor({ timeout: 60_000 });

    const [api] = stack.services;
    await api!.stop();
    await badge.filter({ hasText: 'connection lost' }).waitFor({ timeout: 30_000 });
    const before = subscribes.length;
    restartedApi = await startApiServer({ databaseUrl: db.url, port: Number(new URL(stack.apiUrl).port), webOrigin: webUrl });
    await badge.filter({ hasText: /^live$/ }).waitFor({ timeout: 30_000 });

    await page.waitForFunction(() => document.querySelectorAll('[data-testid="epoch-row"]').length === 5, undefined, { timeout: 120_000 });
    await page.locator('[data-testid="curves-loss"][data-points="5"]').waitFor({ timeout: 30_000 });
    // Sent again on reconnection, the run's stream asked only for what came after the newest event it had.
    const resent = subscribes.slice(before).find((payload) => payload.query.includes('runEpochs'));
    assert.ok(resent, 'expected the runEpochs subscription to be sent again after the restart');
    assert.equal(resent.variables['runId'], runId);
    assert.match(String(resent.variables['after']), /^\d+$/);
    const first = subscribes.find((payload) => payload.query.includes('runEpochs') && payload.variables['runId'] === runId);
    assert.equal(first?.variables['after'], null);
    assert.deepEqual(
      pageErrors.filter((text) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(text)),
      [],
    );
  });
});
