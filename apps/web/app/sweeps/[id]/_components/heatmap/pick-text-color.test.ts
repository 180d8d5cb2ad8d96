import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { AA_CONTRAST, contrastRatio, parseHex, pickTextColor, relativeLuminance } from './pick-text-color';

describe('contrastRatio', () => {
  it('is 21 between black and white and 1 between a colour and itself', () => {
    assert.equal(contrastRatio(parseHex('#000000'), parseHex('#ffffff')), 21);
    assert.equal(contrastRatio(parseHex('#21918c'), parseHex('#21918c')), 1);
  });

  it('matches the WCAG figure for a known pair', () => {
    // #767676 on white is the classic 4.54:1 grey.
    assert.equal(contrastRatio(parseHex('#767676'), parseHex('#ffffff')).toFixed(2), '4.54');
  });

  it('reads luminance 0 for black and 1 for white', () => {
    assert.equal(relativeLuminance(parseHex('#000000')), 0);
    assert.equal(relativeLuminance(parseHex('#ffffff')), 1);
  });
});

describe('pickTextColor', () => {
  it('writes white on dark fills and black on light ones', () => {
    assert.equal(pickTextColor(parseHex('#440154')), '#ffffff');
    assert.equal(pickTextColor(parseHex('#fde725')), '#000000');
  });

  it('meets WCAG AA on every grey from black to white', () => {
    for (let v = 0; v <= 255; v += 1) {
      const fill = { r: v, g: v, b: v };
      const text = parseHex(pickTextColor(fill));
      assert.ok(contrastRatio(fill, text) >= AA_CONTRAST, `grey ${v}: expected ≥ 4.5, got ${contrastRatio(fill, text)}`);
    }
  });
});

describe('parseHex', () => {
  it('refuses text that is not #rrggbb', () => {
    assert.throws(() => parseHex('red'), /expected a colour as #rrggbb, got "red"/);
  });
});
