import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { checkAccessibility } from '../support/check-accessibility.js';
import { postGraphQL } from '../support/post-graphql.js';
import { repositoryRoot } from '../support/start-service.js';
import type { Stack } from '../support/start-stack.js';
import { startWebSuite, type WebSuite } from '../support/start-web-suite.js';

const screenshots = `${repositoryRoot}/test-results`;

const importMutation = `mutation($input: ImportResultsInput!) { importResults(input: $input) { id } }`;

/**
 * A made-up sweep with every epoch stored, for the charts a results-only import cannot
 * show: batch sizes 32, 128 and 512 over a ×2 grid of learning rates, two repeats each,
 * whose best learning rate doubles as the batch grows fourfold (square-root scaling), and
 * whose largest learning rates overfit (validation loss rises after epoch 6). Its gradient
 * noise scale grows over training around a critical batch size of about 136, where the
 * predicted ε_max / (1 + B_crit / B) also doubles per fourfold batch over 32–512.
 */
function buildEpochCsv(epochs = 12): string {
  const rows = ['batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,noise_scale'];
  const bestRate: Record<number, number> = { 32: 0.025, 128: 0.05, 512: 0.1 };
  const grid: [number, number[]][] = [
    [32, [0.0125, 0.025, 0.05, 0.1]],
    [128, [0.025, 0.05, 0.1, 0.2]],
    [512, [0.05, 0.1, 0.2]],
  ];
  for (const [batchSize, rates] of grid) {
    for (const learningRate of rates) {
      for (const repeat of [1, 2]) {
        const steps = Math.log2(learningRate / bestRate[batchSize]!);
        const final = 0.88 - 0.09 * steps * steps - 0.015 * Math.log2(batchSize / 32) + (repeat === 1 ? 0.004 : -0.004);
        const tau = 2.5 * (0.1 / learningRate) ** 0.35;
        for (let epoch = 1; epoch <= epochs; epoch++) {
          const progress = 1 - Math.exp(-epoch / tau);
          const valAccuracy = final * progress;
          const accuracy = Math.min(1, (final + 0.06 + 0.05 * Math.max(0, steps)) * (1 - Math.exp(-epoch / (tau * 0.8))));
          const overfit = learningRate >= 0.1 ? 0.05 * Math.max(0, epoch - 6) : 0;
          const valLoss = 2.2 * Math.exp(-epoch / tau) + 0.35 + overfit;
          const loss = 2.3 * Math.exp(-epoch / (tau * 0.8)) + 0.02;
          const noiseScale = 128 * (0.8 + 0.04 * epoch);
          rows.push(
            [batchSize, learningRate, repeat, epoch, loss, accuracy, valLoss, valAccuracy, noiseScale].map((value) => Number(value.toFixed(5))).join(','),
          );
        }
      }
    }
  }
  return `${rows.join('\n')}\n`;
}

