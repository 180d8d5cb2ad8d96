import { formatFindingNumber } from '../_lib/format-finding-number';
import { groupFindings, type Finding, type FindingTopic } from '../_lib/group-findings';
import styles from '../conclusions.module.css';

/** More numbers than this fold the rest away behind a "more" toggle. */
const VISIBLE_NUMBERS = 6;

function Chips({ numbers }: { numbers: Finding['numbers'] }) {
  return (
    <ul className={styles.chips} aria-label="The numbers it rests on">
      {numbers.map((number, index) => (
        <li key={index} className={styles.chip}>
          <span>{number.label}</span>
          <strong>{formatFindingNumber(number)}</strong>
        </li>
      ))}
    </ul>
  );
}

function NumberChips({ numbers }: { numbers: Finding['numbers'] }) {
  if (numbers.length <= VISIBLE_NUMBERS) return <Chips numbers={numbers} />;
  // A ranking of many cells carries a number per cell; its sentence already lists them in order.
  return (
    <details className={styles.moreNumbers}>
      <summary>The {numbers.length} numbers it rests on</summary>
      <Chips numbers={numbers} />
    </details>
  );
}

/** Props of {@link FindingsList}. */
export interface FindingsListProps {
  findings: readonly Finding[];
  /** The topics to show, in order, each under its own heading. */
  topics: readonly FindingTopic[];
}

/**
 * The API's findings of some topics as sentences, grouped by topic, each
 * followed by the numbers it rests on as small labelled chips.
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
                {finding.numbers.length > 0 && <NumberChips numbers={finding.numbers} />}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
