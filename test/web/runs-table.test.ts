import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { queryDatabase } from '@sweepscope/db/testing';
import type { Browser, Page } from 'playwright-core';
import { checkAccessibility } from '../support/check-accessibility.js';
import { postGraphQL } from '../support/post-graphql.js';
import { repositoryRoot } from '../support/start-service.js';
import type { Stack } from '../support/start-stack.js';
import { startWebSuite, type WebSuite } from '../support/start-web-suite.js';

const screenshots = `${repositoryRoot}/test-results`;

// An imported sweep of four cells, 32×0.1 twice, whose best and final validation accuracies differ.
const importedTable = [
  'batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,duration_ms,images_per_second',
  '32,0.1,1,1,1.5,0.5,1.6,0.45,1200,410',
  '32,0.1,1,2,0.9,0.7,1.1,0.61,1180,430',
  '32,0.1,2,1,1.4,0.55,1.5,0.52,1100,420',
  '64,0.01,1,1,1.2,0.6,1.3,0.83,900,800',
  '64,0.01,1,2,1.0,0.65,1.2,0.74,900,820',
  '128,0.001,1,1,2.2,0.2,2.3,0.15,700,1500',
  '128,0.1,1,1,2.0,0.3,2.1,0.33,700,1400',
].join('\n');

async function importSweep(apiUrl: string, name: string, content: string): Promise<string> {
  const imported = await postGraphQL<{ importResults: { id: string } }>(
    apiUrl,
    'mutation ($input: ImportResultsInput!) { importResults(input: $input) { id } }',
    { input: { format: 'CSV', content, filename: `${name}.csv`, name } },
  );
  assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
  return imported.data!.importResults.id;
}

/** The rows the table holds in the document: each run's id, and its cells' text by column. */
function readRows(page: Page): Promise<{ id: string; cells: string[] }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLTableRowElement>('[data-testid="run-row"]')).map((row) => ({
      id: row.dataset['runId'] ?? '',
      cells: Array.from(row.cells).map((cell) => cell.textContent ?? ''),
    })),
  );
}

/** The index of a column by its header's words, counting the selection column. */
async function columnIndex(page: Page, label: string): Promise<number> {
  const headers = await page.locator('[data-testid="runs-table"] thead th').allTextContents();
  const index = headers.findIndex((text) => text.replace(/[▲▼]/g, '').trim() === label);
  assert.notEqual(index, -1, `no column ${label} in ${headers.join(' | ')}`);
  return index;
}

/** Waits until the table shows this many runs and is not fetching. */
async function waitForCount(page: Page, count: string): Promise<void> {
  await page
    .getByTestId('run-count')
    .filter({ hasText: new RegExp(`^${count} runs?$`) })
    .waitFor();
  await page.locator('[data-testid="runs-table"][aria-busy="false"], [data-testid="empty"]').first().waitFor();
}

