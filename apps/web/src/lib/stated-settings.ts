/** What {@link statesSetting} and {@link describeImport} read of a sweep. */
export interface SweepProvenance {
  createdBy: string;
  /** The settings an imported sweep's results never stated: their values are defaults filled in, not how its runs trained. */
  unstatedSettings: readonly string[];
  /** The files (or `api`) its imported runs came from, in the order imported. */
  importedFrom: readonly string[];
}

/** Settings of training here, which results trained elsewhere never state. */
const TRAINED_HERE_ONLY = new Set(['earlyStopPatience', 'pruner', 'noiseScaleInterval']);

/**
 * Whether a sweep's value for a setting says how its runs trained: always for a sweep
 * trained here; for an imported one, only when its import stated it. Early stopping,
 * pruning and the noise-scale interval (`earlyStopPatience`, `pruner`,
 * `noiseScaleInterval`) are rules of training here, so an import never states them.
 */
export function statesSetting(sweep: SweepProvenance, setting: string): boolean {
  if (sweep.createdBy !== 'import') return true;
  return !TRAINED_HERE_ONLY.has(setting) && !sweep.unstatedSettings.includes(setting);
}

/**
 * Where an imported sweep's results came from, e.g. `imported from colab.csv and
 * run2.json`, `imported through the API`, or for a sweep trained here with runs added by
 * import, `some runs imported from late.csv`; null for a sweep with no imported run.
 */
export function describeImport(sweep: SweepProvenance): string | null {
  if (sweep.createdBy !== 'import' && sweep.importedFrom.length === 0) return null;
  const imported = sweep.createdBy === 'import' ? 'imported' : 'some runs imported';
  const files = sweep.importedFrom.filter((source) => source !== 'api');
  const through = sweep.importedFrom.includes('api') ? 'through the API' : '';
  if (files.length === 0) return `${imported} ${through || 'from results trained elsewhere'}`;
  const named = files.length === 1 ? files[0] : `${files.slice(0, -1).join(', ')} and ${files.at(-1)}`;
  return `${imported} from ${named}${through ? ` and ${through}` : ''}`;
}
