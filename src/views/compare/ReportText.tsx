// The comparison as plain text (for a mail to linux-raid or a commit message): a Copy button and the text
// itself in a disclosure, so it can be selected by hand where the clipboard is refused.
import { useMemo, useState } from 'react';
import type { HeadlineRow, LockCompareRow } from '../../analysis/compareTables';
import { compareReport } from '../../export/compareReport';
import { describePin } from '../../state/compare/comparePin';
import type { CompareRunInfo } from '../../state/compare/compareStore';

const words = (f: () => string) => {
  try {
    return f();
  } catch (e) {
    return (e as Error).message;
  }
};

export function ReportText({
  info,
  head,
  locks,
}: {
  info: CompareRunInfo;
  head: HeadlineRow[];
  locks: LockCompareRow[];
}) {
  const [status, setStatus] = useState('');
  const text = useMemo(
    () =>
      compareReport({
        aWords: words(() => describePin(info.a)),
        bWords: words(() => describePin(info.b)),
        changes: info.changes,
        seeds: info.seeds,
        durationNs: info.durationNs,
        warmupNs: info.warmupNs,
        head,
        locks,
      }),
    [info, head, locks],
  );
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setStatus('copied'),
      (e: unknown) => setStatus(`the clipboard refused (${(e as Error).message}): select the text below`),
    );
  };
  return (
    <details className="ab-report">
      <summary>
        Plain text <span className="muted">(for a mail or a commit message)</span>
      </summary>
      <button type="button" data-testid="ab-copy" onClick={copy}>
        Copy as text
      </button>{' '}
      <span className="muted" role="status">
        {status}
      </span>
      <pre data-testid="ab-report">{text}</pre>
    </details>
  );
}
