// `npm run bench:train`: training throughput of MobileNetV2 α 0.35 at 32×32, batch 32, on
// every TensorFlow.js backend that loads here and on PyTorch (one thread) when Debian's
// python3-torch is installed, measured in this one run and printed beside the recorded
// baselines; then the wall time of the quick preset's whole sweep with one worker process
// and with one per core. Never part of npm test; run it on an otherwise idle machine, with
// no other worker on the database (it would help the sweep).
//
//   npm run bench:train                 everything (the sweeps, with 1 and with all workers, take minutes)
//   npm run bench:train -- --no-sweep   throughput only
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { formatDuration, formatTable } from '@sweepscope/core';

const run = promisify(execFile);
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
/** Debian chromium's software Vulkan driver: a WebGPU adapter where there is no GPU. */
const swiftShader = '/usr/lib/chromium/vk_swiftshader_icd.json';
const root = here('..');

/** The quick preset's whole sweep on 2 workers should take less than this (issue 18). */
const SWEEP_TARGET_SECONDS = 90;

const { values } = parseArgs({ options: { 'no-sweep': { type: 'boolean', default: false } } });

/** Figures measured earlier on one of the 2-core build machines (ENVIRONMENT.md), for comparison. */
const baselines = JSON.parse(readFileSync(here('./baselines.json'), 'utf8')) as Record<string, { imagesPerSecond: string; source: string }>;

interface Row {
  engine: string;
  imagesPerSecond: number | null;
  note: string;
}
const rows: Row[] = [];

// Training measures the gradient noise scale (every 20th step, two half-batch passes): the
// throughput rows include its cost, and the WASM engine is also timed without it.
for (const [backend, noiseScale] of [
  ['node-gpu', true],
  ['node', true],
  ['webgpu', true],
  ['wasm', true],
  ['wasm', false],
  ['cpu', true],
] as const) {
  // The plain JS engine is ~15× slower: fewer batches keep it to about a minute. The WASM
  // engine's two rows take 100 batches an epoch, 5 of them measuring: with 20, one measuring
  // step an epoch, the noise scale's cost came out anywhere from 0 to 19 %.
  // WebGPU on a machine without a GPU runs on SwiftShader, Chromium's software Vulkan driver,
  // at a few images a second: three batches, and the row says which adapter it was.
  const batches = backend === 'cpu' || backend === 'webgpu' ? '3' : backend === 'wasm' ? '100' : '20';
  let engine = `tfjs ${backend}${noiseScale ? '' : ', no noise scale'}`;
  try {
    const args = [here('./measure-training.ts'), '--backend', backend, '--batches', batches, ...(noiseScale ? [] : ['--no-noise-scale'])];
    const { stdout } = await run(process.execPath, ['--import', 'tsx', ...args], {
      cwd: root,
      maxBuffer: 1 << 24,
      env: backend === 'webgpu' && !process.env.VK_ICD_FILENAMES && existsSync(swiftShader) ? { ...process.env, VK_ICD_FILENAMES: swiftShader } : process.env,
    });
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { imagesPerSecond?: number; reason?: string; unavailable?: string };
    if (result.reason?.includes('software adapter')) engine += ' (software adapter)';
    rows.push({
      engine,
      imagesPerSecond: result.imagesPerSecond ?? null,
      note: result.unavailable ?? result.reason?.split('; ').at(-1) ?? '',
    });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    rows.push({ engine, imagesPerSecond: null, note: `failed: ${stderr.trim().split('\n').at(-1) ?? ''}` });
  }
}

const pytorch = [await measurePytorch('NCHW', 'contiguous'), await measurePytorch('channels-last', 'channels_last')];
rows.push(...pytorch);

