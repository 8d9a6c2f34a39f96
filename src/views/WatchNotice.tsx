// The stall watchdog's word in the Lab (issue 11): "stalled", with the threads' states and the lists' lengths at
// that moment, instead of a picture frozen at 0 IOPS; or, before a first completion can be expected, a warning that
// the window is too short to tell. Either offers the configuration as the `npm run sim` line that replays it.
import { useState } from 'react';
import { useSim } from '../state/store';
import { watchLine } from '../state/lab/watchLine';
import './watch.css';

export function WatchNotice() {
  const watch = useSim((s) => s.watch);
  const model = useSim((s) => s.model);
  const preset = useSim((s) => s.preset);
  const overrides = useSim((s) => s.overrides);
  const seed = useSim((s) => s.seed);
  const [copied, setCopied] = useState<string | null>(null);
  if (!watch) return null;
  const line = watchLine({ model, preset, overrides, seed, atNs: watch.atNs });
  const copy = () => {
    navigator.clipboard.writeText(line).then(
      () => setCopied('Copied'),
      (e: unknown) => setCopied(`Could not copy (${e instanceof Error ? e.message : String(e)}): select the line`),
    );
  };
  const stalled = watch.status === 'stalled';
  return (
    <div
      className={stalled ? 'watch-notice watch-stalled' : 'watch-notice watch-early'}
      role={stalled ? 'alert' : 'status'}
      data-testid="watch-notice"
      data-status={watch.status}
    >
      <p className="watch-message">{watch.message}</p>
      <div className="watch-copy">
        <button type="button" onClick={copy} data-testid="watch-copy">
          Copy the configuration
        </button>
        <code className="watch-line" tabIndex={0}>
          {line}
        </code>
        {copied && <span className="watch-copied">{copied}</span>}
      </div>
    </div>
  );
}
