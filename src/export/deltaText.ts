// Words and signs for one A/B delta: "▲ +12.3%", "(95% CI +9.0..+15.1)", "better" / "worse" / "no significant
// change". Text only (the colour is a class the CSS maps); the statistics come from analysis/compare.
import type { Delta } from '../analysis/compare';

const MINUS = '\u2212';

/** A number with its sign always shown: +12.3, −4.0, ±0.0. */
export function signed(x: number, digits: number): string {
  const body = Math.abs(x).toFixed(digits);
  if (Number(body) === 0) return `±${body}`;
  return `${x > 0 ? '+' : MINUS}${body}`;
}

const pctDigits = (x: number) => (Math.abs(x) >= 100 ? 0 : 1);
const pct = (x: number) => `${signed(x, pctDigits(x))}%`;

export interface DeltaView {
  /** ▲ or ▼ for the direction of a marked change; '' when unmarked (noise, no direction, identical). */
  arrow: '▲' | '▼' | '';
  /** The change: "+12.3%", or the signed absolute difference where A is 0 ("+3.5 µs"). */
  main: string;
  /** "95% CI +9.0..+15.1" (in % when main is), or null with one replication. */
  ci: string | null;
  /** better, worse, no significant change, identical, changed (a figure with no better direction). */
  word: string;
  /** CSS class for the colour: worse (red), better (blue), or plain. */
  tone: 'worse' | 'better' | 'plain';
}

/** `abs` formats an absolute difference with its unit (used when A is 0 and a percentage means nothing). */
export function deltaView(d: Delta, abs: (x: number) => string): DeltaView {
  const inPct = d.pct !== null;
  const main = inPct ? pct(d.pct!) : `${d.diff > 0 ? '+' : d.diff < 0 ? MINUS : '±'}${abs(Math.abs(d.diff))}`;
  const range = inPct ? d.pctCi : d.diffCi;
  const end = (x: number) => (inPct ? signed(x, pctDigits(x)) : `${x < 0 ? MINUS : '+'}${abs(Math.abs(x))}`);
  const ci = range ? `95% CI ${end(range[0])}..${end(range[1])}${inPct ? '%' : ''}` : null;
  const marked = d.verdict === 'better' || d.verdict === 'worse';
  const arrow = marked ? (d.diff > 0 ? '▲' : '▼') : '';
  const word = {
    better: 'better',
    worse: 'worse',
    noise: 'no significant change',
    same: 'identical',
    changed: 'changed',
  }[d.verdict];
  return {
    arrow,
    main: d.verdict === 'same' ? '±0' : main,
    ci,
    word,
    tone: marked ? (d.verdict as 'better' | 'worse') : 'plain',
  };
}

/** The whole delta in one line, e.g. "+12.3% (95% CI +9.0..+15.1)" or "no significant change (+0.4%, 95% CI −2.1..+2.9)". */
export function deltaLine(d: Delta, abs: (x: number) => string): string {
  const v = deltaView(d, abs);
  if (d.verdict === 'same') return 'identical (±0)';
  if (d.verdict === 'noise') return `no significant change (${v.main}${v.ci ? `, ${v.ci}` : ''})`;
  return `${v.arrow ? `${v.arrow} ` : ''}${v.main}${v.ci ? ` (${v.ci})` : ''}`;
}