// The ratio is taken against PyTorch at its best on one thread, the layout a PyTorch user after speed would pick.
const best = pytorch.reduce<Row | null>(
  (fastest, row) => (row.imagesPerSecond !== null && (fastest?.imagesPerSecond ?? -1) < row.imagesPerSecond ? row : fastest),
  null,
);
const reference = best?.imagesPerSecond ?? null;
console.log('\nTraining throughput, MobileNetV2 α 0.35, 32×32, batch 32 (images/s; this run beside the recorded baseline)\n');
console.log(
  formatTable(
    ['engine', 'this run', 'baseline', '× PyTorch at its best', 'note'],
    rows.map((row) => [
      row.engine,
      row.imagesPerSecond === null ? '—' : row.imagesPerSecond.toFixed(1),
      baselines[row.engine]?.imagesPerSecond ?? '—',
      row.imagesPerSecond === null || reference === null ? '—' : (row.imagesPerSecond / reference).toFixed(2),
      row.note,
    ]),
  ),
);
const wasm = rows.find((row) => row.engine === 'tfjs wasm')?.imagesPerSecond ?? null;
if (wasm !== null && best !== null && reference !== null) {
  const verdict = wasm >= reference ? 'met' : 'missed';
  console.log(
    `\ntarget: tfjs wasm ≥ 1.0 × ${best.engine} (PyTorch at its best here) = ${reference.toFixed(0)} images/s; measured ${wasm.toFixed(1)} (${(wasm / reference).toFixed(2)}×): ${verdict}`,
  );
}

const plainWasm = rows.find((row) => row.engine === 'tfjs wasm, no noise scale')?.imagesPerSecond ?? null;
if (wasm !== null && plainWasm !== null) {
  const cost = 1 - wasm / plainWasm;
  console.log(
    `target: measuring the gradient noise scale costs ≤ 10 % of training (issue 20); measured ${(cost * 100).toFixed(1)} % on tfjs wasm (${wasm.toFixed(1)} against ${plainWasm.toFixed(1)} images/s without): ${cost <= 0.1 ? 'met' : 'missed'}`,
  );
}

if (!values['no-sweep']) {
  console.log('\nThe quick preset, whole sweep (5 runs × 10 epochs, 2,000 training images), from the terminal command:');
  for (const workers of [1, availableParallelism()]) {
    const start = performance.now();
    const { stdout } = await run(
      process.execPath,
      [
        `${root}/packages/trainer/dist/cli/main.js`,
        '--preset',
        'quick',
        '--workers',
        String(workers),
        '--name',
        `bench: quick preset, ${workers} workers`,
        '--json',
      ],
      { cwd: root, maxBuffer: 1 << 26 },
    );
    const seconds = (performance.now() - start) / 1000;
    const result = JSON.parse(stdout) as { runs: { status: string }[] };
    const succeeded = result.runs.filter((entry) => entry.status === 'succeeded').length;
    const target =
      workers === 2 ? `; target < ${formatDuration(SWEEP_TARGET_SECONDS * 1000)} on 2 workers: ${seconds < SWEEP_TARGET_SECONDS ? 'met' : 'missed'}` : '';
    console.log(
      `  ${workers} worker${workers === 1 ? ' ' : 's'}: ${formatDuration(seconds * 1000)} wall, ${succeeded}/${result.runs.length} runs succeeded${target}`,
    );
  }
}

/** PyTorch's figure in one memory layout from bench/pytorch-baseline.py, or why there is none. */
async function measurePytorch(layout: string, memoryFormat: 'contiguous' | 'channels_last'): Promise<Row> {
  const engine = `PyTorch ${layout}, 1 thread`;
  // Debian's torch imports only from Debian's own interpreter, not the python3 first on PATH.
  const python = '/usr/bin/python3';
  try {
    const { stdout } = await run(python, [here('./pytorch-baseline.py'), '--threads', '1', '--memory-format', memoryFormat], { cwd: root });
    const result = JSON.parse(stdout.trim()) as { imagesPerSecond: number; torch: string; torchvision: string };
    return { engine, imagesPerSecond: result.imagesPerSecond, note: `torch ${result.torch}, torchvision ${result.torchvision}` };
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    const missing = /No module named '(\w+)'/.exec(stderr);
    return {
      engine,
      imagesPerSecond: null,
      note: missing ? `not installed (${missing[1]}): apt-get install python3-torch python3-torchvision` : (stderr.trim().split('\n').at(-1) ?? 'failed'),
    };
  }
}
