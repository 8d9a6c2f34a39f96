// Keyboard shortcuts for the whole page: space toggles play, right arrow steps one event, V projector mode.
// Typing in a field or choosing in a list is never hijacked.
import { useEffect } from 'react';
import { step, toggleProjector, togglePlay } from '../state/lab/actions';

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName));

export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      if (e.key === ' ') {
        e.preventDefault(); // not also a click on the focused button
        togglePlay();
      } else if (e.key === 'v' || e.key === 'V') {
        toggleProjector();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        step();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
