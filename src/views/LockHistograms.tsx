// Wait and hold time histograms of one lock class in power-of-two buckets, printed as bcc's klockstat
// and funclatency print them. Reads the snapshot's lockHistograms (raid5 and Lock Lab); whole run.
import { useState } from 'react';
import { lockHistograms } from '../state/lab/raid5Extra';
import { useSim } from '../state/store';
import { log2Lines } from './log2Text';

export function LockHistograms() {
  const hists = useSim((s) => lockHistograms(s.snapshot));
  const [chosen, setChosen] = useState<string | null>(null);
  if (hists.length === 0) return <p className="muted pad">This model reports no lock histograms.</p>;
  const h = hists.find((x) => x.name === chosen) ?? hists[0];
  return (
    <div className="lock-hists" data-testid="lock-hists">
      <div className="hist-pick" role="radiogroup" aria-label="lock class">
        {hists.map((x) => (
          <button
            type="button"
            key={x.name}
            role="radio"
            aria-checked={x === h}
            className={x === h ? 'on' : ''}
            onClick={() => setChosen(x.name)}
          >
            {x.name}
          </button>
        ))}
      </div>
      <div className="hist-pair">
        {(['wait', 'hold'] as const).map((k) => {
          const lines = log2Lines(h[k], 'nsecs', 20);
          return (
            <figure key={k} data-testid={`hist-${k}`}>
              <figcaption>
                {h.name} {k === 'wait' ? 'wait (contended acquisitions)' : 'hold'}
              </figcaption>
              <pre>{lines.length ? lines.join('\n') : '(none yet)'}</pre>
            </figure>
          );
        })}
      </div>
    </div>
  );
}
