import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { OKABE_ITO_LIGHT } from './okabe-ito';
import { readChartTheme, withAlpha } from './read-chart-theme';

function styleOf(properties: Record<string, string>): Pick<CSSStyleDeclaration, 'getPropertyValue'> {
  return { getPropertyValue: (name: string) => properties[name] ?? '' };
}

describe('readChartTheme', () => {
  it("reads the theme's custom properties", () => {
    const theme = readChartTheme(styleOf({ '--panel': ' #171b22', '--text': '#e6e9ef', '--series-1': '#56B4E9' }), true);
    assert.equal(theme.background, '#171b22');
    assert.equal(theme.text, '#e6e9ef');
    assert.equal(theme.series[0], '#56B4E9');
    assert.equal(theme.dark, true);
  });

  it('falls back to the light Okabe–Ito palette for properties not set', () => {
    const theme = readChartTheme(styleOf({}), false);
    assert.deepEqual(theme.series, OKABE_ITO_LIGHT);
    assert.equal(theme.background, '#ffffff');
  });
});

describe('withAlpha', () => {
  it('turns hex colours into rgba', () => {
    assert.equal(withAlpha('#0072B2', 0.25), 'rgba(0, 114, 178, 0.25)');
    assert.equal(withAlpha('#fff', 0.5), 'rgba(255, 255, 255, 0.5)');
  });

  it('leaves any other colour as it is', () => {
    assert.equal(withAlpha('rebeccapurple', 0.5), 'rebeccapurple');
  });
});
