// The followed stripe_head's history in words, the last handle_stripe pass, and a keyboard way to follow
// a stripe by number. Reads the snapshot; following goes through raid5Actions.
import { useState } from 'react';
import { follow } from '../../state/lab/raid5Actions';
import { raid5Extra } from '../../state/lab/raid5Extra';
import { useSim } from '../../state/store';
import { historyPhrases } from './historyWords';

export function FollowPanel() {
  const x = useSim((s) => raid5Extra(s.snapshot));
  const [draft, setDraft] = useState('');
  const f = x?.followed ?? null;
  const phrases = f ? historyPhrases(f.history) : [];
  const go = () => {
    const n = Number(draft.trim());
    if (draft.trim() !== '' && Number.isInteger(n) && n >= 0) follow(n);
  };
  return (
    <section className="panel follow" aria-label="followed stripe_head">
      <div className="panel-head">
        <h2>Follow a stripe_head</h2>
        <span
          className="muted"
          data-testid="passes"
          data-passes={x?.passesDone ?? 0}
          data-last={x?.lastPassStripe ?? -1}
        >
          {x
            ? `${x.passesDone.toLocaleString('en')} passes${x.lastPassStripe >= 0 ? `; last on stripe ${x.lastPassStripe}` : ''}`
            : ''}
        </span>
      </div>
      <div className="follow-bar">
        <label>
          stripe{' '}
          <input
            data-testid="follow-input"
            inputMode="numeric"
            size={5}
            value={draft}
            placeholder="#"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') go();
            }}
          />
        </label>
        <button type="button" onClick={go}>
          follow
        </button>
        {f && (
          <button type="button" onClick={() => follow(null)} data-testid="unfollow">
            stop
          </button>
        )}
        {f && (
          <span className="f-now" data-testid="followed-now" data-idx={f.idx} data-where={f.where}>
            sh {f.idx}
            {f.sector >= 0 ? ` (sector ${f.sector})` : ''}: {f.where.replace('_', ' ')}, count {f.count}
            {f.handler ? `, on ${f.handler}` : ''}
          </span>
        )}
      </div>
      <div className="scroll">
        {f ? (
          <p className="history" data-testid="history">
            {phrases.join(', ')}.
          </p>
        ) : (
          <p className="muted pad">
            Click a cell in the stripe cache (or type its number) to follow that stripe_head: where it goes, who picks
            it, its member IO.
          </p>
        )}
      </div>
    </section>
  );
}
