import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { createPrisma, type PrismaClient } from '@sweepscope/db';
import type { Browser, Page } from 'playwright-core';
import { checkAccessibility } from '../support/check-accessibility.js';
import { postGraphQL } from '../support/post-graphql.js';
import { repositoryRoot } from '../support/start-service.js';
import type { Stack } from '../support/start-stack.js';
import { startWebSuite, type WebSuite } from '../support/start-web-suite.js';

const screenshots = `${repositoryRoot}/test-results`;

/** Imports a one-run sweep over the API, as a user's file would arrive, and returns its id and its run's. */
async function importSweep(stack: Stack, name: string, tags: string[]): Promise<{ id: string; runId: string }> {
  const content = 'batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy\n8,0.1,1,1.5,0.5,1.6,0.45\n8,0.1,2,0.9,0.7,1.1,0.6\n';
  const imported = await postGraphQL<{ importResults: { id: string; runs: { id: string }[] } }>(
    stack.apiUrl,
    `mutation($content: String!, $name: String!, $tags: [String!]) {
      importResults(input: { format: CSV, content: $content, name: $name, tags: $tags }) { id runs { id } } }`,
    { content, name, tags },
  );
  assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
  return { id: imported.data!.importResults.id, runId: imported.data!.importResults.runs[0]!.id };
}

/** The text of every element with this test id, in order. */
function texts(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).allTextContents();
}

