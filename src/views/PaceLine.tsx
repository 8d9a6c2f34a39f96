// At 'max': what limits the simulation rate here, in the worker's measured words (state/lab/paceNote.ts).
// It shows the worker's report only; it never estimates a rate of its own.
import { paceNote } from '../state/lab/paceNote';
import { useSim } from '../state/store';

export function PaceLine() {
  const pace = useSim((s) => s.pace);
  const note = pace ? paceNote(pace) : null;
  return (
    <span
      className="notice pace-note"
      role="status"
      data-testid="pace-note"
      data-limit={note?.limit ?? 'measuring'}
      data-sim-ms-per-sec={note ? note.simMsPerSec.toFixed(3) : undefined}
    >
      {note ? note.text : "max: measuring where the worker's time goes…"}
    </span>
  );
}
