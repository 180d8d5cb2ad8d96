import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { describeImport, statesSetting } from './stated-settings';

const trained = { createdBy: 'api', unstatedSettings: [], importedFrom: [] };
const imported = { createdBy: 'import', unstatedSettings: ['alpha', 'seed'], importedFrom: ['colab.csv'] };

describe('statesSetting', () => {
  it("takes a trained sweep's settings as stated, and an imported one's only where its import gave them", () => {
    assert.equal(statesSetting(trained, 'alpha'), true);
    assert.equal(statesSetting(trained, 'earlyStopPatience'), true);
    assert.equal(statesSetting(imported, 'alpha'), false);
    assert.equal(statesSetting(imported, 'inputSize'), true);
    assert.equal(statesSetting(imported, 'pruner'), false, 'an import never says how training here would stop');
    assert.equal(statesSetting(imported, 'noiseScaleInterval'), false, 'nor how often it would measure the noise scale');
  });
});

describe('describeImport', () => {
  it('names the files an imported sweep came from, or the API', () => {
    assert.equal(describeImport(trained), null);
    assert.equal(describeImport(imported), 'imported from colab.csv');
    assert.equal(describeImport({ ...imported, importedFrom: ['a.csv', 'b.json', 'c.csv'] }), 'imported from a.csv, b.json and c.csv');
    assert.equal(describeImport({ ...imported, importedFrom: ['api'] }), 'imported through the API');
    assert.equal(describeImport({ ...imported, importedFrom: ['a.csv', 'api'] }), 'imported from a.csv and through the API');
  });

  it('names the runs imported into a sweep trained here', () => {
    assert.equal(describeImport({ ...trained, importedFrom: ['late.csv'] }), 'some runs imported from late.csv');
  });
});
