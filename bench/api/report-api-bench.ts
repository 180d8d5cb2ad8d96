import { formatTable } from '@sweepscope/core';
import type { FanOutResult } from './fleet-protocol.js';
import type { QueryLatency } from './measure-query-latency.js';
import type { ThroughputStep, WriteRateRamp } from './step-write-rate.js';
import { targets } from './targets.js';
import type { WriteEpochsResult } from './write-epochs.js';

/** Everything one run of the bench measured. */
export interface ApiBenchResults {
  setting: string[];
  /** The sweep page's own query: the dashboard's grid. */
  sweepPage: QueryLatency;
  /** A grid of summaries (progress, epochs done, newest and best epoch per run), as a script would ask. */
  gridSummary: QueryLatency;
  /** The summary's database reads alone (runs, then their summaries) through Prisma, p50 ms. */
  gridDatabaseP50Ms: number;
  runEpochs: QueryLatency;
  subscribers: number;
  connected: number;
  /** The steady-rate fan-out; `serverCpu` is the server's CPU over it, as a share of one core. */
  live: { ratePerSecond: number; seconds: number; writes: WriteEpochsResult; fanOut: FanOutResult; serverCpu: number };
  rssBeforeMiB: number;
  rssIdleMiB: number;
  rssAfterLiveMiB: number;
  /** The write-rate ramps, each with its own number of subscribers. */
  ramps: WriteRateRamp[];
  stepSeconds: number;
  totalSeconds: number;
}

/** Prints the bench's tables: each measured figure beside its target, then the throughput ramp. */
export function reportApiBench(results: ApiBenchResults): string {
  const { sweepPage, gridSummary, runEpochs, live } = results;
  const rows: string[][] = [
    ["(1a) the sweep page's grid query, 1,000 cells: p50", ms(sweepPage.p50), '—', '', `${formatBytes(sweepPage.responseBytes)} a response`],
    [
      "(1a) the sweep page's grid query: p99",
      ms(sweepPage.p99),
      `< ${targets.gridP99Ms} ms`,
      verdict(sweepPage.p99 < targets.gridP99Ms),
      `max ${ms(sweepPage.max)}, ${sweepPage.count} requests`,
    ],
    [
      '(1a) a grid of run summaries: p50',
      ms(gridSummary.p50),
      '—',
      '',
      `${formatBytes(gridSummary.responseBytes)} a response; database reads alone p50 ${ms(results.gridDatabaseP50Ms)}`,
    ],
    [
      '(1a) a grid of run summaries: p99',
      ms(gridSummary.p99),
      `< ${targets.gridP99Ms} ms`,
      verdict(gridSummary.p99 < targets.gridP99Ms),
      `max ${ms(gridSummary.max)}, ${gridSummary.count} requests`,
    ],
    [
      '(1b) run(id) { epochs }, 50 epochs: p50',
      ms(runEpochs.p50),
      `< ${targets.runEpochsMs} ms`,
      verdict(runEpochs.p50 < targets.runEpochsMs),
      `${formatBytes(runEpochs.responseBytes)} a response`,
    ],
    [
      '(1b) run(id) { epochs }: p99',
      ms(runEpochs.p99),
      `< ${targets.runEpochsMs} ms`,
      verdict(runEpochs.p99 < targets.runEpochsMs),
      `max ${ms(runEpochs.max)}, ${runEpochs.count} requests`,
    ],
    [
      `(2) commit → delivery, ${live.ratePerSecond}/s × ${live.seconds} s: p50`,
      ms(live.fanOut.latency.p50),
      '—',
      '',
      `${formatCount(live.fanOut.delivered)} (event, subscriber) pairs; writes achieved ${live.writes.achievedRate.toFixed(1)}/s; server CPU ${(100 * live.serverCpu).toFixed(0)} % of a core`,
    ],
    [
      '(2) commit → delivery: p99',
      ms(live.fanOut.latency.p99),
      `< ${targets.deliveryP99Ms} ms`,
      verdict(live.fanOut.latency.p99 < targets.deliveryP99Ms),
      `max ${ms(live.fanOut.latency.max)}`,
    ],
    [
      '(2) events each subscriber got',
      live.fanOut.fewestPerSubscriber === live.fanOut.mostPerSubscriber
        ? `${live.fanOut.mostPerSubscriber} of ${live.fanOut.events}`
        : `${live.fanOut.fewestPerSubscriber}–${live.fanOut.mostPerSubscriber} of ${live.fanOut.events}`,
      'all',
      verdict(live.fanOut.subscribersMissing === 0 && live.writes.errors === 0 && results.connected === results.subscribers),
      `${results.connected} of ${results.subscribers} subscribers connected; ${live.fanOut.subscribersMissing} missed events${describeClosed(live.fanOut)}${live.writes.errors ? `; ${live.writes.errors} writes failed` : ''}`,
    ],
    ['(2) server RSS, before subscribers', mib(results.rssBeforeMiB), '—', '', 'after the HTTP measurements'],
    [
      `(2) server RSS, ${results.connected} subscribers`,
      mib(results.rssIdleMiB),
      '—',
      '',
      `idle; ${mib(results.rssAfterLiveMiB)} after the ${live.ratePerSecond}/s run (${perSubscriber(results)})`,
    ],
    ...results.ramps.map((ramp) => {
      // The most a passing step wrote: past the writers' limit, asking for more can write less.
      const sustained = ramp.steps
        .filter((step) => step.keepsUp)
        .reduce<ThroughputStep | undefined>(
          (best, step) => (best === undefined || step.writes.achievedRate > best.writes.achievedRate ? step : best),
          undefined,
        );
      return [
        `(3) highest rate that keeps up, ${ramp.subscribers} subscribers`,
        sustained ? `${sustained.writes.achievedRate.toFixed(0)} events/s` : 'none of the steps',
        '—',
        '',
        `${sustained ? `${formatCount(sustained.writes.achievedRate * ramp.subscribers)} deliveries/s; ${writerLimit(sustained)}` : ''}${fellBehind(ramp)}`,
      ];
    }),
  ];
  const steps = results.ramps.flatMap((ramp) => [
    ...ramp.steps.map((step) => [
      String(ramp.subscribers),
      String(step.targetRate),
      step.writes.achievedRate.toFixed(1),
      formatCount(step.writes.commits.length),
      ms(step.writes.writeLatency.p50),
      ms(step.fanOut.latency.p50),
      ms(step.fanOut.latency.p99),
      `${ms(step.fanOut.earlyP50)} → ${ms(step.fanOut.lateP50)}`,
      `${((100 * step.fanOut.delivered) / Math.max(1, step.fanOut.events * step.fanOut.subscribers)).toFixed(1)} %`,
      `${(100 * step.serverCpu).toFixed(0)} %`,
      `${(100 * step.subscribersCpu).toFixed(0)} %`,
      step.keepsUp ? 'yes' : 'no',
    ]),
    ...ramp.skippedRates.map((rate) => [String(ramp.subscribers), String(rate), '—', '—', '—', '—', '—', '—', '—', '—', '—', 'not run']),
  ]);
  return [
    '',
    'API benchmarks (this run beside the target, which is the baseline: these benchmarks are new)',
    '',
    ...results.setting.map((line) => `  ${line}`),
    '',
    formatTable(['measure', 'this run', 'target', 'meets', 'note'], rows),
    '',
    `(3) Throughput ramp: ${results.stepSeconds} s of writes a step to one sweep, fanned out to each ramp's subscribers; a ramp stops at the first step that falls behind. Keeps up: p99 < ${targets.deliveryP99Ms} ms, every pair delivered, and no growing backlog (the p50 of the step's last fifth of events at most ${targets.backlogGrowthMs} ms above its first fifth's). CPU is a share of one core.`,
    '',
    formatTable(
      [
        'subscribers',
        'target/s',
        'achieved/s',
        'events',
        'write p50',
        'p50',
        'p99',
        'p50 first → last fifth',
        'delivered',
        'server CPU',
        'subscribers CPU',
        'keeps up',
      ],
      steps,
    ),
    '',
    `whole bench: ${results.totalSeconds.toFixed(0)} s`,
  ].join('\n');
}

