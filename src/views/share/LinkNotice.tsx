// What was wrong with the link the app opened: one line per field (value and what is accepted), shown
// over the page until dismissed. The app is already running with defaults for those fields.
import { useShare } from '../../state/share/shareStore';

export function LinkNotice() {
  const problems = useShare((s) => s.linkProblems);
  if (problems.length === 0) return null;
  return (
    <div className="link-notice" role="alert" data-testid="link-problems">
      <div className="link-notice-head">
        <b>⚠ This link had {problems.length === 1 ? 'a problem' : `${problems.length} problems`}</b>
        <span className="muted">
          : {problems.length === 1 ? 'the line says' : 'each line says'} what the app used instead; the rest opened as
          linked.
        </span>
        <button
          type="button"
          onClick={() => useShare.setState({ linkProblems: [] })}
          aria-label="dismiss the link problems"
        >
          ✕
        </button>
      </div>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
