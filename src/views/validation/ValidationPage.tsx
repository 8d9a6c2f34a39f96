// The Validation page: every figure of ../shared/validation.md (published setups the model was never calibrated
// to) and every seed figure, each measured from a run on demand beside the published value, with the verdict and
// the assumptions; figures the model cannot express yet are listed with what they need. Layout only: the claims
// are data (src/scenarios/validation, the stories), the runs are storyRuns'.
import { claimKey, judge, runGroups, STORIES, useStories, VALIDATION, type Claim } from '../../state/stories/storyRuns';
import { ClaimTable, type ClaimGroup } from '../stories/ClaimTable';
import '../stories/stories.css';
import './validation.css';

const VALIDATION_IDS = VALIDATION.map((g) => g.id);
const STORY_IDS = STORIES.map((s) => s.id);

/** How many of the groups' figures are measured, and how they came out. */
function Progress({ groups, testid }: { groups: readonly ClaimGroup[]; testid: string }) {
  const claims = useStories((s) => s.claims);
  const all: [string, Claim][] = groups.flatMap((g) => g.claims.map((c) => [g.id, c] as [string, Claim]));
  let done = 0,
    within = 0,
    running = 0,
    failed = 0;
  for (const [g, c] of all) {
    const st = claims[claimKey(g, c.id)];
    if (st?.state === 'running') running++;
    if (st?.state === 'error') failed++;
    if (st?.state === 'done') {
      done++;
      if (judge(c.check, st.value).ok) within++;
    }
  }
  const measured = done + failed;
  return (
    <span className="validation-progress" data-testid={testid} aria-live="polite">
      {measured === 0 && running === 0
        ? `${all.length} figures, none measured yet`
        : `${measured} of ${all.length} measured${running > 0 ? ` (${running} running)` : ''}: ${within} within the check, ${done - within} outside${failed ? `, ${failed} failed to run` : ''}`}
    </span>
  );
}

export function ValidationPage() {
  const gaps = VALIDATION.reduce((n, g) => n + g.gaps.length, 0);
  const figures = VALIDATION.reduce((n, g) => n + g.claims.length, 0);
  const announcement = useStories((s) => s.announcement);
  return (
    <div className="stories-page validation-page" data-testid="ValidationPage">
      <div className="story-index">
        <h2>Validation</h2>
        <p className="story-lede">
          The presets reproduce the five seed posts because their costs were chosen to. Below are published measurements
          of md the model was never calibrated to, run with the parameters that describe each setup (hardware, workload,
          sysfs knobs) and the CPU class’s own costs, never a cost chosen per figure. Where a post left its setup
          unsaid, the row says what was assumed. Absolute figures from old hardware are checked loosely (within a stated
          factor); relative effects must keep their sign and come within a third of the published size.
        </p>
        <p className="story-lede">
          {figures} figures can be run today; {gaps} cannot be expressed yet, because the mechanism they are about has
          no switch in the model. Both are listed. Measured values come only from runs on this machine (“Run it”, seed 1
          unless the row averages seeds); the check is the one {VALIDATION[0].claims[0].test} asserts.
        </p>
      </div>

      <section className="story-claims" aria-labelledby="validation-set">
        <div className="story-claims-head">
          <h3 id="validation-set">Published figures beyond the seeds</h3>
          <button
            type="button"
            className="story-run-all"
            data-testid="validation-run-all"
            onClick={() => runGroups(VALIDATION_IDS)}
          >
            Run all
          </button>
          <Progress groups={VALIDATION} testid="validation-progress" />
        </div>
        {VALIDATION.map((g) => (
          <div key={g.id} className="validation-group" data-testid={`validation-${g.id}`}>
            <h4 id={`validation-${g.id}`}>
              {g.id}. {g.title}
            </h4>
            <p className="validation-source">{g.source}</p>
            <p className="validation-setup">{g.setup}</p>
            <ClaimTable story={g} gaps={g.gaps} />
          </div>
        ))}
      </section>

      <section className="story-claims" aria-labelledby="validation-seeds">
        <div className="story-claims-head">
          <h3 id="validation-seeds">The seed figures</h3>
          <button
            type="button"
            className="story-run-all"
            data-testid="validation-seeds-run-all"
            onClick={() => runGroups(STORY_IDS)}
          >
            Run all
          </button>
          <Progress groups={STORIES} testid="validation-seeds-progress" />
        </div>
        <p className="muted story-note">
          The five seed posts’ figures, which the costs were calibrated on; the same rows as each story’s page on
          Stories.
        </p>
        {STORIES.map((s) => (
          <div key={s.id} className="validation-group" data-testid={`validation-seed-${s.id}`}>
            <h4>
              Post {s.id}. {s.title}
            </h4>
            <p className="validation-source">
              {s.author} · {s.list} · {s.date}
            </p>
            <ClaimTable story={s} />
          </div>
        ))}
      </section>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
