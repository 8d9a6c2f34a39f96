// A and B in words (A: the pinned baseline; B: the Lab's scenario now) and every parameter that differs,
// as key: A value -> B value. Reads the stores; pinning goes through compareActions.
import { useMemo } from 'react';
import { pinCurrentAsA, restorePreviousPin } from '../../state/compare/compareActions';
import { pinKernelHistory } from '../../state/compare/kernelHistory';
import { describePin, paramDiff, type ParamChange, type Pin } from '../../state/compare/comparePin';
import { useCompare } from '../../state/compare/compareStore';
import { useSim } from '../../state/store';

function safe<T>(f: () => T): T | Error {
  try {
    return f();
  } catch (e) {
    return e as Error;
  }
}

const safeWords = (p: Pin) => {
  const w = safe(() => describePin(p));
  return w instanceof Error ? w.message : w;
};

function DiffTable({ changes }: { changes: ParamChange[] }) {
  if (changes.length === 0)
    return (
      <p className="muted" data-testid="ab-no-diff">
        A and B have the same parameters: the comparison would show identical figures.
      </p>
    );
  return (
    <table className="ab-diff" data-testid="ab-diff">
      <thead>
        <tr>
          <th>parameter</th>
          <th className="num">A</th>
          <th aria-hidden="true" />
          <th className="num">B</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.key}>
            <td className="key">{c.key}</td>
            <td className="num">{c.a}</td>
            <td aria-label="changes to">→</td>
            <td className="num">
              <b>{c.b}</b>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ScenarioPair() {
  const pin = useCompare((s) => s.pin);
  const note = useCompare((s) => s.pinNote);
  const previous = useCompare((s) => s.previousPin);
  // B follows the Lab: re-read it whenever the Lab's scenario changes.
  const model = useSim((s) => s.model);
  const hasKernel = useSim((s) => typeof s.params.kernel === 'string');
  const preset = useSim((s) => s.preset);
  const seed = useSim((s) => s.seed);
  const overrides = useSim((s) => s.overrides);
  const b: Pin | null = useMemo(
    () => (model ? { model, preset, seed, overrides: { ...overrides } } : null),
    [model, preset, seed, overrides],
  );
  const aWords = pin ? safe(() => describePin(pin)) : null;
  const bWords = b ? safe(() => describePin(b)) : null;
  const changes = pin && b ? safe(() => paramDiff(pin, b)) : null;
  return (
    <section className="panel ab-pair" aria-label="A and B">
      <div className="ab-sides">
        <div className="ab-side" data-testid="ab-a">
          <h2>
            <span className="ab-tag a">A</span> baseline (pinned)
          </h2>
          {aWords instanceof Error ? (
            <p className="run-error" role="alert">
              {aWords.message}
            </p>
          ) : (
            <p data-testid="ab-a-words">
              {aWords ?? 'Nothing pinned yet: pin the scenario you want to compare against.'}
            </p>
          )}
          <button
            type="button"
            data-testid="ab-pin"
            onClick={pinCurrentAsA}
            disabled={!model}
            title="Make the Lab's current scenario (preset, overrides, seed) baseline A; kept across reloads"
          >
            Pin current as A
          </button>
          {hasKernel && (
            <button
              type="button"
              data-testid="ab-kernel-history"
              onClick={pinKernelHistory}
              title="A: this scenario on kernel 3.11 (before the multi-thread series); B: the same on the current kernel. The history of md's mechanics in one comparison."
            >
              3.11 vs current
            </button>
          )}
          {previous && (
            <button
              type="button"
              className="link"
              data-testid="ab-unpin"
              onClick={restorePreviousPin}
              title={safeWords(previous)}
            >
              ↶ back to the previous A
            </button>
          )}
          {note && (
            <p className="run-error" role="alert" data-testid="ab-pin-note">
              {note}
            </p>
          )}
        </div>
        <div className="ab-side" data-testid="ab-b">
          <h2>
            <span className="ab-tag b">B</span> the Lab now
          </h2>
          {bWords instanceof Error ? (
            <p className="run-error" role="alert">
              {bWords.message}
            </p>
          ) : (
            <p data-testid="ab-b-words">{bWords ?? '…'}</p>
          )}
          <p className="muted">
            Change anything in the Lab (parameters, preset) and B follows; A stays as pinned.
            {pin && b && pin.seed !== b.seed ? ` B's seed ${b.seed} is not used: both sides run on A's seeds.` : ''}
          </p>
        </div>
      </div>
      <div className="ab-changes">
        <h3>A → B</h3>
        {changes === null ? (
          <p className="muted">Pin A to see what differs.</p>
        ) : changes instanceof Error ? (
          <p className="run-error" role="alert">
            {changes.message}
          </p>
        ) : (
          <DiffTable changes={changes} />
        )}
      </div>
    </section>
  );
}
