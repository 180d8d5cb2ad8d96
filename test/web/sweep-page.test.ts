import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { queryDatabase, type TestDatabase } from '@sweepscope/db/testing';
import { type Browser } from 'playwright-core';
import { checkAccessibility } from '../support/check-accessibility.js';
import { postGraphQL } from '../support/post-graphql.js';
import { repositoryRoot, type Service } from '../support/start-service.js';
import { startWorkerProcess, type Stack } from '../support/start-stack.js';
import { startWebSuite, type WebSuite } from '../support/start-web-suite.js';

const screenshots = `${repositoryRoot}/test-results`;

describe('sweep page in Chromium', () => {
  let suite: WebSuite | undefined;
  let db: TestDatabase;
  let stack: Stack;
  let worker: Service | undefined;
  let browser: Browser;
  let webUrl: string;

  before(async () => {
    // No worker yet: the page must be open before anything trains, to see the change live.
    suite = await startWebSuite({ worker: false });
    ({ db, stack, webUrl, browser } = suite);
  });
  after(() => suite?.stop(worker));

  it('shows a cell change from queued to trained live, without a reload, when its epoch lands', async () => {
    const created = await postGraphQL<{ createSweep: { id: string } }>(
      stack.apiUrl,
      `mutation { createSweep(input: { name: "browser test", preset: "smoke", cells: "8:0.1,16:0.01", epochs: 1, trainLimit: 16, valLimit: 8 }) { id } }`,
    );
    const sweepId = created.data!.createSweep.id;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${webUrl}/sweeps/${sweepId}`);
    // Survives only if the page updates in place: a reload would start a new window object.
    await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
    const cell = page.getByTestId('cell-8-0.1');
    await cell.getByTestId('cell-status').filter({ hasText: 'queued' }).waitFor({ timeout: 30_000 });
    assert.equal((await cell.getByTestId('cell-value').textContent())?.trim(), '–');
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 30_000 });
    // The other learning rate of this batch size was never asked for: an empty cell that says so.
    const empty = page.getByTestId('cell-8-0.01');
    assert.equal((await empty.getByTestId('cell-status').textContent())?.trim(), 'never run');
    assert.equal(await page.getByRole('gridcell', { name: 'batch 8, learning rate 0.01, never run' }).count(), 1);

    worker = await startWorkerProcess(db.url);
    await cell.getByTestId('cell-status').filter({ hasText: 'succeeded' }).waitFor({ timeout: 120_000 });
    assert.match((await cell.getByTestId('cell-value').textContent()) ?? '', /^\s*\d+(\.\d)?\s*%/);
    assert.equal(await page.evaluate(() => 'loadedOnce' in window), true, 'the page must update in place, not reload');

    // Selecting the cell puts its run in the URL and lists it below the grid.
    await cell.click();
    await page.waitForURL(/[?&]runs=\d+/);
    assert.equal(await cell.getAttribute('aria-selected'), 'true');
    await page.getByTestId('selected-run').first().waitFor();
    // Below the grid, the selected runs' curves.
    await page.getByTestId('run-curves').waitFor();
    await page.getByTestId('cell-16-0.01').getByTestId('cell-status').filter({ hasText: 'succeeded' }).waitFor({ timeout: 120_000 });
    assert.match((await page.getByTestId('eta').textContent()) ?? '', /done/);

    assert.deepEqual(await checkAccessibility(page), []);
    await mkdir(screenshots, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${screenshots}/sweep-page-${colorScheme}.png`, fullPage: true });
      assert.deepEqual(await checkAccessibility(page), [], `in the ${colorScheme} theme`);
    }
  });

  it('shows runs imported into the open sweep, in a row of their own, without a reload', async () => {
    const created = await postGraphQL<{ createSweep: { id: string } }>(
      stack.apiUrl,
      `mutation { createSweep(input: { name: "import while open", preset: "smoke", cells: "8:0.1", epochs: 1, trainLimit: 16, valLimit: 8 }) { id } }`,
    );
    const sweepId = created.data!.createSweep.id;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${webUrl}/sweeps/${sweepId}`);
    await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('cell-64-0.1').count(), 0);

    // A batch size the grid does not have: only a new read of the sweep can show its row.
    const content = ['batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy', '64,0.1,1,1,1.1,0.6,1.2,0.55'].join('\n');
    const imported = await postGraphQL(stack.apiUrl, `mutation($input: ImportResultsInput!) { importResults(input: $input) { id } }`, {
      input: { format: 'CSV', content, sweepId },
    });
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));

    const cell = page.getByTestId('cell-64-0.1');
    await cell.getByTestId('cell-status').filter({ hasText: 'succeeded' }).waitFor({ timeout: 30_000 });
    assert.equal((await cell.getByTestId('cell-value').textContent())?.trim(), '55.0%');
    assert.equal(await page.evaluate(() => 'loadedOnce' in window), true, 'the page must update in place, not reload');
    await page.close();
  });

  /** Imports epochs as CSV rows of `batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy` into a new sweep. */
  async function importSweep(rows: string[], filename: string, settings: Record<string, unknown> = {}): Promise<string> {
    const content = ['batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy', ...rows].join('\n');
    const imported = await postGraphQL<{ importResults: { id: string } }>(
      stack.apiUrl,
      `mutation($input: ImportResultsInput!) { importResults(input: $input) { id } }`,
      {
        input: { format: 'CSV', content, filename, ...settings },
      },
    );
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    return imported.data!.importResults.id;
  }

  /** Gives runs of a sweep a status, as a worker would have left them. */
  async function setStatus(sweepId: string, where: string, status: string): Promise<void> {
    await queryDatabase(db.url, `UPDATE "Run" SET status = $2::"RunStatus", "finishedAt" = now() WHERE "sweepId" = $1 AND ${where}`, [Number(sweepId), status]);
  }

  it("keeps a cell's state and its repeat count apart: 'cancelled' beside 'n=1/2', each whole", async () => {
    const sweepId = await importSweep(['8,0.1,1,1,1.1,0.6,1.2,0.55', '8,0.1,2,1,1.1,0.6,1.2,0.5'], 'repeats.csv');
    await queryDatabase(db.url, `DELETE FROM "Epoch" WHERE "runId" IN (SELECT id FROM "Run" WHERE "sweepId" = $1 AND repeat = 2)`, [Number(sweepId)]);
    await setStatus(sweepId, 'repeat = 2', 'cancelled');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${webUrl}/sweeps/${sweepId}`);
    const cell = page.getByTestId('cell-8-0.1');
    const [status, count] = [cell.getByTestId('cell-status'), cell.getByTestId('cell-count')];
    await status.filter({ hasText: 'cancelled' }).waitFor({ timeout: 30_000 });
    assert.equal(await count.textContent(), 'n=1/2');
    await cell.screenshot({ path: `${screenshots}/cell-state-and-count.png` });
    const [statusBox, countBox, cellBox] = await Promise.all([status.boundingBox(), count.boundingBox(), cell.boundingBox()]);
    assert.ok(statusBox !== null && countBox !== null && cellBox !== null);
    const apart =
      statusBox.x + statusBox.width <= countBox.x ||
      countBox.x + countBox.width <= statusBox.x ||
      statusBox.y + statusBox.height <= countBox.y ||
      countBox.y + countBox.height <= statusBox.y;
    assert.ok(apart, `the state and the count do not overlap: ${JSON.stringify({ statusBox, countBox })}`);
    assert.ok(countBox.x + countBox.width <= cellBox.x + cellBox.width, 'the count stays inside the cell');
    assert.equal(await status.evaluate((element) => element.scrollWidth <= element.clientWidth), true, "'⊘ cancelled' is not cut short");
    await page.close();
  });

  it("calls a sweep whose runs diverged 'finished with 2 diverged', not 'failed', on its page, in the list and on its conclusions", async () => {
    const sweepId = await importSweep(['8,0.01,1,1,1.1,0.6,1.2,0.55', '8,0.1,1,1,2.1,0.1,9.2,0.1', '8,1,1,1,2.3,0.1,9.9,0.1'], 'diverged.csv');
    await setStatus(sweepId, '"learningRate" >= 0.1', 'diverged');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const path of [`/sweeps/${sweepId}`, `/sweeps/${sweepId}/conclusions`]) {
      await page.goto(`${webUrl}${path}`);
      assert.equal((await page.getByTestId('sweep-status').textContent())?.trim(), 'finished with 2 diverged', path);
    }
    await page.goto(webUrl);
    const row = page.getByTestId('sweep-row').filter({ hasText: 'diverged.csv' });
    assert.equal((await row.getByTestId('sweep-status').textContent())?.trim(), 'finished with 2 diverged');
    const listed = await postGraphQL<{ sweep: { status: string } }>(stack.apiUrl, `query ($id: ID!) { sweep(id: $id) { status } }`, { id: sweepId });
    assert.equal(listed.data?.sweep.status, 'SUCCEEDED', 'and the API calls it succeeded, not failed');
    await page.close();
  });

  it('writes learning rates as they are written: 3e-5 and 1e20 in the headers and names, not 0.00003 and twenty zeros', async () => {
    const created = await postGraphQL<{ createSweep: { id: string } }>(
      stack.apiUrl,
      `mutation { createSweep(input: { name: "extreme rates", preset: "smoke", batchSizes: [8], learningRates: [0.00003, 1e20], epochs: 1 }) { id } }`,
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const sweepId = created.data!.createSweep.id;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${webUrl}/sweeps/${sweepId}`);
    const headers = await page.locator('th[data-grid-col]').allTextContents();
    assert.deepEqual(headers, ['3e-5', '1e20']);
    assert.match((await page.getByTestId(`cell-8-${String(1e20)}`).getAttribute('title')) ?? '', /^batch 8, learning rate 1e20: /);
    await postGraphQL(stack.apiUrl, `mutation ($id: ID!) { cancelSweep(id: $id) { id } }`, { id: sweepId });
    await page.close();
  });

  it('says where an imported sweep came from, and shows only the settings its import stated, on its page, in the list and on its runs', async () => {
    const sweepId = await importSweep(['32,0.1,1,1,1.1,0.6,1.2,0.55', '32,0.1,1,2,0.9,0.7,1.0,0.6'], 'colab.csv', { inputSize: 160 });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${webUrl}/sweeps/${sweepId}`);
    assert.equal((await page.getByTestId('sweep-imported-from').textContent())?.trim(), 'Imported from colab.csv.');
    // As shown, terms in capitals.
    const settings = (await page.getByTestId('sweep-settings').innerText()).replace(/\s+/g, ' ').toLowerCase();
    assert.match(settings, /input 160×160 px/, 'the setting it stated');
    for (const claim of ['mobilenetv2', 'bn momentum', 'seed', 'early stopping', 'pruning', 'noise scale', 'data set']) {
      assert.ok(!settings.includes(claim), `no ${claim}: the import never said (${settings})`);
    }
    assert.deepEqual(await checkAccessibility(page), []);
    await page
      .locator('header')
      .nth(1)
      .screenshot({ path: `${screenshots}/imported-sweep-header.png` });

    await page.goto(webUrl);
    const row = page.getByTestId('sweep-row').filter({ hasText: 'colab.csv (imported)' });
    const listed = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(listed, /colab\.csv \(imported\) ?imported/, 'an "imported" badge');
    assert.ok(!listed.includes('seed') && !listed.includes('unnamed'), `no "seed" preset badge, no data set it never named: ${listed}`);

    const runs = await postGraphQL<{ sweep: { runs: { id: string }[] } }>(stack.apiUrl, `query ($id: ID!) { sweep(id: $id) { runs { id } } }`, { id: sweepId });
    await page.goto(`${webUrl}/runs/${runs.data!.sweep.runs[0]!.id}`);
    const runPage = (await page.locator('main').innerText()).replace(/\s+/g, ' ').toLowerCase();
    assert.match(runPage, /source imported from colab\.csv/);
    assert.ok(!runPage.includes('mobilenetv2') && !runPage.includes('seed'), `the run page claims nothing either: ${runPage.slice(0, 400)}`);
    await page.close();
  });

  it('links a selection to its runs and to Compare, a run back to its cell, and puts breadcrumbs on every page', async () => {
    const sweepId = await importSweep(['8,0.1,1,1,1.1,0.6,1.2,0.55', '16,0.01,1,1,1.3,0.5,1.4,0.45'], 'links.csv');
    const read = await postGraphQL<{ sweep: { runs: { id: string; batchSize: number }[] } }>(
      stack.apiUrl,
      `query ($id: ID!) { sweep(id: $id) { runs { id batchSize } } }`,
      {
        id: sweepId,
      },
    );
    const idOf = (batchSize: number) => read.data!.sweep.runs.find((run) => run.batchSize === batchSize)!.id;
    const crumbs = async () => (await page.getByRole('navigation', { name: 'Breadcrumbs' }).innerText()).replace(/\s+/g, ' ').trim();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${webUrl}/sweeps/${sweepId}`);
    assert.equal(await crumbs(), 'All sweeps / links.csv (imported) · Runs table · Conclusions');
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('cell-8-0.1').click();
    await page.getByTestId('cell-16-0.01').click();
    await page.getByTestId('selected-run').nth(1).waitFor();

    // The selection opens Compare with both runs.
    await page.getByTestId('compare-selected').click();
    await page.waitForURL((url) => url.pathname === '/compare' && url.searchParams.get('runs') === `${idOf(8)},${idOf(16)}`);
    await page.getByRole('link', { name: `Run ${idOf(16)}` }).waitFor();
    assert.equal(await crumbs(), 'All sweeps / Compare');
    assert.deepEqual(await checkAccessibility(page), [], 'the compare page');

    // A selected run's row opens its page, whose crumbs lead back to its cell and its sweep.
    await page.goBack();
    await page.getByTestId('selected-run-link').first().click();
    await page.waitForURL((url) => url.pathname === `/runs/${idOf(8)}`);
    assert.equal(await crumbs(), 'All sweeps / links.csv (imported) / batch 8 · lr 0.1');
    assert.deepEqual(await checkAccessibility(page), [], 'the run page');
    await page.getByTestId('run-cell-link').click();
    await page.waitForURL((url) => url.pathname === `/sweeps/${sweepId}` && url.searchParams.get('runs') === idOf(8));
    assert.equal(await page.getByTestId('cell-8-0.1').getAttribute('aria-selected'), 'true', 'the run is selected in its cell');

    await page.getByTestId('conclusions-link').click();
    await page.waitForURL((url) => url.pathname === `/sweeps/${sweepId}/conclusions`);
    assert.equal(await crumbs(), 'All sweeps / links.csv (imported) / Conclusions');
    await page.close();
  });
});
