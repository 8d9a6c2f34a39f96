// The header's Share button: a popover with the permalink (Copy link) and the saved scenarios, plus the
// notice about a damaged link and the address-bar sync. Layout and focus only; the work is in state/shareActions.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useDismiss } from '../useDismiss';
import { SAVED_KEY } from '../../state/share/savedScenarios';
import { loadSaved, startAddressSync } from '../../state/share/shareActions';
import { useShare } from '../../state/share/shareStore';
import { LinkNotice } from './LinkNotice';
import { LinkSection } from './LinkSection';
import { SavedSection } from './SavedSection';
import './share.css';

function Message() {
  const m = useShare((s) => s.message);
  if (!m) return <p className="share-message" role="status" data-testid="share-message" />;
  return (
    <p className={`share-message ${m.tone}`} role={m.tone === 'error' ? 'alert' : 'status'} data-testid="share-message">
      {m.tone === 'error' ? '✗ ' : '✓ '}
      {m.text}
    </p>
  );
}

export function ShareMenu() {
  const [open, setOpen] = useState(false);
  const closeMenu = useCallback(() => setOpen(false), []);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(startAddressSync, []);
  useEffect(() => {
    // Another tab saved or deleted: show the list as it is now.
    const onStorage = (e: StorageEvent) => {
      if (e.key === SAVED_KEY) loadSaved();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  useEffect(() => {
    if (!open) return;
    loadSaved(); // another tab may have saved since
    panel.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, [open]);
  useDismiss(open, closeMenu, panel, button);
  return (
    <div className="share-menu">
      <button
        ref={button}
        type="button"
        className="header-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        data-testid="share-button"
        title="Copy a link to this screen, save scenarios, import and export scenario files"
      >
        Share ▾
      </button>
      {open && (
        // Space and the right arrow act on the focused control here, not as the page's play / step shortcuts.
        <div
          ref={panel}
          id={id}
          className="share-panel"
          role="dialog"
          aria-label="share"
          data-testid="share-panel"
          onKeyDown={(e) => {
            if (e.key === ' ' || e.key === 'ArrowRight') e.stopPropagation();
          }}
        >
          <LinkSection />
          <SavedSection />
          <Message />
        </div>
      )}
      <LinkNotice />
    </div>
  );
}
