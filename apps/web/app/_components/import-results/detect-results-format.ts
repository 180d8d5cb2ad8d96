/** The forms `POST /imports` reads, by the API's names. */
export const RESULTS_FORMATS = ['csv', 'json', 'keras-history'] as const;
export type ResultsFormat = (typeof RESULTS_FORMATS)[number];

/**
 * The form a results file most likely has: CSV by its name, else by its first character —
 * `[` a JSON table of epoch rows, `{` a Keras `History.history` — else CSV.
 * @param name - the file's name, e.g. `runs.csv`.
 * @param head - its first characters.
 */
export function detectResultsFormat(name: string, head: string): ResultsFormat {
  if (/\.(csv|tsv|txt)$/i.test(name)) return 'csv';
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '[') return 'json';
  if (first === '{') return 'keras-history';
  return 'csv';
}