describe('Tags and notes in Chromium', () => {
  let suite: WebSuite | undefined;
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let webUrl: string;
  let prisma: PrismaClient;
  let baseline: { id: string; runId: string };
  let other: { id: string; runId: string };

  before(async () => {
    suite = await startWebSuite({ worker: false });
    ({ stack, webUrl, browser } = suite);
    prisma = createPrisma(suite.db.url);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await mkdir(screenshots, { recursive: true });
    baseline = await importSweep(stack, 'baseline study', ['colab']);
    other = await importSweep(stack, 'another study', ['fig-3']);
  });
  after(async () => {
    await prisma?.$disconnect();
    await suite?.stop();
  });

  it("edits a sweep's name, tags and notes in place, keeping them over a reload", async () => {
    await page.goto(`${webUrl}/sweeps/${baseline.id}`);
    assert.deepEqual(await texts(page, 'tag-link'), ['colab']);
    await page.getByTestId('edit-sweep').click();
    const form = page.getByTestId('sweep-annotations-form');
    assert.equal(await form.getByLabel('Tags').inputValue(), 'colab');
    await form.getByLabel('Name').fill('BN momentum study');
    await form.getByLabel('Tags').fill('colab, fig 3,, bn');
    await form.getByLabel('Notes').fill('Momentum 0.9 beats 0.999 here.\nRerun with 3 repeats.');
    await form.getByTestId('annotations-save').click();
    await page.getByTestId('sweep-annotations').waitFor();
    await page.getByRole('heading', { level: 1, name: /BN momentum study/ }).waitFor();
    assert.deepEqual(await texts(page, 'tag-link'), ['colab', 'fig 3', 'bn']);
    assert.equal(await page.getByTestId('sweep-notes').textContent(), 'Momentum 0.9 beats 0.999 here.\nRerun with 3 repeats.');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: /BN momentum study/ }).waitFor();
    assert.deepEqual(await texts(page, 'tag-link'), ['colab', 'fig 3', 'bn']);
    const stored = await prisma.sweep.findUniqueOrThrow({ where: { id: Number(baseline.id) } });
    assert.deepEqual(
      [stored.name, stored.tags, stored.notes],
      ['BN momentum study', ['colab', 'fig 3', 'bn'], 'Momentum 0.9 beats 0.999 here.\nRerun with 3 repeats.'],
    );
  });

  it('shows a refused tag under its field in the API’s words, keeps the form open with what was typed, and stores nothing', async () => {
    await page.goto(`${webUrl}/sweeps/${baseline.id}`);
    await page.getByTestId('edit-sweep').click();
    const form = page.getByTestId('sweep-annotations-form');
    const tags = form.getByLabel('Tags');
    await tags.fill(`colab, ${'t'.repeat(65)}`);
    await form.getByTestId('annotations-save').click();
    const error = form.getByTestId('field-error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /^tags has a tag of 65 characters .*expected tags of at most 64 characters\.$/);
    assert.equal(await tags.getAttribute('aria-invalid'), 'true');
    assert.equal(await tags.inputValue(), `colab, ${'t'.repeat(65)}`);
    assert.deepEqual((await prisma.sweep.findUniqueOrThrow({ where: { id: Number(baseline.id) } })).tags, ['colab', 'fig 3', 'bn']);
    assert.deepEqual(await checkAccessibility(page), []);
    await page.screenshot({ path: `${screenshots}/tags-notes-refused.png` });
    await form.getByRole('button', { name: 'Cancel' }).click();
    assert.deepEqual(await texts(page, 'tag-link'), ['colab', 'fig 3', 'bn']);
  });

  it('opens the sweeps with a tag from its chip, searches names and notes, and keeps both filters in the URL', async () => {
    await page.goto(`${webUrl}/sweeps/${baseline.id}`);
    await page.getByTestId('sweep-tags').getByRole('link', { name: 'fig 3' }).click();
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('tag') === 'fig 3');
    const own = page.getByTestId('own-sweeps');
    await page.getByTestId('tag-filter').waitFor();
    await own.getByTestId('sweep-row').first().waitFor();
    assert.deepEqual(await own.getByTestId('sweep-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-sweep-id'))), [baseline.id]);

    await page.getByTestId('tag-filter').getByRole('button').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="own-sweeps"] [data-testid="sweep-row"]').length === 2);
    await page.getByTestId('sweep-search').fill('RERUN WITH');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="own-sweeps"] [data-testid="sweep-row"]').length === 1);
    await page.waitForURL((url) => url.searchParams.get('q') === 'RERUN WITH');
    await page.reload();
    await own.getByTestId('sweep-row').first().waitFor();
    assert.equal(await page.getByTestId('sweep-search').inputValue(), 'RERUN WITH');
    assert.deepEqual(await own.getByTestId('sweep-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-sweep-id'))), [baseline.id]);

    await page.getByTestId('sweep-search').fill('no such words');
    await page.getByText('No sweeps matching “no such words”.').waitFor();
    await page.getByRole('button', { name: 'Show all sweeps' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="own-sweeps"] [data-testid="sweep-row"]').length === 2);
    await page.waitForURL((url) => url.search === '');
    assert.deepEqual(await page.locator(`[data-testid="sweep-row"][data-sweep-id="${other.id}"]`).getByTestId('tag-link').allTextContents(), ['fig-3']);
  });

  it("tags and notes a run on its page, and offers no editing on the read-only reference study's", async () => {
    await page.goto(`${webUrl}/runs/${other.runId}`);
    await page.getByTestId('edit-run').click();
    const form = page.getByTestId('run-annotations-form');
    assert.equal(await form.getByLabel('Name').count(), 0, 'a run has no name to edit');
    await form.getByLabel('Tags').fill('spiky');
    await form.getByLabel('Notes').fill('Loss jumps at epoch 2.');
    await form.getByTestId('annotations-save').click();
    await page.getByTestId('run-notes').waitFor();
    assert.deepEqual(await page.getByTestId('run-tags').locator('li').allTextContents(), ['spiky']);
    const stored = await prisma.run.findUniqueOrThrow({ where: { id: Number(other.runId) } });
    assert.deepEqual([stored.tags, stored.notes], [['spiky'], 'Loss jumps at epoch 2.']);

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${webUrl}/sweeps/${baseline.id}`);
      await page.getByTestId('sweep-notes').waitFor();
      assert.deepEqual(await checkAccessibility(page), [], colorScheme);
      await page.screenshot({ path: `${screenshots}/tags-notes-sweep-${colorScheme}.png` });
      await page.goto(`${webUrl}/runs/${other.runId}`);
      await page.getByTestId('run-notes').waitFor();
      assert.deepEqual(await checkAccessibility(page), [], colorScheme);
      await page.screenshot({ path: `${screenshots}/tags-notes-run-${colorScheme}.png` });
      await page.goto(`${webUrl}/`);
      await page.getByTestId('sweep-tags').first().waitFor();
      assert.deepEqual(await checkAccessibility(page), [], colorScheme);
      await page.screenshot({ path: `${screenshots}/tags-notes-list-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    const reference = await prisma.sweep.findFirstOrThrow({ where: { readOnly: true } });
    await page.goto(`${webUrl}/sweeps/${reference.id}`);
    await page.getByTestId('grid').waitFor();
    assert.equal(await page.getByTestId('edit-sweep').count(), 0);
    const referenceRun = await prisma.run.findFirstOrThrow({ where: { sweepId: reference.id } });
    await page.goto(`${webUrl}/runs/${referenceRun.id}`);
    await page.getByTestId('run-status').waitFor();
    assert.equal(await page.getByTestId('edit-run').count(), 0);
  });

  it("opens the runs table filtered by a run's tag from its chip, shows tags in their column, and clears the filter", async () => {
    await page.goto(`${webUrl}/runs/${other.runId}`);
    await page.getByTestId('run-tags').getByRole('link', { name: 'spiky' }).click();
    await page.waitForURL((url) => url.pathname === '/runs' && url.searchParams.get('tag') === 'spiky');
    await page
      .getByTestId('run-count')
      .filter({ hasText: /^1 run$/ })
      .waitFor();
    assert.deepEqual(await page.getByTestId('run-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run-id'))), [other.runId]);
    assert.deepEqual(await page.getByTestId('run-row').locator('li').allTextContents(), ['spiky']);
    assert.equal(await page.getByTestId('tag-filter').locator('strong').textContent(), 'spiky');
    assert.deepEqual(await checkAccessibility(page), []);
    await page.screenshot({ path: `${screenshots}/tags-notes-runs-table.png` });
    await page.getByTestId('tag-filter').getByRole('button').click();
    await page.waitForURL((url) => url.pathname === '/runs' && !url.searchParams.has('tag'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="run-row"]').length > 1);
  });
});