function fellBehind(ramp: WriteRateRamp): string {
  const failed = ramp.steps.find((step) => !step.keepsUp);
  if (!failed) return `kept up at every step tried (up to ${ramp.steps.at(-1)?.targetRate ?? 0}/s asked)`;
  const reason = [
    failed.fanOut.latency.p99 >= targets.deliveryP99Ms ? `p99 ${ms(failed.fanOut.latency.p99)}` : '',
    failed.fanOut.delivered < failed.fanOut.events * failed.fanOut.subscribers
      ? `${formatCount(failed.fanOut.events * failed.fanOut.subscribers - failed.fanOut.delivered)} pairs undelivered${describeClosed(failed.fanOut)}`
      : '',
    failed.fanOut.lateP50 - failed.fanOut.earlyP50 > targets.backlogGrowthMs
      ? `backlog grew (p50 ${ms(failed.fanOut.earlyP50)} → ${ms(failed.fanOut.lateP50)})`
      : '',
    failed.writes.errors > 0 ? `${failed.writes.errors} writes failed` : '',
  ].filter(Boolean);
  const writers =
    failed.writes.achievedRate < 0.9 * failed.targetRate
      ? `; the writers topped out at ${failed.writes.achievedRate.toFixed(0)}/s (write p50 ${ms(failed.writes.writeLatency.p50)})`
      : '';
  return `fell behind at ${failed.targetRate}/s asked (${failed.writes.achievedRate.toFixed(0)}/s written): ${reason.join(', ')}${writers}`;
}

/** Says so when the writers could not reach the rate asked: then the figure is the intake's limit, not fan-out's. */
function writerLimit(step: ThroughputStep): string {
  return step.writes.achievedRate < 0.9 * step.targetRate
    ? `${step.targetRate}/s asked, the writers topped out (write p50 ${ms(step.writes.writeLatency.p50)}); `
    : '';
}

function perSubscriber(results: ApiBenchResults): string {
  const each = ((results.rssIdleMiB - results.rssBeforeMiB) * 1024) / Math.max(1, results.connected);
  return `≈ ${each.toFixed(0)} KiB a subscriber`;
}

/** The sockets closed under subscribers so far, e.g. "; 219 sockets closed (code 1006)", or nothing. */
function describeClosed(fanOut: FanOutResult): string {
  const entries = Object.entries(fanOut.closedSockets);
  if (entries.length === 0) return '';
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  return `; ${total} sockets closed under their subscribers (${entries.map(([code, count]) => `${count} × ${code}`).join(', ')})`;
}

function verdict(ok: boolean): string {
  return ok ? 'yes' : 'NO';
}

function ms(value: number): string {
  if (Number.isNaN(value)) return '—';
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}

function mib(value: number): string {
  return `${value.toFixed(0)} MiB`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`;
}

function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
