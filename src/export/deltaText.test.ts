// The A/B delta in words: signs always shown (true minus), CIs in percent, arrows only on marked changes.
import { describe, expect, it } from 'vitest';
import { compareFigure } from '../analysis/compare';
import { deltaLine, deltaView, signed } from './deltaText';

const us = (ns: number) => `${(ns / 1000).toFixed(2)} µs`;

describe('deltaText', () => {
  it('signs every number, with a true minus', () => {
    expect(signed(12.34, 1)).toBe('+12.3');
    expect(signed(-4, 1)).toBe('\u22124.0');
    expect(signed(0.01, 1)).toBe('±0.0');
  });

  it('a significant gain in throughput: up arrow, blue, percent and CI', () => {
    const d = compareFigure([100, 101, 99], [110, 111.2, 108.9], 'higher');
    const v = deltaView(d, us);
    expect(v).toMatchObject({ arrow: '▲', main: '+10.0%', word: 'better', tone: 'better' });
    expect(v.ci).toMatch(/^95% CI \+\d+\.\d\.\.\+\d+\.\d%$/);
    expect(deltaLine(d, us)).toMatch(/^▲ \+10\.0% \(95% CI \+.*%\)$/);
  });

  it('less wait is better (down arrow, blue); more is worse (up arrow, red)', () => {
    expect(deltaView(compareFigure([2000, 2010], [1000, 1004], 'lower'), us)).toMatchObject({
      arrow: '▼',
      main: '\u221250.0%',
      tone: 'better',
    });
    expect(deltaView(compareFigure([2000, 2010], [3000, 3020], 'lower'), us)).toMatchObject({
      arrow: '▲',
      tone: 'worse',
      word: 'worse',
    });
  });

  it('noise and changes without a direction are unmarked', () => {
    const noise = compareFigure([100, 120, 80], [95, 130, 90], 'higher');
    expect(deltaView(noise, us)).toMatchObject({ arrow: '', tone: 'plain' });
    expect(deltaLine(noise, us)).toMatch(/^no significant change \(\+5\.0%, 95% CI \u2212\d+\.\d\.\.\+\d+\.\d%\)$/);
    expect(deltaView(compareFigure([1000], [1100], 'neutral'), us)).toMatchObject({
      arrow: '',
      tone: 'plain',
      main: '+10.0%',
      ci: null,
    });
    expect(deltaLine(compareFigure([5, 5], [5, 5], 'lower'), us)).toBe('identical (±0)');
  });

  it('where A is 0 the change is absolute, with its unit', () => {
    const v = deltaView(compareFigure([0], [3500], 'lower'), us);
    expect(v.main).toBe('+3.50 µs');
    expect(v.tone).toBe('worse');
  });
});
