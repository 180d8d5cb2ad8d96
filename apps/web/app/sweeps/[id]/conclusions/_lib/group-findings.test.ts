import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { groupFindings, type Finding } from './group-findings';

const finding = (topic: Finding['topic'], text: string): Finding => ({ topic, text });

describe('groupFindings', () => {
  const findings = [finding('RANKING', 'best'), finding('SCALING', 'slope'), finding('RANKING', 'ranked'), finding('REFERENCE', 'rho')];

  it('groups findings by topic in the order of the topics, keeping the order within each', () => {
    const groups = groupFindings(findings);
    assert.deepEqual(
      groups.map((group) => [group.topic, group.findings.map((f) => f.text)]),
      [
        ['RANKING', ['best', 'ranked']],
        ['SCALING', ['slope']],
        ['REFERENCE', ['rho']],
      ],
    );
    assert.equal(groups[0]?.title, 'Ranking');
  });

  it('keeps only the topics asked for, in the order asked', () => {
    const groups = groupFindings(findings, ['SCALING', 'LEARNING_RATE', 'RANKING']);
    assert.deepEqual(
      groups.map((group) => group.topic),
      ['SCALING', 'RANKING'],
    );
  });

  it('gives no groups for no findings', () => {
    assert.deepEqual(groupFindings([]), []);
  });
});
