import { maxNameLength } from '../annotations/validate-annotations.js';
import { ErrorCode, SweepscopeError } from '../errors/sweepscope-error.js';
import type { Cell } from './parse-cells.js';
import { validateSweepInput, type SweepInput, type SweepSettings, type ValidateSweepInputOptions } from './validate-sweep-input.js';

/**
 * A probe's epochs unless the request says: the first is not measured (the gradient's scale
 * settles in it), and two more give some dozens of measurements at {@link probeNoiseScaleInterval}.
 */
export const probeEpochs = 3;

/** A probe measures every other step: it is short, and is there to measure. */
export const probeNoiseScaleInterval = 2;

/** A probe of a sweep: the one cell it trains, and the checked settings it trains with. */
export interface ProbeSweep {
  /** The sweep's middle batch size with the middle of its learning rates (the lower middle of an even count). */
  cell: Cell;
  /** The sweep's settings with the probe's cell, epochs, one repeat and its measuring interval. */
  settings: SweepSettings;
  /** The same as a request, for `createSweep`: it checks it again on the way in. */
  input: SweepInput;
}

/**
 * The short run that plans a sweep, for the terminal's `plan` and the API's `planSweep` alike:
 * the sweep's middle batch size at the middle of its learning rates (the curve's height is set
 * through it, so a middling rate rather than the boldest), trained once for {@link probeEpochs} epochs unless
 * the request names its epochs, measuring the gradient noise scale every
 * {@link probeNoiseScaleInterval} steps unless it names another interval. Its name says what it
 * probes; it takes none of the sweep's tags or notes, which would list it among the sweeps they
 * mark.
 * @throws {SweepscopeError} BAD_USER_INPUT for a setting the sweep itself would be refused for, fewer than 2 epochs or no measuring
 */
export function probeSweep(input: SweepInput, options: ValidateSweepInputOptions = {}): ProbeSweep {
  const nameOf = options.fieldName ?? ((field: string) => field);
  const requested = validateSweepInput(input, options);
  const lowerMiddle = <T>(sorted: T[]): T => sorted[Math.floor((sorted.length - 1) / 2)]!;
  const batchSize = lowerMiddle([...new Set(requested.cells.map((each) => each.batchSize))].sort((a, b) => a - b));
  const learningRate = lowerMiddle(
    requested.cells
      .filter((each) => each.batchSize === batchSize)
      .map((each) => each.learningRate)
      .sort((a, b) => a - b),
  );
  const cell = { batchSize, learningRate };
  const refuse = (setting: string, value: number, expected: string): never => {
    const field = nameOf(setting);
    throw new SweepscopeError(ErrorCode.BadUserInput, `${field} is ${value}: expected ${expected}.`, { field: [field] });
  };
  const epochs = input.epochs ?? probeEpochs;
  if (epochs < 2) refuse('epochs', epochs, 'at least 2 for a probe, whose first epoch is not measured');
  const noiseScaleInterval = input.noiseScaleInterval ?? probeNoiseScaleInterval;
  if (noiseScaleInterval < 1) refuse('noiseScaleInterval', noiseScaleInterval, 'at least 1 for a probe, which is there to measure');
  const { batchSizes: _grid, learningRates: _rates, ...rest } = input;
  const probe: SweepInput = {
    ...rest,
    name: `Probe of ${requested.name}`.slice(0, maxNameLength),
    tags: [],
    notes: '',
    cells: [cell],
    epochs,
    repeats: 1,
    noiseScaleInterval,
  };
  return { cell, settings: validateSweepInput(probe, options), input: probe };
}
