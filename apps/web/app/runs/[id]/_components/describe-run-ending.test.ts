import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { describeRunEnding } from './describe-run-ending';

describe('describeRunEnding', () => {
  it('heads a stopped-early or pruned run by what ended it, out of the failure colours', () => {
    assert.deepEqual(describeRunEnding('STOPPED_EARLY'), { heading: 'Stopped early', className: 'notice notice-stopped_early' });
    assert.deepEqual(describeRunEnding('PRUNED'), { heading: 'Pruned', className: 'notice notice-pruned' });
  });

  it('heads a diverged run as diverged and any other reason as a failure', () => {
    assert.deepEqual(describeRunEnding('DIVERGED'), { heading: 'Diverged', className: 'notice notice-error' });
    assert.deepEqual(describeRunEnding('FAILED'), { heading: 'Failed', className: 'notice notice-error' });
  });
});
