import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildDownloadUrls } from './build-download-urls';

describe('buildDownloadUrls', () => {
  it("serves the files from the API's origin, beside /graphql", () => {
    assert.deepEqual(buildDownloadUrls('http://localhost:4000/graphql', '7'), {
      csv: 'http://localhost:4000/sweeps/7/epochs.csv',
      json: 'http://localhost:4000/sweeps/7/epochs.json',
    });
  });

  it('keeps a path prefix and drops a query', () => {
    assert.equal(buildDownloadUrls('https://host/api/graphql/?x=1', '12').csv, 'https://host/api/sweeps/12/epochs.csv');
  });

  it('refuses an API URL that is not absolute', () => {
    assert.throws(() => buildDownloadUrls('/graphql', '1'), TypeError);
  });
});
