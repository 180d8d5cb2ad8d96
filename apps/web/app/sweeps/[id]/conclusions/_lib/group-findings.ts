import type { SweepConclusions } from '@/graphql/conclusions.query';

/** One finding of the API's conclusions. */
export type Finding = SweepConclusions['findings'][number];

/** What a finding is about: the API's `FindingTopic`. */
export type FindingTopic = Finding['topic'];

/** Every topic, in the order the API lists its findings, with a heading for each. */
export const FINDING_TOPICS: readonly { topic: FindingTopic; title: string }[] = [
  { topic: 'RANKING', title: 'Ranking' },
  { topic: 'LEARNING_RATE', title: 'Best learning rate per batch size' },
  { topic: 'SCALING', title: 'Scaling with batch size' },
  { topic: 'NOISE_SCALE', title: 'The gradient noise scale' },
  { topic: 'REPEATS', title: 'Repeats and ties' },
  { topic: 'STABILITY', title: 'Stability' },
  { topic: 'FAILURES', title: 'Failures' },
  { topic: 'COVERAGE', title: 'Coverage' },
  { topic: 'OVERFITTING', title: 'Overfitting' },
  { topic: 'SPEED', title: 'Speed' },
  { topic: 'REFERENCE', title: 'The reference study' },
];

/** The findings of one topic, in the API's order. */
export interface FindingGroup {
  topic: FindingTopic;
  title: string;
  findings: Finding[];
}

/**
 * Groups findings by topic: one group per topic in `topics` that has any,
 * in the order of `topics`, each keeping the API's order of its findings.
 * Findings of topics not asked for are left out.
 * @param topics - the topics to keep, in order. @default every topic, as {@link FINDING_TOPICS}
 */
export function groupFindings(findings: readonly Finding[], topics: readonly FindingTopic[] = FINDING_TOPICS.map((entry) => entry.topic)): FindingGroup[] {
  return topics.flatMap((topic) => {
    const ofTopic = findings.filter((finding) => finding.topic === topic);
    const title = FINDING_TOPICS.find((entry) => entry.topic === topic)?.title ?? topic;
    return ofTopic.length === 0 ? [] : [{ topic, title, findings: ofTopic }];
  });
}
