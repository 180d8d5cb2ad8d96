/** What a finding is about; the GraphQL `FindingTopic` enum. */
export type FindingTopic =
  'ranking' | 'learning-rate' | 'scaling' | 'overfitting' | 'speed' | 'failures' | 'coverage' | 'stability' | 'repeats' | 'reference' | 'noise-scale';

/** One number a finding rests on, named as the sentence names it. */
export interface FindingNumber {
  /** What the number is, e.g. "final validation accuracy (batch 32, LR 0.1)". */
  label: string;
  /** The unrounded value; accuracies are fractions 0–1, not percentages. Always finite. */
  value: number;
}

/** One conclusion of a sweep: a plain English sentence and the numbers it rests on. */
export interface Finding {
  topic: FindingTopic;
  text: string;
  numbers: FindingNumber[];
}

/** What each part of the conclusions returns: its typed result and the sentences it supports. */
export interface Concluded<T> {
  result: T;
  findings: Finding[];
}
