// `npm run chaos -- --kills N [--workers 3] [--runs 8] [--epochs 12]`: trains a sweep on a
// scratch database while killing and pausing its workers at random, then prints what
// survived. Exits 1 when any run was lost, any epoch stored twice or missing, any stored
// epoch was lost to a blow, any result differs from the uninterrupted sweep's, or the live
// subscriber missed or doubled an event.
import { parseArgs } from 'node:util';
import { createTestDatabase } from '@sweepscope/db/testing';
import { runChaos, type ChaosReport } from './run-chaos.js';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '30' },
    workers: { type: 'string', default: '3' },
    runs: { type: 'string', default: '8' },
    epochs: { type: 'string', default: '12' },
  },
});
const count = (name: keyof typeof values): number => {
  const value = Number(values[name]);
  if (!Number.isSafeInteger(value) || value < 1) {
    process.stderr.write(`chaos: --${name} is "${values[name]}": expected a whole number of at least 1.\n`);
    process.exit(2);
  }
  return value;
};
const options = { kills: count('kills'), workers: count('workers'), runs: count('runs'), epochs: count('epochs') };

const database = await createTestDatabase();
let report: ChaosReport;
try {
  report = await runChaos({ databaseUrl: database.url, ...options, log: (line) => console.log(line) });
} finally {
  await database.drop();
}
console.log(formatReport(report));
const broken = report.runsLost + report.duplicateEpochs + report.missingEpochs + report.runsDiffering + report.subscriberMisses + report.storedEpochsLost;
process.exitCode = broken === 0 ? 0 : 1;

function formatReport(result: ChaosReport): string {
  const stats = (values: number[], digits: number): string =>
    values.length === 0
      ? 'none'
      : `mean ${(values.reduce((sum, value) => sum + value, 0) / values.length).toFixed(digits)}, max ${Math.max(...values).toFixed(digits)} (${values.length} blows that held a run)`;
  return [
    '',
    `kills survived:             ${result.kills}`,
    `pauses past the lease:      ${result.pauses}`,
    `runs lost:                  ${result.runsLost} of ${result.runs}`,
    ...result.lostRuns.map((line) => `  ${line}`),
    `duplicate epochs:           ${result.duplicateEpochs}`,
    `missing epochs:             ${result.missingEpochs}`,
    `runs differing from the uninterrupted sweep: ${result.runsDiffering}`,
    `subscriber events missed or doubled: ${result.subscriberMisses}`,
    `blows that lost stored epochs: ${result.storedEpochsLost}`,
    `seconds of work lost per blow (since the last stored epoch): ${stats(result.secondsLostPerBlow, 1)}; an epoch took ${result.meanEpochSeconds.toFixed(1)} s on average`,
    `seconds from blow to run taken back: ${stats(result.secondsToTakeBack, 1)}`,
    `seconds from blow to resumed:  ${stats(result.secondsToResume, 1)}`,
    `runs dropped by stale workers: ${result.refusedWrites} on a refused write, ${result.unansweredWrites} on a write unanswered for a lease`,
    `chaos sweep wall time:      ${result.seconds.toFixed(0)} s`,
  ].join('\n');
}
