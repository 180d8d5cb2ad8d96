import { groupFindings, type Finding, type FindingTopic } from '../_lib/group-findings';
import styles from '../conclusions.module.css';

/** Props of {@link FindingsList}. */
export interface FindingsListProps {
  findings: readonly Finding[];
  /** The topics to show, in order, each under its own heading. */
  topics: readonly FindingTopic[];
}

/**
 * The API's findings of some topics as sentences, grouped by topic. The
 * sentences carry their numbers; the API's list of them is not shown again.
 */
export function FindingsList({ findings, topics }: FindingsListProps) {
  const groups = groupFindings(findings, topics);
  if (groups.length === 0) return null;
  return (
    <div data-testid="findings">
      {groups.map((group) => (
        <div key={group.topic} className={styles.findingGroup} data-testid={`findings-${group.topic.toLowerCase()}`}>
          {groups.length > 1 && <h3>{group.title}</h3>}
          <ul className={styles.findings}>
            {group.findings.map((finding, index) => (
              <li key={index} className={styles.finding} data-testid="finding">
                <p>{finding.text}</p>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
