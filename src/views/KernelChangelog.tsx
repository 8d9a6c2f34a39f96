// The md changelog beside the kernel picker: what each release in the kernel table changed in raid5/raid1/raid10,
// in words, with the toggle that shows it; the changes the chosen release lacks are marked, so "kernel 3.11"
// reads as a list of what is missing, each a toggle one can turn on alone.
import { KERNEL_CHANGES, KERNEL_VERSIONS, type KernelVersion } from '../state/catalog';

const ORDER = [...KERNEL_VERSIONS].reverse();

export function KernelChangelog({ model, kernel }: { model: string; kernel: string }) {
  const changes = KERNEL_CHANGES.filter((c) => c.models.includes(model)).sort(
    (a, b) => ORDER.indexOf(a.since) - ORDER.indexOf(b.since),
  );
  if (changes.length === 0) return null;
  const chosen = ORDER.indexOf(kernel as KernelVersion);
  const missing = changes.filter((c) => ORDER.indexOf(c.since) > chosen).length;
  return (
    <details className="changelog" data-testid="kernel-changelog">
      <summary>
        md changelog{missing > 0 ? `: ${missing} change${missing === 1 ? '' : 's'} not in ${kernel}` : ''}
      </summary>
      <ul>
        {changes.map((c) => {
          const absent = ORDER.indexOf(c.since) > chosen;
          return (
            <li key={`${c.key}-${c.since}`} className={absent ? 'absent' : undefined}>
              <span className="key">{c.since}</span> {c.words}{' '}
              <span className="muted">
                {c.key}={String(c.after)} ({c.commit === 'series' ? c.subject : `${c.commit}, "${c.subject}"`})
                {absent ? `; ${kernel} has ${c.key}=${String(c.before)}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
