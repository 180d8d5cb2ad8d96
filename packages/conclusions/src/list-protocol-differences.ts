/** The settings of a study that decide what its numbers can be compared with. */
export interface StudyProtocol {
  /** What the base started from: "imagenet", a path or URL of weights, or null for from scratch. */
  weights: string | null;
  /** MobileNetV2 width multiplier α. */
  alpha: number;
  /** Input side in pixels. */
  inputSize: number;
  /** Training images used; null for all of the data set. */
  trainLimit: number | null;
  /** Epochs each run trained. */
  epochs: number;
}

/** One way two studies' protocols differ. */
export interface ProtocolDifference {
  /** What differs: "starting weights", "width multiplier", "input size", "training set", "epochs". */
  setting: string;
  /** The reference's value, in words. */
  reference: string;
  /** This sweep's value, in words. */
  ours: string;
}

const describeWeights = (weights: string | null): string =>
  weights === null ? 'from scratch' : weights === 'imagenet' ? 'ImageNet weights' : `weights from ${weights}`;
const describeTrainingSet = (limit: number | null): string => (limit === null ? 'all of its data set' : `${limit.toLocaleString('en-US')} training images`);

/**
 * The protocol settings in which this sweep differs from the reference: any of them can
 * explain where their results disagree. The data sets themselves cannot be compared (the
 * reference does not name its own), so only how much of each was used is.
 */
export function listProtocolDifferences(reference: StudyProtocol, ours: StudyProtocol): ProtocolDifference[] {
  const settings: [string, string, string][] = [
    ['starting weights', describeWeights(reference.weights), describeWeights(ours.weights)],
    ['width multiplier', `α ${reference.alpha}`, `α ${ours.alpha}`],
    ['input size', `${reference.inputSize}×${reference.inputSize} px`, `${ours.inputSize}×${ours.inputSize} px`],
    ['training set', describeTrainingSet(reference.trainLimit), describeTrainingSet(ours.trainLimit)],
    ['epochs', String(reference.epochs), String(ours.epochs)],
  ];
  return settings.filter(([, theirs, mine]) => theirs !== mine).map(([setting, theirs, mine]) => ({ setting, reference: theirs, ours: mine }));
}