describe('runs table in Chromium', () => {
  let suite: WebSuite | undefined;
  let stack: Stack;
  let webUrl: string;
  let browser: Browser;
  let importedId = '';
  let queuedId = '';
  let failedRunId = '';

  before(async () => {
    suite = await startWebSuite({ worker: false });
    ({ stack, webUrl, browser } = suite);
    importedId = await importSweep(stack.apiUrl, 'gamma sweep', importedTable);
    const created = await postGraphQL<{ createSweep: { id: string; runs: { id: string }[] } }>(
      stack.apiUrl,
      'mutation { createSweep(input: { preset: "smoke", name: "delta sweep", cells: "8:0.1,16:0.1" }) { id runs { id } } }',
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    queuedId = created.data!.createSweep.id;
    failedRunId = created.data!.createSweep.runs[1]!.id;
    // No worker trains here: the failure is written as a worker's end would leave it.
    await queryDatabase(
      suite.db.url,
      `UPDATE "Run" SET status = 'failed', worker = 'box:7', "startedAt" = now() - interval '90 seconds', "finishedAt" = now() WHERE id = ${Number(failedRunId)}`,
    );
  });
  after(async () => {
    await suite?.stop();
  });

  it("lists a sweep's runs from its page's link, and every sweep's runs with their sweep from the header's; an unknown sweep is a 404", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${webUrl}/sweeps/${importedId}`);
    await page.getByTestId('runs-table-link').click();
    await page.waitForURL(`${webUrl}/sweeps/${importedId}/runs`);
    await waitForCount(page, '5');
    const crumbs = (await page.getByRole('navigation', { name: 'Breadcrumbs' }).innerText()).replace(/\s+/g, ' ').trim();
    assert.equal(crumbs, 'All sweeps / gamma sweep / Runs · Conclusions');
    const rows = await readRows(page);
    const cell = await columnIndex(page, 'Cell');
    assert.deepEqual(
      rows.map((row) => row.cells[cell]),
      ['32 × 0.1', '32 × 0.1', '64 × 0.01', '128 × 0.001', '128 × 0.1'],
      'by cell, as the grid reads',
    );
    assert.equal(await page.locator('[data-testid="runs-table"] thead th', { hasText: 'Sweep' }).count(), 0, 'one sweep needs no sweep column');

    const missing = await page.goto(`${webUrl}/sweeps/999999/runs`);
    assert.equal(missing?.status(), 404, 'a sweep that does not exist has no runs page');
    await page.getByTestId('not-found').waitFor();

    await page.getByTestId('nav-runs').click();
    await page.waitForURL(`${webUrl}/runs`);
    await page.getByTestId('run-count').waitFor();
    const sweep = await columnIndex(page, 'Sweep');
    const sweeps = new Set((await readRows(page)).map((row) => row.cells[sweep]));
    assert.ok(sweeps.has('gamma sweep') && sweeps.has('delta sweep'), [...sweeps].join(', '));
    await page.close();
  });

  it('sorts by a column clicked, or pressed with the keyboard, each way, with aria-sort saying which', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${webUrl}/sweeps/${importedId}/runs`);
    await waitForCount(page, '5');
    const best = await columnIndex(page, 'Best val. acc.');
    const header = page.locator('[data-testid="runs-table"] thead th').nth(best);
    const bestValues = async () => (await readRows(page)).map((row) => row.cells[best]);

    await page.getByTestId('sort-bestValAccuracy').click();
    await page.waitForURL(/sort=bestValAccuracy/);
    await header.and(page.locator('[aria-sort="descending"]')).waitFor();
    await waitForCount(page, '5');
    assert.deepEqual(await bestValues(), ['83.0%', '61.0%', '52.0%', '33.0%', '15.0%']);

    await page.getByTestId('sort-bestValAccuracy').focus();
    await page.keyboard.press('Enter');
    await header.and(page.locator('[aria-sort="ascending"]')).waitFor();
    await waitForCount(page, '5');
    assert.deepEqual(await bestValues(), ['15.0%', '33.0%', '52.0%', '61.0%', '83.0%']);
    assert.equal(await page.locator('[data-testid="runs-table"] th[aria-sort]').count(), 1, 'only the sorted column says how it is sorted');
    await page.close();
  });

  it('filters by status and batch size and searches, keeping the view in the URL across a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${webUrl}/runs`);
    await page.getByTestId('run-count').waitFor();
    await page.getByTestId('status-failed').check();
    await page.waitForURL(/status=failed/);
    await waitForCount(page, '1');
    assert.deepEqual(
      (await readRows(page)).map((row) => row.id),
      [failedRunId],
    );
    await page.getByTestId('status-failed').uncheck();

    await page.getByTestId('runs-search').fill('gamma 128×');
    await page.waitForURL(/q=gamma/);
    await waitForCount(page, '2');
    const cell = await columnIndex(page, 'Cell');
    assert.deepEqual((await readRows(page)).map((row) => row.cells[cell]).sort(), ['128 × 0.001', '128 × 0.1']);

    await page.getByTestId('sort-finalValAccuracy').click();
    await page.locator('[data-testid="select-run"]').first().check();
    await page.waitForURL(/runs=\d+/);
    const before = await readRows(page);
    await page.reload();
    await waitForCount(page, '2');
    assert.equal(await page.getByTestId('runs-search').inputValue(), 'gamma 128×');
    assert.deepEqual(await readRows(page), before, 'the same rows, in the same order');
    assert.equal(await page.locator('th[aria-sort="descending"]').textContent(), 'Final val. acc.▼');
    assert.ok(await page.locator('[data-testid="select-run"]').first().isChecked(), 'the selection stays');

    await page.goto(`${webUrl}/sweeps/${importedId}/runs?batch=32`);
    await waitForCount(page, '2');
    assert.equal(await page.getByTestId('batch-filter').inputValue(), '32');
    await page.getByTestId('batch-filter').selectOption('64');
    await waitForCount(page, '1');
    const sweepCell = await columnIndex(page, 'Cell');
    assert.deepEqual(
      (await readRows(page)).map((row) => row.cells[sweepCell]),
      ['64 × 0.01'],
    );
    await page.close();
  });

  it('opens Compare with the runs selected, and a run’s page from its row', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${webUrl}/sweeps/${queuedId}/runs`);
    await waitForCount(page, '2');
    const ids = (await readRows(page)).map((row) => row.id);
    await page.locator('[data-testid="select-run"]').nth(1).check();
    await page.locator('[data-testid="select-run"]').nth(0).check();
    await page.getByTestId('compare-selected').filter({ hasText: 'Compare 2 runs' }).click();
    await page.waitForURL(`${webUrl}/compare?runs=${ids[1]},${ids[0]}`);
    await page.getByTestId('compare-table').waitFor();
    assert.equal(await page.getByTestId('compare-column').count(), 2);

    await page.goBack();
    await page.locator(`[data-run-id="${ids[0]}"] [data-testid="run-link"]`).click();
    await page.waitForURL(`${webUrl}/runs/${ids[0]}`);
    await page.close();
  });

  it('passes axe in the light and dark themes', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${webUrl}/runs?runs=${failedRunId}`);
    await page.getByTestId('compare-selected').waitFor();
    await page.locator('[data-testid="runs-table"][aria-busy="false"]').waitFor();
    await mkdir(screenshots, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${screenshots}/runs-table-${colorScheme}.png` });
      assert.deepEqual(await checkAccessibility(page), [], `in the ${colorScheme} theme`);
    }
    await page.close();
  });

  it('holds only a window of a 10,000-run sweep in the document, and shows the last run at the end', async () => {
    const lines = ['batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy'];
    for (let row = 1; row <= 100; row++) {
      for (let column = 1; column <= 100; column++) {
        const accuracy = ((row * 100 + column) % 97) / 100;
        lines.push(`${row * 8},${(column / 1000).toFixed(3)},1,${(2 - accuracy).toFixed(3)},${accuracy},${(2.1 - accuracy).toFixed(3)},${accuracy}`);
      }
    }
    const bigId = await importSweep(stack.apiUrl, 'big sweep', lines.join('\n'));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${webUrl}/sweeps/${bigId}/runs`);
    await waitForCount(page, '10,000');
    const rowsInDocument = await page.getByTestId('run-row').count();
    assert.ok(rowsInDocument >= 20 && rowsInDocument <= 120, `${rowsInDocument} rows in the document`);
    assert.equal(await page.getByTestId('runs-table').getAttribute('aria-rowcount'), '10001');

    const box = page.getByTestId('runs-table-box');
    // Half way down, the run at the top of the view is there: the window followed the scroll.
    const middle = await box.evaluate((element) => {
      element.scrollTo({ top: element.scrollHeight / 2 });
      return Math.floor(element.scrollTop / 40) + 2;
    });
    const atTop = page.locator(`[data-testid="run-row"][aria-rowindex="${middle}"]`);
    await atTop.waitFor();
    assert.ok(await atTop.isVisible(), `row ${middle} is in view`);
    await box.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    const last = page.locator('[data-testid="run-row"][aria-rowindex="10001"]');
    await last.waitFor();
    const cell = await columnIndex(page, 'Cell');
    assert.equal((await readRows(page)).at(-1)?.cells[cell], '800 × 0.1');
    assert.ok(await last.isVisible(), 'the last run is in view');
    assert.ok((await page.getByTestId('run-row').count()) <= 120, 'still only a window');
    await mkdir(screenshots, { recursive: true });
    await page.screenshot({ path: `${screenshots}/runs-table-big-end.png` });
    await page.close();
  });
});
