'use client';

import { datasetNames, defaultNoiseScaleInterval, presetNames, presets, type Preset } from '@sweepscope/core';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';

import { CreateSweepMutation, PlanSweepMutation, splitFieldErrors, SweepPlanQuery } from '@/graphql';
import { useFocusAfterRender } from '@/lib/use-focus-after-render';
import { useUrlState } from '@/lib/use-url-state';

import { buildCreateSweepInput, EMPTY_NEW_SWEEP, PRUNERS, type NewSweepField, type NewSweepValues } from './build-create-sweep-input';
import { FormField } from './form-field';
import { newSweepFromPlan } from './new-sweep-from-plan';
import { sweepListUrlState } from './sweep-list-url-state';

/** A numeric setting: its label, a hint, and the preset's value shown as placeholder. */
interface NumberSetting {
  field: Extract<
    NewSweepField,
    | 'repeats'
    | 'epochs'
    | 'alpha'
    | 'inputSize'
    | 'batchNormMomentum'
    | 'divergenceFactor'
    | 'noiseScaleInterval'
    | 'earlyStopPatience'
    | 'pruneWarmupEpochs'
    | 'shuffleBuffer'
    | 'seed'
    | 'trainLimit'
    | 'valLimit'
  >;
  label: string;
  help: string;
  /** What an empty field means, given the preset. */
  placeholder: (preset: Preset) => string;
  /** Decimal keypad rather than digits only. */
  decimal?: boolean;
}

const TRAINING: readonly NumberSetting[] = [
  { field: 'epochs', label: 'Epochs', help: 'Epochs each run trains.', placeholder: (p) => String(p.epochs) },
  { field: 'repeats', label: 'Repeats', help: 'Times each cell is trained, each with its own seed.', placeholder: () => '1' },
  { field: 'seed', label: 'Seed', help: 'Seed of the first repeat; repeat r uses seed + r − 1.', placeholder: () => '42' },
  { field: 'shuffleBuffer', label: 'Shuffle buffer', help: 'tf.data-style shuffle buffer, in images.', placeholder: (p) => String(p.shuffleBuffer) },
  {
    field: 'trainLimit',
    label: 'Training images',
    help: 'A stratified subset; “all” uses every image.',
    placeholder: (p) => (p.trainLimit === null ? 'all' : String(p.trainLimit)),
  },
  {
    field: 'valLimit',
    label: 'Validation images',
    help: 'A stratified subset; “all” uses every image.',
    placeholder: (p) => (p.valLimit === null ? 'all' : String(p.valLimit)),
  },
  {
    field: 'divergenceFactor',
    label: 'Divergence factor',
    help: 'A run diverges when its epoch’s mean loss passes this many times a uniform guess’s (ln classes), 2 to 10¹².',
    placeholder: () => '10',
    decimal: true,
  },
  {
    field: 'noiseScaleInterval',
    label: 'Noise-scale interval',
    help: 'Measure the gradient noise scale every this many steps from the second epoch (two half-batch passes each time); 0 never. A probe measures every other step.',
    placeholder: () => String(defaultNoiseScaleInterval),
  },
];

// No preset sets these: their placeholders are the API's defaults.
const EARLY_STOP_PATIENCE: NumberSetting = {
  field: 'earlyStopPatience',
  label: 'Early stopping patience',
  help: 'Stop a run once its validation loss has not improved for this many epochs, keeping its best epoch as its result; empty: off.',
  placeholder: () => 'off',
};

const PRUNE_WARMUP_EPOCHS: NumberSetting = {
  field: 'pruneWarmupEpochs',
  label: 'Pruning warm-up epochs',
  help: 'Epochs every run trains before the pruner may stop it.',
  placeholder: () => '2',
};

/** The stopping rules' fields, in the order the form shows them. */
const STOPPING_FIELDS: readonly NewSweepField[] = ['earlyStopPatience', 'pruner', 'pruneWarmupEpochs'];

