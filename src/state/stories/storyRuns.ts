// The Stories page's state: which story is open (its sub-page) and each claim's measurement, run on the
// batch pool. A run shared by several claims (e.g. one baseline) is measured once and cached by scenario.
import { create } from 'zustand';
import { defaultPoolSize, runBatch, type BatchWorkerLike } from '../../bridge/batchPool';
import type { BatchTask, SimResult } from '../../protocol/batch';
import { findClaim, findStory, judge, STORIES } from '../../scenarios/stories';
import { claimRuns, type NamedRun } from '../../scenarios/stories/runs';
import type { Claim } from '../../scenarios/stories/types';
import { findValidationGroup } from '../../scenarios/validation';

export { STORIES, findStory, judge, ruleText, type Claim, type Story, type Verdict } from '../../scenarios/stories';
export { VALIDATION, type Gap, type ValidationGroup } from '../../scenarios/validation';

export type ClaimStatus =
  | { state: 'running'; done: number; total: number }
  | { state: 'done'; value: number; wallMs: number }
  | { state: 'error'; message: string };

interface StoryState {
  /** The open story's id ('000'..'004'), or null for the list. */
  storyId: string | null;
  /** The story last closed, so the list can put focus back on its card. */
  lastStoryId: string | null;
  /** By claimKey(story, claim). */
  claims: Record<string, ClaimStatus>;
  /** The last measurement in words, for a polite live region (screen readers hear results arrive). */
  announcement: string;
}

export const useStories = create<StoryState>()(() => ({
  storyId: null,
  lastStoryId: null,
  claims: {},
  announcement: '',
}));

export const claimKey = (storyId: string, claimId: string) => `${storyId}/${claimId}`;

/** Opens a story's sub-page (null: the list). An unknown id is refused with the accepted ones. */
export function openStory(id: string | null): string | null {
  if (id !== null && !findStory(id)) return `story=${id}: accepted ${STORIES.map((s) => s.id).join(', ')}`;
  useStories.setState((s) => ({ storyId: id, lastStoryId: s.storyId ?? s.lastStoryId }));
  return null;
}

/** The pool's size and worker factory: the browser's by default; tests hand in workers that run in Node. */
let pool: { size: () => number; create?: () => BatchWorkerLike } = { size: defaultPoolSize };
export function setStoryPool(size: number, create: () => BatchWorkerLike): void {
  pool = { size: () => size, create };
}

/** Finished runs by scenario key, and runs in flight (so a second claim waits for the same run). */
const results = new Map<string, SimResult>();
const inFlight = new Map<string, Promise<SimResult>>();

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const setClaim = (key: string, status: ClaimStatus) =>
  useStories.setState((s) => ({ claims: { ...s.claims, [key]: status } }));

/** The last pool job queued: jobs run one after another, each on the whole pool, so several "Run it" clicks
 * queue up instead of each starting a pool of its own and oversubscribing the CPUs. */
let lastJob: Promise<void> = Promise.resolve();

/** Queues one pool job for every run not finished or in flight (each gets its in-flight promise now). */
function startRuns(runs: NamedRun[]): void {
  const fresh = runs.filter(
    (r, i) => !results.has(r.key) && !inFlight.has(r.key) && runs.findIndex((x) => x.key === r.key) === i,
  );
  if (fresh.length === 0) return;
  const waiting = new Map<string, { resolve: (r: SimResult) => void; reject: (e: Error) => void }>();
  for (const r of fresh) {
    inFlight.set(r.key, new Promise<SimResult>((resolve, reject) => waiting.set(r.key, { resolve, reject })));
  }
  const tasks: BatchTask[] = fresh.map((r) => ({ ...r.scenario }));
  const run = () => {
    const job = runBatch(
      tasks,
      (i, result) => {
        const key = fresh[i].key;
        results.set(key, result);
        inFlight.delete(key);
        waiting.get(key)?.resolve(result);
      },
      pool.size(),
      pool.create,
    );
    return job.done.catch((e: Error) => {
      for (const r of fresh) {
        if (!inFlight.has(r.key)) continue;
        inFlight.delete(r.key);
        waiting.get(r.key)?.reject(e);
      }
    });
  };
  lastJob = lastJob.then(run);
}

/** A group's claims: a story's (by seed id) or a validation setup's (V1..V5, on the Validation page). */
function claimsOf(groupId: string): readonly Claim[] | undefined {
  return findStory(groupId)?.claims ?? findValidationGroup(groupId)?.claims;
}

/** Runs a claim's presets (those not yet measured) on the batch pool and computes its figure. */
export async function runClaim(storyId: string, claimId: string): Promise<void> {
  const key = claimKey(storyId, claimId);
  const claim = findClaim(storyId, claimId) ?? claimsOf(storyId)?.find((c) => c.id === claimId);
  if (!claim)
    return setClaim(key, { state: 'error', message: `claim ${key}: not in the stories or the validation set` });
  const current = useStories.getState().claims[key];
  if (current?.state === 'running') return;
  let runs: NamedRun[];
  try {
    runs = claimRuns(claim);
  } catch (e) {
    return setClaim(key, { state: 'error', message: errorText(e) });
  }
  const started = performance.now();
  const total = runs.length;
  const count = () => runs.filter((r) => results.has(r.key)).length;
  setClaim(key, { state: 'running', done: count(), total });
  startRuns(runs);
  try {
    const got: Record<string, SimResult> = {};
    await Promise.all(
      runs.map(async (r) => {
        got[r.name] = results.get(r.key) ?? (await inFlight.get(r.key)!);
        setClaim(key, { state: 'running', done: count(), total });
      }),
    );
    const value = claim.figure(got);
    setClaim(key, { state: 'done', value, wallMs: Math.round(performance.now() - started) });
    const verdict = judge(claim.check, value);
    useStories.setState({
      announcement: `${claim.what}: measured ${value.toFixed(claim.digits)}, ${verdict.ok ? 'within' : 'outside'} the check ${verdict.rule}`,
    });
  } catch (e) {
    setClaim(key, { state: 'error', message: `the runs failed: ${errorText(e)}` });
  }
}

/** Every claim of a story, sharing runs: the pool gets all of them at once. */
export function runStory(storyId: string): void {
  runGroups([storyId]);
}

/** Every claim of several groups (stories or validation setups) as one pool job, runs shared across them. */
export function runGroups(groupIds: readonly string[]): void {
  const all = groupIds.flatMap((g) => (claimsOf(g) ?? []).map((c) => [g, c] as const));
  try {
    startRuns(all.flatMap(([, c]) => claimRuns(c)));
  } catch {
    // a claim that cannot resolve reports itself below
  }
  for (const [g, c] of all) void runClaim(g, c.id);
}
