import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { checkAccessibility } from '../support/check-accessibility.js';
import { postGraphQL } from '../support/post-graphql.js';
import { repositoryRoot } from '../support/start-service.js';
import { startWebSuite, type WebSuite } from '../support/start-web-suite.js';

const screenshots = `${repositoryRoot}/test-results`;

describe('Planning a sweep from a probe in Chromium', () => {
  let suite: WebSuite | undefined;
  let page: Page;

  before(async () => {
    suite = await startWebSuite({ worker: true });
    page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await mkdir(screenshots, { recursive: true });
  });
  after(async () => {
    await suite?.stop();
  });

  it('queues a probe from the New sweep form, shows its plan as it forms, and starts a new sweep from the proposed grid', { timeout: 300_000 }, async () => {
    const { webUrl, stack } = suite!;
    await page.goto(`${webUrl}/?new=1`);
    const form = page.getByTestId('new-sweep');
    await form.waitFor();
    await form.getByLabel('Preset').selectOption('smoke');
    await form.getByLabel('Cells', { exact: true }).fill('8:0.1,16:0.05,64:0.02');
    await form.getByLabel('Training images').fill('256');
    // The sweep's own settings, which a probe neither sends nor checks.
    await form.getByLabel('Epochs', { exact: true }).fill('0');
    await form.getByLabel('Noise-scale interval').fill('every few');
    await form.getByTestId('plan-sweep').click();

    // The probe's page: its one cell, and the plan waiting for the noise scale.
    await page.waitForURL(/\/sweeps\/\d+$/, { timeout: 15_000 });
    const probeId = /\/sweeps\/(\d+)$/.exec(page.url())![1]!;
    await page.getByRole('heading', { name: /Probe of synthetic 8:0\.1 16:0\.05 64:0\.02/ }).waitFor();
    await page.getByTestId('cell-16-0.05').waitFor();
    const panel = page.getByTestId('plan-panel');
    await panel.waitFor();
    assert.ok(['MEASURING', 'PROVISIONAL', 'READY'].includes((await panel.getAttribute('data-state')) ?? ''));

    // Live: the panel is read again as the probe's epochs arrive, with no reload.
    await page.locator('[data-testid="plan-panel"][data-state="READY"]').waitFor({ timeout: 240_000 });
    const read = await postGraphQL<{ sweep: { plan: { criticalBatchSize: number; cellsText: string; cells: { batchSize: number }[] } } }>(
      stack.apiUrl,
      'query($id: ID!) { sweep(id: $id) { plan { criticalBatchSize cellsText cells { batchSize } } } }',
      { id: probeId },
    );
    const plan = read.data!.sweep.plan;
    assert.match(
      (await panel.getByTestId('plan-summary').textContent()) ?? '',
      new RegExp(`critical batch size of ${Math.round(plan.criticalBatchSize)} images`),
    );
    assert.equal(await panel.locator('[data-testid="plan-cells"] tbody tr').count(), new Set(plan.cells.map((cell) => cell.batchSize)).size);
    assert.deepEqual(await checkAccessibility(page), []);
    await panel.screenshot({ path: `${screenshots}/plan-ready.png` });

    // The New sweep form opens filled with the proposed cells and the probe's settings.
    await panel.getByTestId('sweep-from-plan').click();
    await page.waitForURL(new RegExp(`/\\?new=1&plan=${probeId}$`));
    await form.getByTestId('from-plan').waitFor();
    await page.waitForFunction((cells) => document.querySelector<HTMLInputElement>('#new-sweep-cells')?.value === cells, plan.cellsText);
    assert.equal(await form.getByLabel('Preset').inputValue(), 'smoke');
    assert.equal(await form.getByLabel('Training images').inputValue(), '256');
    assert.equal(await form.getByLabel('Epochs', { exact: true }).inputValue(), '', "epochs are the preset's, not the probe's");
    await form.getByLabel('Epochs', { exact: true }).fill('1');
    await form.getByRole('button', { name: 'Create sweep' }).click();
    await page.waitForURL(/\/sweeps\/\d+$/, { timeout: 15_000 });
    const createdId = /\/sweeps\/(\d+)$/.exec(page.url())![1]!;
    assert.notEqual(createdId, probeId);
    const created = await postGraphQL<{ sweep: { runs: { id: string }[]; plan: null; createdBy: string } }>(
      stack.apiUrl,
      'query($id: ID!) { sweep(id: $id) { createdBy plan { state } runs { id } } }',
      { id: createdId },
    );
    assert.deepEqual({ ...created.data!.sweep, runs: created.data!.sweep.runs.length }, { createdBy: 'api', plan: null, runs: plan.cells.length });
    assert.equal(await page.getByTestId('plan-panel').count(), 0, 'a sweep that is not a probe has no plan panel');
  });
});
