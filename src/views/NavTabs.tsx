// The page tabs in the header: Lab, Sweep, A/B, Stories. Buttons with aria-pressed, reachable by keyboard.
import { setPage } from '../state/lab/actions';
import { PAGES, useSim } from '../state/store';

export function NavTabs() {
  const page = useSim((s) => s.page);
  return (
    <nav className="nav-tabs" aria-label="pages">
      {PAGES.map((p) => (
        <button
          key={p.id}
          type="button"
          aria-pressed={page === p.id}
          data-testid={`page-${p.id}`}
          onClick={() => setPage(p.id)}
        >
          {p.label}
        </button>
      ))}
    </nav>
  );
}
