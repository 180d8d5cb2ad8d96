import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { AA_CONTRAST, contrastRatio, parseHex } from './pick-text-color';
import { createSequentialScale, sampleViridis, SCALE_LEVELS, VIRIDIS_STOPS } from './sequential-scale';

describe('sampleViridis', () => {
  it('returns the stops at their positions and clamps outside [0, 1]', () => {
    assert.equal(sampleViridis(0), VIRIDIS_STOPS[0]);
    assert.equal(sampleViridis(0.5), VIRIDIS_STOPS[5]);
    assert.equal(sampleViridis(1), VIRIDIS_STOPS[10]);
    assert.equal(sampleViridis(-3), VIRIDIS_STOPS[0]);
    assert.equal(sampleViridis(7), VIRIDIS_STOPS[10]);
  });

  it('gets lighter all the way from its dark end to its bright end', () => {
    let previous = -1;
    for (let t = 0; t <= 1.0001; t += 0.01) {
      const { r, g, b } = parseHex(sampleViridis(t));
      const lightness = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      assert.ok(lightness > previous, `at t=${t.toFixed(2)}`);
      previous = lightness;
    }
  });
});

describe('createSequentialScale', () => {
  it('puts the higher end of an accuracy domain at the bright end', () => {
    const scale = createSequentialScale({ min: 0.5, max: 0.9, log: false }, 'higher');
    assert.equal(scale.colorOf(0.9).fill, VIRIDIS_STOPS[10]);
    assert.equal(scale.colorOf(0.5).fill, VIRIDIS_STOPS[0]);
    assert.equal(scale.best, 0.9);
    assert.equal(scale.worst, 0.5);
  });

  it('reverses for a loss, so the lowest loss is bright too', () => {
    const scale = createSequentialScale({ min: 0.4, max: 2.3, log: false }, 'lower');
    assert.equal(scale.colorOf(0.4).fill, VIRIDIS_STOPS[10]);
    assert.equal(scale.colorOf(2.3).fill, VIRIDIS_STOPS[0]);
    assert.equal(scale.best, 0.4);
    assert.equal(scale.worst, 2.3);
  });

  it('places values by their logarithm on a log domain, so equal ratios are equal steps', () => {
    const scale = createSequentialScale({ min: 0.1, max: 10, log: true }, 'lower');
    assert.ok(Math.abs(scale.position(1) - 0.5) < 1e-12);
    assert.ok(Math.abs(scale.position(0.1) - 1) < 1e-12);
    assert.ok(Math.abs(scale.position(10 ** -0.5) - 0.75) < 1e-12);
  });

  it("gives values beyond the domain the colour of the nearer end, a log domain's non-positive values too", () => {
    const accuracy = createSequentialScale({ min: 0.1, max: 1, log: false }, 'higher');
    assert.equal(accuracy.position(0.02), 0);
    assert.equal(accuracy.colorOf(0.02).fill, VIRIDIS_STOPS[0]);
    const loss = createSequentialScale({ min: 0.1, max: 1, log: true }, 'lower');
    assert.equal(loss.position(5), 0);
    assert.equal(loss.position(0), 1);
    assert.equal(loss.position(-1), 1);
  });

  it('gives every value one colour on a domain without width, and has no ends without a domain', () => {
    const flat = createSequentialScale({ min: 0.25, max: 0.25, log: false }, 'higher');
    assert.equal(flat.position(0.25), 0.5);
    assert.equal(flat.colorOf(0.1).fill, flat.colorOf(0.9).fill);
    const empty = createSequentialScale(null, 'higher');
    assert.equal(empty.domain, null);
    assert.equal(empty.best, null);
    assert.equal(empty.worst, null);
  });

  it('hands out a fixed set of colours, so a small move of the domain leaves most values their colour', () => {
    const before = createSequentialScale({ min: 0.1, max: 0.9, log: false }, 'higher');
    const after = createSequentialScale({ min: 0.1, max: 0.902, log: false }, 'higher');
    const values = Array.from({ length: 101 }, (_, i) => 0.1 + (0.8 * i) / 100);
    const fills = new Set(values.map((v) => before.colorOf(v).fill));
    assert.ok(fills.size <= SCALE_LEVELS, `expected at most ${SCALE_LEVELS} colours, got ${fills.size}`);
    const moved = values.filter((v) => before.colorOf(v).fill !== after.colorOf(v).fill).length;
    assert.ok(moved < values.length / 5, `expected under a fifth to change colour, got ${moved} of ${values.length}`);
    assert.equal(before.colorOf(0.9).fill, VIRIDIS_STOPS[10]);
  });

  it('gives every colour of the scale a text colour meeting WCAG AA', () => {
    const scale = createSequentialScale({ min: 0, max: 1, log: false }, 'higher');
    for (let v = 0; v <= 1.0001; v += 0.005) {
      const { fill, text } = scale.colorOf(v);
      const ratio = contrastRatio(parseHex(fill), parseHex(text));
      assert.ok(ratio >= AA_CONTRAST, `${fill} with ${text}: expected ≥ 4.5, got ${ratio.toFixed(2)}`);
    }
  });
});
