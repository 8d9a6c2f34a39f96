// The five stories (seeds 000-004) in order, and lookups by id. Data only; runs happen in state/storyRuns.
import { SEED_000 } from './seed000';
import { SEED_001 } from './seed001';
import { SEED_002 } from './seed002';
import { SEED_003 } from './seed003';
import { SEED_004 } from './seed004';
import type { Claim, Story } from './types';

export type { Check, Claim, ClaimRun, KernelName, Story } from './types';
export { judge, ruleText, type Verdict } from './figures';

export const STORIES: readonly Story[] = [SEED_000, SEED_001, SEED_002, SEED_003, SEED_004];

export function findStory(id: string): Story | undefined {
  return STORIES.find((s) => s.id === id);
}

export function findClaim(storyId: string, claimId: string): Claim | undefined {
  return findStory(storyId)?.claims.find((c) => c.id === claimId);
}