describe('Conclusions page in Chromium', () => {
  let suite: WebSuite | undefined;
  let stack: Stack;
  let webUrl: string;
  let browser: Browser;
  let referenceId: string;
  const pageErrors: string[] = [];

  const openPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${webUrl}${path}`);
    return page;
  };

  before(async () => {
    // Nothing here trains: the reference study ships with the server, and the rest is imported.
    suite = await startWebSuite({ worker: false });
    ({ stack, webUrl, browser } = suite);
    const list = await postGraphQL<{ sweeps: { nodes: { id: string; builtIn: string | null }[] } }>(stack.apiUrl, `{ sweeps { nodes { id builtIn } } }`);
    const reference = list.data?.sweeps.nodes.find((sweep) => sweep.builtIn === 'reference-study');
    assert.ok(reference, 'the server ships the reference study as a built-in sweep');
    referenceId = reference.id;
    await mkdir(screenshots, { recursive: true });
  });
  after(() => suite?.stop());

  it("sends the reference study's conclusions in the first HTML, before any script runs", async () => {
    const response = await fetch(`${webUrl}/sweeps/${referenceId}/conclusions`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /data-testid="best-cell"/);
    assert.match(html, /83\.8%/);
    assert.match(html, /data-testid="best-learning-rate-chart"/);
    assert.doesNotMatch(html, /Loading conclusions/);
    assert.match(html, /<title>Conclusions: Reference study[^<]*· Sweepscope<\/title>/);
  });

  it('names the best cell, draws both rules on log–log axes, ranks five cells and matches the reference with ρ = 1.00', async () => {
    const page = await openPage(`/sweeps/${referenceId}/conclusions`);
    const best = page.getByTestId('best-cell');
    await best.waitFor();
    const bestText = (await best.textContent()) ?? '';
    assert.match(bestText, /batch 32, LR 0\.1/);
    assert.match(bestText, /83\.8%/);

    const chart = page.getByTestId('best-learning-rate-chart');
    assert.equal(await chart.getAttribute('role'), 'img');
    assert.match((await chart.getAttribute('aria-label')) ?? '', /log–log/);
    assert.equal(await chart.locator('title').count(), 1);
    assert.match((await chart.locator('desc').textContent()) ?? '', /Linear Scaling Rule predicts 0\.4 at batch 128 and square-root scaling 0\.2/);
    assert.equal(await chart.getByTestId('rule-linear').count(), 1);
    assert.equal(await chart.getByTestId('rule-square-root').count(), 1);
    assert.equal(await chart.getByTestId('fitted-slope').count(), 1);
    // Batch 32 and 128 tried two rates each, batch 64 one: five faint ticks.
    assert.equal(await chart.getByTestId('tried-learning-rates').locator('line').count(), 5);
    const legend = (await chart.getByTestId('chart-legend').textContent()) ?? '';
    assert.match(legend, /Linear Scaling Rule \(slope 1\)/);
    assert.match(legend, /square-root scaling \(slope 0\.5\)/);

    const rows = page.getByTestId('ranking-table').getByTestId('ranking-row');
    assert.equal(await rows.count(), 5);
    assert.match((await rows.first().textContent()) ?? '', /^1batch 32, LR 0\.183\.8%1/);
    await page.getByTestId('rank-by-best').click();
    await page.waitForURL(/\?rank=best$/);
    assert.equal(await page.getByTestId('rank-by-best').getAttribute('aria-pressed'), 'true');
    assert.equal(await rows.count(), 5);
    await page.getByTestId('rank-by-final').click();
    // The default is left out of the URL.
    await page.waitForURL(`${webUrl}/sweeps/${referenceId}/conclusions`);

    const rho = page.getByTestId('spearman-rho');
    assert.match((await rho.textContent()) ?? '', /ρ = 1\.00/);
    assert.equal(await page.getByTestId('reference-table').getByTestId('reference-row').count(), 5);
    assert.match((await page.getByTestId('reference-table').textContent()) ?? '', /83\.8%83\.8%0\.5870\.587/);
    assert.match((await page.getByTestId('check-learning-rate-matters').textContent()) ?? '', /the two agree/);
    assert.match((await page.getByTestId('check-smaller-rate').textContent()) ?? '', /reference: holds/);
    assert.match((await page.getByTestId('tie-test').textContent()) ?? '', /Welch's t-test with Holm's correction at the 0\.05 level/);
    // One run a cell: no comparison is called a tie.
    assert.equal(await page.getByTestId('ranking-row').filter({ hasText: 'too few repeats to tell' }).count(), 4);
    assert.match((await page.getByTestId('never-run-cells').textContent()) ?? '', /batch 32, LR 0\.01; batch 64, LR 0\.001/);
    assert.match((await page.getByTestId('export-csv').getAttribute('href')) ?? '', new RegExp(`/sweeps/${referenceId}/epochs\\.csv$`));

    assert.deepEqual(await checkAccessibility(page), []);
    await page.screenshot({ path: `${screenshots}/conclusions-page-light.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await checkAccessibility(page), []);
    await page.screenshot({ path: `${screenshots}/conclusions-page-dark.png`, fullPage: true });
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  it('sums the page up at its head, each answer linking to the section that shows why, and gives each number once', async () => {
    const page = await openPage(`/sweeps/${referenceId}/conclusions`);
    const summary = page.getByTestId('summary');
    await summary.waitFor();
    const line = async (testId: string) => ((await summary.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ').trim();
    assert.match(await line('best-cell'), /^Best cellbatch 32, LR 0\.1: 83\.8% final validation accuracy Why$/);
    assert.match(await line('summary-scaling'), /fitted slope -?\d\.\d\d(?: ± \d\.\d\d)?, .*the grid cannot tell the rules apart/);
    assert.match(await line('summary-frontier'), /^Stability frontier/);
    assert.match(await line('summary-reference'), /ρ = 1\.00 over 5 shared cells; agrees on \d of \d of its claims/);
    for (const link of await summary.getByRole('link', { name: 'Why' }).all()) {
      const target = ((await link.getAttribute('href')) ?? '').slice(1);
      assert.equal(await page.locator(`section#${target}`).count(), 1, `a section #${target}`);
    }
    assert.equal(await page.locator('ul[aria-label="The numbers it rests on"]').count(), 0, 'no list of numbers under the sentences that give them');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    process.stdout.write(`# the reference study's conclusions page at 1280 px wide: ${height} px tall\n`);
    await page.close();
  });

  it('opens a ranked cell on its sweep with its runs selected, and the three best cells in Compare', async () => {
    const page = await openPage(`/sweeps/${referenceId}/conclusions`);
    const compare = page.getByTestId('compare-top-cells');
    await compare.waitFor();
    const compared = new URL((await compare.getAttribute('href')) ?? '', webUrl).searchParams.get('runs')?.split(',') ?? [];
    assert.equal(compared.length, 3, `the runs of the three best cells, one each: ${compared.join(',')}`);
    await compare.click();
    await page.waitForURL((url) => url.pathname === '/compare');
    for (const runId of compared) await page.getByRole('link', { name: `Run ${runId}` }).waitFor();

    await page.goBack();
    const best = page.getByTestId('ranking-row').first().getByTestId('ranking-cell-link');
    assert.equal((await best.textContent())?.trim(), 'batch 32, LR 0.1');
    await best.click();
    await page.waitForURL((url) => url.pathname === `/sweeps/${referenceId}` && url.searchParams.get('runs') === compared[0]);
    assert.equal(await page.getByTestId('cell-32-0.1').getAttribute('aria-selected'), 'true');
    await page.close();
  });

  it('downloads a chart as a PNG image', async () => {
    const page = await openPage(`/sweeps/${referenceId}/conclusions`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PNG of Best learning rate per batch size' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `sweep-${referenceId}-best-learning-rate.png`);
    const path = `${screenshots}/conclusions-best-learning-rate.png`;
    await download.saveAs(path);
    const bytes = await readFile(path);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
    // Two pixels per unit of the chart's viewBox (its IHDR holds width and height at bytes 16 and 20).
    const [, , width, height] = ((await page.getByTestId('best-learning-rate-chart').getAttribute('viewBox')) ?? '').split(' ').map(Number);
    assert.equal(bytes.readUInt32BE(16), width! * 2);
    assert.equal(bytes.readUInt32BE(20), height! * 2);
    await page.close();
  });

  it('charts overfitting and speed per run and tests ties for a sweep with every epoch and two repeats', async () => {
    const imported = await postGraphQL<{ importResults: { id: string } }>(stack.apiUrl, importMutation, {
      input: { format: 'CSV', content: buildEpochCsv(), filename: 'grid.csv', name: 'imported grid' },
    });
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    const sweepId = imported.data!.importResults.id;
    const page = await openPage(`/sweeps/${sweepId}/conclusions`);
    await page.getByTestId('best-cell').waitFor();
    // 11 cells × 2 repeats.
    assert.equal(await page.getByTestId('overfitting-chart').getByTestId('overfitting-row').count(), 22);
    assert.equal(await page.getByTestId('overfitting-chart').getByTestId('val-loss-rose').count(), 10);
    assert.equal(await page.getByTestId('speed-chart').getByTestId('speed-row').count(), 22);
    assert.equal(await page.getByTestId('ranking-row').count(), 11);
    assert.equal(await page.getByTestId('ties-table').locator('tbody tr').count(), 10);
    assert.match((await page.getByTestId('scaling-facts').textContent()) ?? '', /square-root scaling/);
    // The gradient noise scale's prediction: its curve on the chart, the critical batch size, and the verdict.
    assert.equal(await page.getByTestId('best-learning-rate-chart').getByTestId('noise-scale-prediction').count(), 1);
    assert.equal(await page.getByTestId('critical-batch-size').textContent(), '136 images (runs 136–136)');
    assert.match(
      (await page.getByTestId('findings').allTextContents()).join(' '),
      /critical batch size at about 136 images.*within one grid step \(×2\.0\) of that curve at every batch size, so the grid agrees/,
    );
    await page.getByTestId('scaling-figure').screenshot({ path: `${screenshots}/conclusions-noise-scale.png` });
    assert.deepEqual(await checkAccessibility(page), []);
    await page.screenshot({ path: `${screenshots}/conclusions-page-epochs-light.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${screenshots}/conclusions-page-epochs-dark.png`, fullPage: true });
    await page.close();
  });

  it('says what a sweep without a finished run needs, then shows its conclusions live when results arrive', async () => {
    const created = await postGraphQL<{ createSweep: { id: string } }>(
      stack.apiUrl,
      `mutation { createSweep(input: { name: "waiting", preset: "smoke", cells: "8:0.1", epochs: 2, trainLimit: 16, valLimit: 8 }) { id } }`,
    );
    const sweepId = created.data!.createSweep.id;
    const page = await openPage(`/sweeps/${sweepId}/conclusions`);
    const empty = page.getByTestId('empty');
    await empty.waitFor();
    assert.match((await empty.textContent()) ?? '', /No run has finished yet.*1 run, 1 queued/s);
    assert.deepEqual(await checkAccessibility(page), []);
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 30_000 });
    // Survives only if the page updates in place.
    await page.evaluate(() => Object.assign(window, { loadedOnce: true }));

    const csv = 'batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy\n8,0.1,1,2.1,0.3,2.2,0.25\n8,0.1,2,1.6,0.5,1.9,0.375\n';
    const imported = await postGraphQL(stack.apiUrl, importMutation, { input: { format: 'CSV', content: csv, sweepId } });
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    const best = page.getByTestId('best-cell');
    await best.waitFor({ timeout: 15_000 });
    assert.match((await best.textContent()) ?? '', /batch 8, LR 0\.1.*37\.5%/);
    assert.equal(await page.evaluate(() => 'loadedOnce' in window), true, 'the page must update in place, not reload');
    await page.close();
  });

  it("links to the conclusions from the sweep page's header", async () => {
    const page = await openPage(`/sweeps/${referenceId}`);
    await page.getByTestId('conclusions-link').click();
    await page.waitForURL(`${webUrl}/sweeps/${referenceId}/conclusions`);
    await page.getByTestId('best-cell').waitFor();
    await page.close();
  });

  it("answers an unknown sweep's conclusions with a 404 page", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${webUrl}/sweeps/999999/conclusions`);
    assert.equal(response?.status(), 404);
    await page.getByTestId('not-found').waitFor();
    const malformed = await page.goto(`${webUrl}/sweeps/not-a-number/conclusions`);
    assert.equal(malformed?.status(), 404);
    await page.close();
  });
});
