// The table of a story's published figures: published value, the test's check, and on "Run it" the value
// measured from real runs beside it, with measured / published and whether it passes. "Open in Lab" loads the preset.
// Also the Validation page's table: a claim's assumptions under it, and gaps (figures not expressible yet) as rows
// with no Run button.
import { choose, setPage } from '../../state/lab/actions';
import { claimKey, judge, runClaim, ruleText, useStories, type Claim, type Gap } from '../../state/stories/storyRuns';

/** A story, or a validation setup: the id its measurements are stored under, and its claims. */
export interface ClaimGroup {
  id: string;
  claims: readonly Claim[];
}

const fmt = (v: number, digits: number) =>
  v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function openInLab(preset: string) {
  choose(`preset:${preset}`);
  setPage('lab');
}

function Measured({ storyId, claim }: { storyId: string; claim: Claim }) {
  const status = useStories((s) => s.claims[claimKey(storyId, claim.id)]);
  if (!status)
    return (
      <>
        <td className="num muted">—</td>
        <td className="num muted">—</td>
        <td className="muted">not run yet</td>
      </>
    );
  if (status.state === 'running') {
    return (
      <>
        <td className="num muted" colSpan={2}>
          running… {status.done}/{status.total} runs
        </td>
        <td className="muted">…</td>
      </>
    );
  }
  if (status.state === 'error')
    return (
      <td colSpan={3} className="claim-error" role="alert">
        {status.message}
      </td>
    );
  const verdict = judge(claim.check, status.value);
  const vsPublished = claim.publishedValue ? status.value / claim.publishedValue : null;
  return (
    <>
      <td
        className="num claim-measured"
        data-testid="claim-measured"
        title={`measured in ${(status.wallMs / 1000).toFixed(1)} s of wall time`}
      >
        {Number.isFinite(status.value) ? fmt(status.value, claim.digits) : 'no figure'}
      </td>
      <td className="num" data-testid="claim-vs-published">
        {vsPublished === null ? <span className="muted">—</span> : `${vsPublished.toFixed(2)}×`}
      </td>
      <td data-testid="claim-verdict" className={verdict.ok ? 'claim-ok' : 'claim-off'}>
        {verdict.ok ? '✓ within the check' : '✗ outside the check'}
        {!verdict.ok && claim.knownMiss && <div className="claim-miss">known miss: {claim.knownMiss}</div>}
      </td>
    </>
  );
}

export function ClaimTable({ story, gaps = [] }: { story: ClaimGroup; gaps?: readonly Gap[] }) {
  return (
    <div className="claim-table-wrap">
      <table className="claim-table">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Published</th>
            <th scope="col">Check (test)</th>
            <th scope="col" className="num">
              Measured
            </th>
            <th scope="col" className="num">
              Measured / published
            </th>
            <th scope="col">Result</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {story.claims.map((c) => (
            <tr key={c.id} data-testid={`claim-${c.id}`}>
              <td className="claim-what">
                <div>{c.what}</div>
                <div className="claim-unit">{c.unit}</div>
                <div className="claim-how">{c.how}</div>
                {c.assumptions && (
                  <details className="claim-assumptions" data-testid="claim-assumptions">
                    <summary>Assumed</summary>
                    {c.assumptions}
                  </details>
                )}
              </td>
              <td className="claim-published">
                <div>{c.published}</div>
                {c.source && <div className="claim-unit">source: {c.source}</div>}
              </td>
              <td className="claim-rule" title={c.test}>
                {ruleText(c.check)}
              </td>
              <Measured storyId={story.id} claim={c} />
              <td className="claim-actions">
                <button type="button" data-testid="claim-run" onClick={() => void runClaim(story.id, c.id)}>
                  Run it
                </button>
                <button
                  type="button"
                  data-testid="claim-lab"
                  title={`open preset ${c.lab} in the live lab`}
                  onClick={() => openInLab(c.lab)}
                >
                  Open in Lab
                </button>
              </td>
            </tr>
          ))}
          {gaps.map((g) => (
            <tr key={g.id} data-testid={`gap-${g.id}`} className="claim-gap">
              <td className="claim-what">
                <div>{g.what}</div>
              </td>
              <td className="claim-published">
                <div>{g.published}</div>
              </td>
              <td className="claim-rule muted">—</td>
              <td colSpan={3} className="claim-off claim-gap-why" data-testid="gap-needs">
                not expressible yet: needs {g.needs}
              </td>
              <td className="claim-actions">
                <span className="sr-only">no run: the model cannot express this figure yet</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
