import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { apiRouteUrl } from './api-route-url';

describe('apiRouteUrl', () => {
  it('puts the route beside /graphql, under any prefix, with its query and without the endpoint’s', () => {
    assert.equal(apiRouteUrl('http://localhost:4000/graphql', '/imports'), 'http://localhost:4000/imports');
    assert.equal(
      apiRouteUrl('https://host/api/graphql/?x=1#y', '/imports', { format: 'csv', name: 'a & b', dataset: '' }),
      'https://host/api/imports?format=csv&name=a+%26+b',
    );
  });
});
