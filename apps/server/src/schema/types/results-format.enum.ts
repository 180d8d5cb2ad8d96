import { registerEnumType } from 'type-graphql';

/** The forms `importResults` reads. Values are the service's format names, names GraphQL-style. */
export enum ResultsFormat {
  CSV = 'csv',
  JSON = 'json',
  KERAS_HISTORY = 'keras-history',
}
registerEnumType(ResultsFormat, {
  name: 'ResultsFormat',
  description:
    "CSV or JSON: a table of one row per epoch of each run. KERAS_HISTORY: one run's Keras History.history as JSON, given with its batch size and learning rate.",
  valuesConfig: {
    CSV: {
      description:
        'RFC 4180 with a header line: batch_size, learning_rate, epoch, loss, accuracy, val_loss, val_accuracy, and optionally repeat, duration_ms, images_per_second, and status (how the run ended: succeeded, the default, stopped_early, pruned, failed, diverged or cancelled).',
    },
    JSON: { description: 'An array of one object per epoch with the same keys as the CSV columns.' },
    KERAS_HISTORY: {
      description:
        '{"loss": [...], "accuracy": [...], "val_loss": [...], "val_accuracy": [...]} (or sparse_categorical_accuracy), list index i being epoch i + 1.',
    },
  },
});
