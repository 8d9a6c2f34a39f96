// A member's recent iostat -x figures as raid5's and the mirror's machine views show them: the column
// names with their tooltips, and the words a member's own tooltip adds. One place for both views.
import type { MemberFigures } from '../state/lab/recent';
import { fmtPct, fmtRateShort, fmtReqSize } from './format';

/** Column names as iostat -x prints them (classes place them: q, u, sz, rqm). */
export function MemberHeadCells() {
  return (
    <>
      <span className="q">in service</span>
      <span className="u" title="%util: recent share of time the member was busy">
        busy
      </span>
      <span className="sz" title="areq-sz: mean size of the requests sent to the member">
        areq-sz
      </span>
      <span
        className="rqm"
        title="rqm/s: bios merged per second into a request already plugged or queued (rrqm/s + wrqm/s)"
      >
        rqm/s
      </span>
    </>
  );
}

/** What a member's tooltip adds once recent figures exist (empty before). */
export function memberWords(f: MemberFigures | undefined): string {
  return f
    ? `; recently ${fmtPct(f.utilisation)} busy, areq-sz ${fmtReqSize(f.meanRequestBytes)}, ${fmtRateShort(f.mergesPerSec)} merges/s`
    : '';
}

/** The data attributes tests read (empty before recent figures). */
export function memberData(f: MemberFigures | undefined): Record<string, number | string> {
  return {
    'data-util': f?.utilisation ?? '',
    'data-areq': f?.meanRequestBytes ?? '',
    'data-rqm': f?.mergesPerSec ?? '',
  };
}
