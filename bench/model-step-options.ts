import type { BackendPreference } from '@sweepscope/trainer';

/**
 * The command-line options of the training benches that pick a backend and a
 * model step: `--backend wasm --alpha 0.35 --input-size 32 --batch-size 32`,
 * for `parseArgs` beside each bench's own.
 */
export const modelStepOptions = {
  backend: { type: 'string', default: 'wasm' },
  alpha: { type: 'string', default: '0.35' },
  'input-size': { type: 'string', default: '32' },
  'batch-size': { type: 'string', default: '32' },
} as const;

/** The values of {@link modelStepOptions}, as numbers where they are numbers. */
export function readModelStepOptions(values: { backend: string; alpha: string; 'input-size': string; 'batch-size': string }): {
  backend: BackendPreference;
  alpha: number;
  inputSize: number;
  batchSize: number;
} {
  return {
    backend: values.backend as BackendPreference,
    alpha: Number(values.alpha),
    inputSize: Number(values['input-size']),
    batchSize: Number(values['batch-size']),
  };
}
