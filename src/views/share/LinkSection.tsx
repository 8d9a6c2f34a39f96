// The permalink of what is on screen (scenario, seed, speed, page, timeline span, followed stripe_head)
// with Copy link; the field keeps the link visible and selectable where the clipboard is refused.
import { useRef } from 'react';
import { linkHash } from '../../state/share/permalink';
import { copyLink, linkStateOf } from '../../state/share/shareActions';
import { useSim } from '../../state/store';

export function LinkSection() {
  // The hash only changes when what the link carries changes, so this re-renders rarely.
  const hash = useSim((s) => (s.model === '' ? '' : linkHash(linkStateOf(s))));
  const url = `${location.origin}${location.pathname}${hash}`;
  const field = useRef<HTMLInputElement>(null);
  const copy = async () => {
    if (!(await copyLink())) field.current?.select();
  };
  return (
    <section className="share-section" aria-label="permalink">
      <h3>Link to this screen</h3>
      <div className="share-row">
        <input
          ref={field}
          readOnly
          value={url}
          aria-label="permalink"
          data-testid="share-link"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="primary" onClick={() => void copy()} data-testid="copy-link">
          Copy link
        </button>
      </div>
      <p className="muted small">
        Scenario, seed, speed, page, timeline span and the followed stripe_head. The address bar keeps it too.
      </p>
    </section>
  );
}
