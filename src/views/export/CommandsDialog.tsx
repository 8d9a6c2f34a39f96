// The mdadm / sysfs / fio commands that would set up the current raid5 run on real hardware, in a modal
// dialog with Copy; for other models, one line saying why there are none. Text comes from state/exportTexts.
import { useEffect, useRef, useState } from 'react';
import { commandsNow } from '../../state/export/exportTexts';
import { useSim } from '../../state/store';

export function CommandsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const model = useSim((s) => s.model);
  const preset = useSim((s) => s.preset);
  const params = useSim((s) => s.params);
  // The time only goes into a comment line; reading it once when opened keeps the text still while playing.
  const [timeNs, setTimeNs] = useState(0);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setTimeNs(useSim.getState().snapshot?.timeNs ?? 0);
      setCopied(null);
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open]);
  const cmds = commandsNow({ model, preset, params, timeNs });
  const copy = () => {
    if (!('text' in cmds)) return;
    navigator.clipboard.writeText(cmds.text).then(
      () => setCopied('Copied'),
      (e: unknown) =>
        setCopied(`Could not copy: ${e instanceof Error ? e.message : String(e)}; select the text instead`),
    );
  };
  return (
    <dialog
      ref={ref}
      className="cmd-dialog"
      aria-labelledby="cmd-title"
      onClose={onClose}
      data-testid="commands-dialog"
    >
      <h2 id="cmd-title">Set up this experiment on real hardware</h2>
      {'text' in cmds ? (
        <>
          <p className="muted">
            mdadm, the sysfs knobs and fio for {preset ? `preset ${preset}` : 'this raid5 run'}, with the parameters as
            they are now. Run as root on a scratch machine: it destroys data on the members.
          </p>
          <pre className="cmd-text" tabIndex={0} data-testid="commands-text">
            {cmds.text}
          </pre>
        </>
      ) : (
        <p data-testid="commands-none">{cmds.none}</p>
      )}
      <div className="cmd-actions">
        {'text' in cmds && (
          <button type="button" onClick={copy}>
            Copy
          </button>
        )}
        <span role="status" className="muted">
          {copied}
        </span>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
