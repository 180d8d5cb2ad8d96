import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { TestDatabase } from '@sweepscope/db/testing';
import { type Browser, type Page } from 'playwright-core';
import { checkAccessibility } from '../support/check-accessibility.js';
import { postGraphQL } from '../support/post-graphql.js';
import { repositoryRoot, type Service } from '../support/start-service.js';
import { startApiServer, type Stack } from '../support/start-stack.js';
import { startWebSuite, type WebSuite } from '../support/start-web-suite.js';

const screenshots = `${repositoryRoot}/test-results`;

describe('Sweeps page in Chromium', () => {
  let suite: WebSuite | undefined;
  let db: TestDatabase;
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let webUrl: string;
  let restartedApi: Service | undefined;
  const consoleErrors: string[] = [];

  before(async () => {
    suite = await startWebSuite({ worker: true });
    ({ db, stack, webUrl, browser } = suite);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });
  after(() => suite?.stop(restartedApi));

  it('sends the list in the first HTML, before any script runs', async () => {
    await postGraphQL(
      stack.apiUrl,
      `mutation { createSweep(input: { name: "made over the API", preset: "smoke", epochs: 1, trainLimit: 16, valLimit: 8 }) { id } }`,
    );
    const html = await (await fetch(`${webUrl}/`)).text();
    assert.match(html, /made over the API/);
    assert.doesNotMatch(html, /Loading sweeps/);
  });

  it("sends a sweep's grid in the first HTML, so nothing is blank while the socket connects", async () => {
    const created = await postGraphQL<{ createSweep: { id: string } }>(
      stack.apiUrl,
      `mutation { createSweep(input: { name: "first paint", preset: "smoke", cells: "8:0.1", epochs: 1, trainLimit: 16, valLimit: 8 }) { id } }`,
    );
    const html = await (await fetch(`${webUrl}/sweeps/${created.data!.createSweep.id}`)).text();
    assert.match(html, /data-testid="grid"/);
    assert.match(html, /data-testid="cell-8-0.1"/);
    assert.match(html, /<title>first paint · Sweepscope<\/title>/);
  });

  it('creates a sweep from the form, showing a refused value at its field first, then opens it', async () => {
    await page.goto(`${webUrl}/`);
    await page.getByRole('button', { name: 'New sweep' }).click();
    const form = page.getByTestId('new-sweep');
    await form.waitFor();
    await form.getByLabel('Preset').selectOption('smoke');
    assert.match((await form.locator('#new-sweep-preset-help').textContent()) ?? '', /two cells/);
    await form.getByLabel('Name').fill('made in the form');
    await form.getByLabel('Data set').selectOption('synthetic');
    await form.getByLabel('Cells', { exact: true }).fill('8:0.1,16:0.1');
    await form.getByLabel('Epochs', { exact: true }).fill('0');
    await form.getByLabel('Training images').fill('16');
    await form.getByLabel('Validation images').fill('8');
    await form.getByLabel('Noise-scale interval').fill('3');
    await form.getByRole('button', { name: 'Create sweep' }).click();

    // The API refuses zero epochs; its words appear under that field, which is marked and focused.
    const epochs = form.getByLabel('Epochs', { exact: true });
    const error = form.locator('#new-sweep-epochs-error');
    await error.waitFor({ timeout: 15_000 });
    assert.match((await error.textContent()) ?? '', /epochs is 0: expected a whole number from 1/);
    assert.equal(await epochs.getAttribute('aria-invalid'), 'true');
    assert.equal(await epochs.evaluate((element) => element === document.activeElement), true);
    assert.equal(await form.getByTestId('field-error').count(), 1);
    assert.equal(new URL(page.url()).pathname, '/');

    await epochs.fill('1');
    assert.equal(await form.getByTestId('field-error').count(), 0, 'editing a refused field clears its error');
    await form.getByRole('button', { name: 'Create sweep' }).click();
    await page.waitForURL(/\/sweeps\/\d+$/, { timeout: 15_000 });
    await page.getByRole('heading', { name: /made in the form/ }).waitFor();
    await page.getByTestId('cell-8-0.1').waitFor();
    assert.equal(await page.getByTestId('sweep-noise-scale').textContent(), 'every 3rd step from epoch 2');
  });

  it('imports a dropped results file: a refused row shown at its line among its neighbours, a Keras history asking for its cell, then the sweep opened', async () => {
    await page.goto(`${webUrl}/`);
    await page.getByRole('button', { name: 'Import results' }).click();
    const panel = page.getByTestId('import');
    await panel.waitFor();
    const header = 'batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy';
    const rows = ['8,0.1,1,1.5,0.4,1.6,0.35', '8,0.1,2,1.1,0.55,1.3,0.5', '8,0.1,3,abc,0.6,1.2,0.55', '16,0.1,1,1.6,0.38,1.7,0.33'];
    const fileInput = panel.locator('input[type="file"]');
    await fileInput.setInputFiles({ name: 'colab runs.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
    assert.equal(await panel.getByLabel('Format').inputValue(), 'csv');
    await panel.getByRole('button', { name: 'Import', exact: true }).click();
    const alert = panel.getByTestId('import-error');
    await alert.waitFor({ timeout: 15_000 });
    assert.match((await alert.textContent()) ?? '', /colab runs\.csv line 4: loss is "abc": expected a finite number of at least 0\./);
    const lines = panel.getByTestId('error-lines');
    assert.deepEqual(
      (await lines.locator(':scope > span').allTextContents()).map((text) => text.trim()),
      ['2' + rows[0], '3' + rows[1], '4' + rows[2], '5' + rows[3]],
    );
    assert.equal(await lines.locator('[aria-current="true"]').textContent(), `4${rows[2]}\n`);
    await mkdir(screenshots, { recursive: true });
    await panel.screenshot({ path: `${screenshots}/sweeps-page-import-refused.png` });

    // A Keras history is recognised by its content, and its batch size is asked for at its field.
    const history = JSON.stringify({ loss: [1.2, 0.9], accuracy: [0.5, 0.6], val_loss: [1.3, 1.1], val_accuracy: [0.45, 0.55] });
    await fileInput.setInputFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(history) });
    await panel.getByLabel('Batch size').waitFor();
    assert.equal(await panel.getByLabel('Format').inputValue(), 'keras-history');
    assert.equal(await panel.getByTestId('import-error').count(), 0, 'choosing another file clears the refusal');
    await panel.getByLabel('Learning rate').fill('0.05');
    await panel.getByRole('button', { name: 'Import', exact: true }).click();
    const batchError = panel.locator('#import-batchSize-error');
    await batchError.waitFor({ timeout: 15_000 });
    assert.match((await batchError.textContent()) ?? '', /^batchSize is missing: expected the batch size the run trained with/);
    assert.equal(await panel.getByLabel('Batch size').evaluate((element) => element === document.activeElement), true);
    assert.deepEqual(await checkAccessibility(page), []);

    await fileInput.setInputFiles({
      name: 'colab runs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, ...rows.filter((row) => !row.includes('abc'))].join('\n')),
    });
    await panel.getByLabel('Name').fill('imported in the browser');
    await panel.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/sweeps\/\d+$/, { timeout: 15_000 });
    await page.getByRole('heading', { name: /imported in the browser/ }).waitFor();
    await page.getByTestId('cell-16-0.1').waitFor();
  });

  it('lists the sweep with its progress and best cell, and the reference study apart under its own heading', async () => {
    await page.goto(`${webUrl}/`);
    const own = page.getByTestId('own-sweeps');
    const row = own.getByTestId('sweep-row').filter({ hasText: 'made in the form' });
    await row.waitFor();
    // The worker trains it in seconds; the page polls, so it turns succeeded without a reload.
    await row.getByTestId('sweep-status').filter({ hasText: 'succeeded' }).waitFor({ timeout: 120_000 });
    assert.match((await row.getByTestId('sweep-progress').textContent()) ?? '', /2\/2.*2 succeeded/);
    // One epoch on 16 images leaves both runs at chance (4 classes, 8 validation images): no best is named.
    assert.equal((await row.getByTestId('sweep-best').textContent())?.trim(), '–');
    // A sweep whose run learned names its best.
    const learned = ['batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy', '32,0.1,1,1.5,0.5,1.2,0.6', '32,0.1,2,0.9,0.7,0.8,0.8'].join('\n');
    const imported = await postGraphQL(stack.apiUrl, `mutation($input: ImportResultsInput!) { importResults(input: $input) { id } }`, {
      input: { format: 'CSV', content: learned, name: 'learned elsewhere', dataset: 'fashion-mnist', valImages: 1000 },
    });
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    const learnedRow = own.getByTestId('sweep-row').filter({ hasText: 'learned elsewhere' });
    await learnedRow.waitFor({ timeout: 30_000 });
    assert.match((await learnedRow.getByTestId('sweep-best').textContent()) ?? '', /80\.0%batch 32 · lr 0\.1 · epoch 2/);
    assert.match((await row.getByTestId('sweep-age').textContent()) ?? '', /just now|min ago/);

    // The server adds the reference study as it starts; wait for the list to show it.
    const reference = page.getByTestId('reference-sweeps');
    await reference.getByRole('heading', { name: 'Reference study' }).waitFor({ timeout: 30_000 });
    assert.ok((await reference.getByTestId('sweep-row').count()) >= 1);
    assert.equal(await own.getByTestId('sweep-row').filter({ hasText: 'Reference study' }).count(), 0);

    await mkdir(screenshots, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${screenshots}/sweeps-page-${colorScheme}.png`, fullPage: true });
      assert.deepEqual(await checkAccessibility(page), [], `serious accessibility problems on / (${colorScheme})`);
    }
    await page.getByRole('button', { name: 'New sweep' }).click();
    await page.getByTestId('new-sweep').waitFor();
    await page.screenshot({ path: `${screenshots}/sweeps-page-form-dark.png`, fullPage: true });
    assert.deepEqual(await checkAccessibility(page), [], 'serious accessibility problems in the New sweep form (dark)');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: `${screenshots}/sweeps-page-form-light.png`, fullPage: true });
    assert.deepEqual(await checkAccessibility(page), [], 'serious accessibility problems in the New sweep form (light)');
  });

  it('filters by status in the URL, without a history entry, and keeps the filter on reload', async () => {
    await page.goto(`${webUrl}/`);
    const historyLength = await page.evaluate(() => history.length);
    await page.getByLabel('Status').selectOption('failed');
    await page.waitForURL((url) => url.searchParams.get('status') === 'failed');
    await page.getByTestId('own-sweeps').getByText('No failed sweeps.').waitFor();
    assert.equal(await page.getByTestId('sweep-row').count(), 0);
    assert.equal(await page.evaluate(() => history.length), historyLength, 'a filter change replaces the URL');

    await page.reload();
    assert.equal(await page.getByLabel('Status').inputValue(), 'failed');
    await page.getByRole('button', { name: 'Show all sweeps' }).click();
    await page.waitForURL((url) => !url.searchParams.has('status'));
    await page.getByTestId('sweep-row').filter({ hasText: 'made in the form' }).waitFor();
  });

  it('answers an unknown sweep with a 404 page', async () => {
    const response = await page.goto(`${webUrl}/sweeps/987654321`);
    assert.equal(response?.status(), 404);
    await page.getByRole('heading', { name: 'Sweep not found' }).waitFor();
  });

  it('says when the live stream dropped and that it is reconnecting, then live again once the API is back', async () => {
    const created = await postGraphQL<{ createSweep: { id: string } }>(
      stack.apiUrl,
      `mutation { createSweep(input: { name: "outage", preset: "smoke", cells: "8:0.1", epochs: 1, trainLimit: 16, valLimit: 8 }) { id } }`,
    );
    await page.goto(`${webUrl}/sweeps/${created.data!.createSweep.id}`);
    const badge = page.getByTestId('connection');
    await badge.filter({ hasText: /^live$/ }).waitFor({ timeout: 30_000 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${screenshots}/sweep-page-dark.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });

    const [api] = stack.services;
    await api!.stop();
    await badge.filter({ hasText: 'connection lost' }).waitFor({ timeout: 30_000 });
    assert.match((await badge.textContent()) ?? '', /connection lost · reconnecting/);
    assert.match((await badge.getAttribute('title')) ?? '', /lost at .+; retrying/);
    // The page keeps what it showed.
    await page.getByTestId('cell-8-0.1').waitFor();

    restartedApi = await startApiServer({ databaseUrl: db.url, port: Number(new URL(stack.apiUrl).port), webOrigin: webUrl });
    await badge.filter({ hasText: /^live$/ }).waitFor({ timeout: 30_000 });
  });

  it('hydrates every page without a mismatch', () => {
    // Production React names hydration failures by number: #418, #423 and #425.
    assert.deepEqual(
      consoleErrors.filter((text) => /hydrat|react\.dev\/errors\/(418|423|425)\b/i.test(text)),
      [],
    );
  });
});