const MODEL: readonly NumberSetting[] = [
  { field: 'alpha', label: 'Width multiplier α', help: 'MobileNetV2 α, e.g. 0.35 or 1.0.', placeholder: (p) => String(p.alpha), decimal: true },
  { field: 'inputSize', label: 'Input size', help: 'Input side in pixels, at least 32.', placeholder: (p) => String(p.inputSize) },
  {
    field: 'batchNormMomentum',
    label: 'Batch-norm momentum',
    help: 'Of the moving statistics validation uses, 0 ≤ m < 1.',
    placeholder: (p) => String(p.batchNormMomentum),
    decimal: true,
  },
];

/** The fields the form shows for these values: a refusal naming another goes to the form's own notice. */
function visibleFields(values: NewSweepValues): Set<string> {
  const fields = new Set<string>(['preset', 'name', 'dataset', ...TRAINING.map((s) => s.field), ...STOPPING_FIELDS, ...MODEL.map((s) => s.field)]);
  if (values.dataset === 'images') fields.add('dataDir');
  if (values.cellsMode === 'cells') fields.add('cells');
  else ['batchSizes', 'learningRates'].forEach((field) => fields.add(field));
  return fields;
}

const fieldId = (field: NewSweepField): string => `new-sweep-${field}`;

/** The refused field that comes first in the form, to focus. */
function firstField(errors: Partial<Record<NewSweepField, string>>): NewSweepField | null {
  const order: NewSweepField[] = [
    'preset',
    'name',
    'dataset',
    'dataDir',
    'cells',
    'batchSizes',
    'learningRates',
    ...TRAINING.map((s) => s.field),
    ...STOPPING_FIELDS,
    ...MODEL.map((s) => s.field),
  ];
  return order.find((field) => errors[field] !== undefined) ?? null;
}

/**
 * The New sweep form, open while the URL has `?new=1`: the trainer's settings
 * (empty fields take the preset's value, shown as placeholders), sent as
 * `createSweep`, or as `planSweep` to train a probe first. Each value the API
 * refuses is shown at its field, and the first refused field gets the focus;
 * once created, it opens the new sweep (or the probe, whose page shows the
 * plan). With `?plan=ID` it starts from that probe's proposed grid.
 */
