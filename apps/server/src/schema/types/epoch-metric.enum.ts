import { registerEnumType } from 'type-graphql';

/** A per-epoch number of a run, as `Run.series` reads it; each value names the `Epoch` field it comes from. */
export enum EpochMetric {
  LOSS = 'loss',
  ACCURACY = 'accuracy',
  VAL_LOSS = 'valLoss',
  VAL_ACCURACY = 'valAccuracy',
  DURATION_MS = 'durationMs',
  IMAGES_PER_SECOND = 'imagesPerSecond',
  NOISE_SCALE = 'noiseScale',
}
registerEnumType(EpochMetric, {
  name: 'EpochMetric',
  description: 'One number of an epoch, named as its Epoch field is (LOSS is Epoch.loss, VAL_ACCURACY is Epoch.valAccuracy, …).',
});
