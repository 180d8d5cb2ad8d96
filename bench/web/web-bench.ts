// `npm run bench:web`: the sweep page of a 1,000-run × 50-epoch sweep in Debian's Chromium,
// against the built API and the production build of the dashboard, each as a user starts it:
//   1. time to first paint and to interactive (a click on a cell selects it), several loads;
//   2. frame times while 100 epochs a second arrive over the page's live stream.
// It makes its own database (on DATABASE_URL's server, else the embedded test server) and
// drops it at the end. Never part of npm test.
//
//   npm run bench:web
//   npm run bench:web -- --loads 3 --rate 50 --seconds 5
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createPrisma } from '@sweepscope/db';
import { createTestDatabase } from '@sweepscope/db/testing';
import { chromium } from 'playwright-core';
import { seedSweep } from '../api/seed-sweep.js';
import { startApiServer } from '../api/start-api-server.js';
import { createEpochSequence, writeEpochs, type EpochSequence } from '../api/write-epochs.js';
import { formatTable } from '@sweepscope/core';
import { measureFrames } from './measure-frames.js';
import { measurePageLoad } from './measure-page-load.js';
import { startWebApp } from './start-web-app.js';

const { values } = parseArgs({
  options: {
    loads: { type: 'string', default: '5' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    port: { type: 'string', default: '3917' },
  },
});
const loads = Number(values.loads);
const rate = Number(values.rate);
const seconds = Number(values.seconds);

// 40 batch sizes × 25 learning rates = 1,000 cells, 50 epochs each.
const batchSizes = Array.from({ length: 40 }, (_, index) => 8 * (index + 1));
const learningRates = Array.from({ length: 25 }, (_, index) => Number((1e-4 * 10 ** (index / 6)).toPrecision(3)));
const stored = 25;

const median = (samples: number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;
const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '—');

// The browser first: when it cannot start, no server is left running.
const browser = await chromium.launch({
  executablePath: process.env.SWEEPSCOPE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const db = await createTestDatabase();
const prisma = createPrisma(db.url);
// The browser calls the API from the dashboard's origin, which the API's CORS and WebSocket check must allow.
const api = await startApiServer({ databaseUrl: db.url, env: { SWEEPSCOPE_WEB_ORIGIN: `http://127.0.0.1:${values.port}` } });
const web = await startWebApp(api.httpUrl, Number(values.port));
try {
  const finished = await seedSweep(db.url, {
    name: 'bench: 1,000 finished runs',
    batchSizes,
    learningRates,
    status: 'succeeded',
    epochsStored: 50,
    epochs: 50,
  });
  const live = await seedSweep(db.url, { name: 'bench: 1,000 runs training', batchSizes, learningRates, status: 'running', epochsStored: stored, epochs: 50 });
  const firstCell = `cell-${batchSizes[0]}-${String(learningRates[0])}`;
  const cells = batchSizes.length * learningRates.length;
  const url = `${web.url}/sweeps/${finished.sweepId}`;

  // One load to warm the server's code paths, then the measured ones.
  await measurePageLoad(browser, url, firstCell);
  const measured = [];
  for (let index = 0; index < loads; index += 1) measured.push(await measurePageLoad(browser, url, firstCell));

  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${web.url}/sweeps/${live.sweepId}`);
  await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 60_000 });
  // The runs hold epochs 1–25: the writes go on from epoch 26, as workers would.
  const base = createEpochSequence(live.runIds);
  const sequence: EpochSequence = {
    next: () => {
      const next = base.next();
      return { ...next, epoch: next.epoch + stored };
    },
  };
  let writes: Awaited<ReturnType<typeof writeEpochs>> | undefined;
  const frames = await measureFrames(page, async () => {
    writes = await writeEpochs(prisma, { sequence, ratePerSecond: rate, durationMs: seconds * 1000 });
  });

  const rows = [
    ['first byte of the page (median)', ms(median(measured.map((load) => load.firstByteMs))), '—'],
    ['first contentful paint (median)', ms(median(measured.map((load) => load.firstContentfulPaintMs))), '—'],
    ['grid fills the viewport (median)', ms(median(measured.map((load) => load.gridPaintedMs))), '< 2000 ms'],
    // Issue 18's target; the other two are the first dashboard issue's.
    ['interactive: a click selects a cell (median)', ms(median(measured.map((load) => load.interactiveMs))), '< 500 ms'],
    ['interactive, slowest of the loads', ms(Math.max(...measured.map((load) => load.interactiveMs))), '< 2000 ms'],
    [`cells in the page when interactive (of ${cells})`, String(median(measured.map((load) => load.cellsInPage))), '—'],
    [`epochs stored per second while measuring`, (writes?.achievedRate ?? Number.NaN).toFixed(1), String(rate)],
    ['frames', String(frames.frames), '—'],
    ['frame time p50 / p99', `${ms(frames.p50Ms)} / ${ms(frames.p99Ms)}`, '—'],
    ['longest frame', ms(frames.maxMs), '≤ 50 ms'],
    ['frames over 50 ms', String(frames.over50Ms), '0'],
    ['long tasks (> 50 ms) / longest', `${frames.longTasks} / ${ms(frames.longestTaskMs)}`, '—'],
  ];
  process.stdout.write(`sweep page, ${cells} runs × 50 epochs; ${loads} loads; ${rate} epochs/s for ${seconds} s (write errors: ${writes?.errors ?? 'n/a'})\n`);
  process.stdout.write(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()[0]?.toFixed(2)} at the end\n\n`);
  process.stdout.write(`${formatTable(['measure', 'this run', 'target'], rows)}\n`);
} finally {
  await browser.close();
  await web.stop();
  await api.stop();
  await prisma.$disconnect();
  await db.drop();
}
