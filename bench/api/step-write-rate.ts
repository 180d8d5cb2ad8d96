import type { PrismaClient } from '@sweepscope/db';
import type { FanOutResult } from './fleet-protocol.js';
import { readCpuSeconds, readTotalCpuSeconds } from './start-api-server.js';
import type { SubscriberFleet } from './start-subscriber-fleet.js';
import { judgeStep } from './targets.js';
import { writeEpochs, type EpochSequence, type WriteEpochsResult } from './write-epochs.js';

/** One step of the throughput ramp. */
export interface ThroughputStep {
  targetRate: number;
  writes: WriteEpochsResult;
  fanOut: FanOutResult;
  /** CPU used over the step (writes and drain), as a share of one core; the servers' added up. */
  serverCpu: number;
  subscribersCpu: number;
  keepsUp: boolean;
}

/** Options of {@link stepWriteRate}. */
export interface StepWriteRateOptions {
  sequence: EpochSequence;
  /** Subscribed already, and known to be live (each has had an event). */
  fleet: SubscriberFleet;
  /** The servers the subscribers are spread over; their CPU is added up. */
  serverPids: readonly number[];
  /** Write rates to try, ascending, in events per second. */
  rates: readonly number[];
  stepSeconds: number;
  /** How long to wait for deliveries after a step's last write. @default 20000 */
  drainTimeoutMs?: number;
}

/** A ramp: the steps run, then the rates left out. */
export interface WriteRateRamp {
  subscribers: number;
  steps: ThroughputStep[];
  /** Rates not tried because an earlier step fell behind: a faster one would only pile up more. */
  skippedRates: number[];
}

/**
 * Stores epochs at each rate in turn for `stepSeconds`, waits for every subscriber to get
 * them, and judges whether delivery kept up; stops at the first step that did not. Each
 * step also records the CPU the server and the subscriber process used, as a share of one
 * core, to show which of them ran out.
 */
export async function stepWriteRate(prisma: PrismaClient, options: StepWriteRateOptions): Promise<WriteRateRamp> {
  const steps: ThroughputStep[] = [];
  const skippedRates: number[] = [];
  let subscribers = 0;
  for (const rate of options.rates) {
    if (steps.some((step) => !step.keepsUp)) {
      skippedRates.push(rate);
      continue;
    }
    // A breath between steps, so one step's stragglers are not the next one's start.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const serverCpu = await readTotalCpuSeconds(options.serverPids);
    const fleetCpu = await readCpuSeconds(options.fleet.pid);
    const start = performance.now();
    const writes = await writeEpochs(prisma, { sequence: options.sequence, ratePerSecond: rate, durationMs: options.stepSeconds * 1000 });
    const fanOut = await options.fleet.collect(writes.commits, options.drainTimeoutMs ?? 20_000);
    const seconds = (performance.now() - start) / 1000;
    subscribers = fanOut.subscribers;
    steps.push({
      targetRate: rate,
      writes,
      fanOut,
      serverCpu: ((await readTotalCpuSeconds(options.serverPids)) - serverCpu) / seconds,
      subscribersCpu: ((await readCpuSeconds(options.fleet.pid)) - fleetCpu) / seconds,
      keepsUp: judgeStep(writes, fanOut),
    });
  }
  return { subscribers, steps, skippedRates };
}