export function NewSweepForm() {
  const router = useRouter();
  const [{ new: open, plan: planId }, setUrlState] = useUrlState(sweepListUrlState);
  const [values, setValues] = useState<NewSweepValues>(EMPTY_NEW_SWEEP);
  const [planned] = useQuery({ query: SweepPlanQuery, variables: { id: planId }, pause: !open || planId === '' });
  const probe = planId === '' ? undefined : planned.data?.sweep;
  // Filled once per plan: a later read of the same plan must not undo what was typed since.
  const [filledFrom, setFilledFrom] = useState('');
  useEffect(() => {
    const filled = probe ? newSweepFromPlan(probe) : null;
    if (filled === null || filledFrom === planId) return;
    setFilledFrom(planId);
    // Only into a form nobody has typed in yet.
    setValues((current) => (current === EMPTY_NEW_SWEEP ? filled : current));
  }, [probe, planId, filledFrom]);
  const [errors, setErrors] = useState<Partial<Record<NewSweepField, string>>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [navigating, setNavigating] = useState(false);
  const [{ fetching: creating }, createSweep] = useMutation(CreateSweepMutation);
  const [{ fetching: planning }, planSweep] = useMutation(PlanSweepMutation);
  const focusAfterRender = useFocusAfterRender();
  const focusFirst = (errors: Partial<Record<NewSweepField, string>>): void => {
    const first = firstField(errors);
    if (first !== null) focusAfterRender(fieldId(first));
  };

  if (!open) return null;
  const preset = presets[values.preset];

  const set = <Key extends keyof NewSweepValues>(key: Key, value: NewSweepValues[Key]): void => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors(({ [key as NewSweepField]: _fixed, ...rest }) => rest);
  };

  /** Sends the form as a sweep, or with `asProbe` as a probe that plans one. */
  async function send(asProbe: boolean): Promise<void> {
    setFormErrors([]);
    // The form's epochs, repeats and interval are the sweep's: a probe trains once, for its own
    // few epochs, measuring every other step, and neither sends nor checks them.
    const built = buildCreateSweepInput(asProbe ? { ...values, epochs: '', repeats: '', noiseScaleInterval: '' } : values);
    if (!built.ok) {
      setErrors(built.errors);
      focusFirst(built.errors);
      return;
    }
    const result = asProbe ? await planSweep({ input: built.input }) : await createSweep({ input: built.input });
    if (result.error !== undefined) {
      const { byField, other } = splitFieldErrors(result.error);
      const shown = visibleFields(values);
      const atFields: Partial<Record<NewSweepField, string>> = {};
      const elsewhere = [...other];
      for (const [field, message] of Object.entries(byField)) {
        if (shown.has(field)) atFields[field as NewSweepField] = message;
        else elsewhere.push(message);
      }
      setErrors(atFields);
      setFormErrors(elsewhere);
      focusFirst(atFields);
      return;
    }
    const id = result.data === undefined ? undefined : 'planSweep' in result.data ? result.data.planSweep.id : result.data.createSweep.id;
    if (id !== undefined) {
      setNavigating(true);
      router.push(`/sweeps/${encodeURIComponent(id)}`);
    }
  }

  const numberField = (setting: NumberSetting) => (
    <FormField key={setting.field} id={fieldId(setting.field)} label={setting.label} help={setting.help} error={errors[setting.field]}>
      {(control) => (
        <input
          {...control}
          name={setting.field}
          type="text"
          inputMode={setting.decimal ? 'decimal' : 'numeric'}
          autoComplete="off"
          value={values[setting.field]}
          placeholder={setting.placeholder(preset)}
          onChange={(event) => set(setting.field, event.target.value)}
        />
      )}
    </FormField>
  );

  const busy = creating || planning || navigating;
  return (
    <section id="new-sweep-panel" className="panel" aria-labelledby="new-sweep-title" data-testid="new-sweep">
      <h2 id="new-sweep-title">New sweep</h2>
      <p className="muted">
        Empty fields take the preset&apos;s value, shown in grey. Runs are queued for the workers at once. <em>Plan with a probe</em> trains the middle cell
        briefly first, measures the gradient noise scale, and proposes a grid of batch sizes and learning rates to start from.
      </p>
      {probe?.plan?.cellsText != null && (
        <div className="notice" data-testid="from-plan">
          <p>
            Filled from the plan of <Link href={`/sweeps/${encodeURIComponent(probe.id)}`}>{probe.name}</Link>: {probe.plan.cells.length} cells around a
            critical batch size of {Math.round(probe.plan.criticalBatchSize ?? 0)} images
            {probe.plan.state === 'PROVISIONAL' ? ', measured while the probe still trains' : ''}.
          </p>
        </div>
      )}
      <form
        noValidate
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          void send(false);
        }}
        aria-busy={busy}
      >
        {formErrors.length > 0 && (
          <div role="alert" className="notice notice-error" data-testid="form-error">
            <p>
              <strong>Could not create the sweep.</strong> {formErrors.join(' ')}
            </p>
          </div>
        )}

        <div className="form-grid">
          <FormField id={fieldId('preset')} label="Preset" help={preset.description} error={errors.preset}>
            {(control) => (
              <select {...control} name="preset" value={values.preset} onChange={(event) => set('preset', event.target.value as NewSweepValues['preset'])}>
                {presetNames.map((name) => (
                  <option key={name} value={name} title={presets[name].description}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={fieldId('name')} label="Name" help="Defaults to the data set and the cells." error={errors.name}>
            {(control) => (
              <input {...control} name="name" type="text" autoComplete="off" value={values.name} onChange={(event) => set('name', event.target.value)} />
            )}
          </FormField>
          <FormField id={fieldId('dataset')} label="Data set" help="synthetic is generated; images reads a folder of class subfolders." error={errors.dataset}>
            {(control) => (
              <select {...control} name="dataset" value={values.dataset} onChange={(event) => set('dataset', event.target.value as NewSweepValues['dataset'])}>
                <option value="">preset&apos;s ({preset.dataset})</option>
                {datasetNames.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {values.dataset === 'images' && (
            <FormField id={fieldId('dataDir')} label="Data folder" help="On the workers' machines." error={errors.dataDir}>
              {(control) => (
                <input
                  {...control}
                  name="dataDir"
                  type="text"
                  autoComplete="off"
                  value={values.dataDir}
                  onChange={(event) => set('dataDir', event.target.value)}
                />
              )}
            </FormField>
          )}
        </div>

        <fieldset className="form-group">
          <legend>Cells</legend>
          <div className="radio-row">
            <label>
              <input type="radio" name="cellsMode" value="cells" checked={values.cellsMode === 'cells'} onChange={() => set('cellsMode', 'cells')} />
              List of cells
            </label>
            <label>
              <input type="radio" name="cellsMode" value="grid" checked={values.cellsMode === 'grid'} onChange={() => set('cellsMode', 'grid')} />
              Grid: batch sizes × learning rates
            </label>
          </div>
          {values.cellsMode === 'cells' ? (
            <FormField id={fieldId('cells')} label="Cells" help="batchSize:learningRate pairs separated by commas." error={errors.cells}>
              {(control) => (
                <input
                  {...control}
                  name="cells"
                  type="text"
                  autoComplete="off"
                  value={values.cells}
                  placeholder={preset.cells}
                  onChange={(event) => set('cells', event.target.value)}
                />
              )}
            </FormField>
          ) : (
            <div className="form-grid">
              <FormField id={fieldId('batchSizes')} label="Batch sizes" help="Separated by commas, e.g. 16,32,64,128." error={errors.batchSizes}>
                {(control) => (
                  <input
                    {...control}
                    name="batchSizes"
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    value={values.batchSizes}
                    onChange={(event) => set('batchSizes', event.target.value)}
                  />
                )}
              </FormField>
              <FormField id={fieldId('learningRates')} label="Learning rates" help="Separated by commas, e.g. 0.001,0.01,0.1." error={errors.learningRates}>
                {(control) => (
                  <input
                    {...control}
                    name="learningRates"
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    value={values.learningRates}
                    onChange={(event) => set('learningRates', event.target.value)}
                  />
                )}
              </FormField>
            </div>
          )}
        </fieldset>

        <fieldset className="form-group">
          <legend>Training</legend>
          <div className="form-grid">{TRAINING.map(numberField)}</div>
        </fieldset>

        <fieldset className="form-group">
          <legend>Stopping rules</legend>
          <div className="form-grid">
            {numberField(EARLY_STOP_PATIENCE)}
            <FormField
              id={fieldId('pruner')}
              label="Pruner"
              help="median: stop a run whose best validation accuracy so far is below the median of the completed runs of its batch size at the same epoch."
              error={errors.pruner}
            >
              {(control) => (
                <select {...control} name="pruner" value={values.pruner} onChange={(event) => set('pruner', event.target.value as NewSweepValues['pruner'])}>
                  <option value="">none</option>
                  {PRUNERS.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {numberField(PRUNE_WARMUP_EPOCHS)}
          </div>
        </fieldset>

        <fieldset className="form-group">
          <legend>Model</legend>
          <div className="form-grid">{MODEL.map(numberField)}</div>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {creating || (navigating && !planning) ? 'Creating…' : 'Create sweep'}
          </button>
          <button type="button" className="button" onClick={() => void send(true)} disabled={busy} data-testid="plan-sweep">
            {planning ? 'Queuing the probe…' : 'Plan with a probe'}
          </button>
          <button type="button" className="button" onClick={() => setUrlState({ new: false, plan: '' })} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
