// A machine profile: what a calibration found, as a JSON file and a saved-scenario entry. It holds the machine
// (device and CPU classes, the fitted and fixed values, exactly as the fit ran them, so applying it reproduces
// the fit's runs bit for bit), each parameter's interval and verdict, the residuals, the settings and a sha256
// of every fio file it came from, and when it was made. Applying it puts the machine under any scenario's own
// explicit values (--set wins), so every what-if runs on that machine.
import * as v from 'valibot';
import { ParamError, type ParamValue } from '../scenarios/paramSpec';
import type { Calibration } from './calibrate';
import type { CalRun } from './runs';

export const PROFILE_FORMAT = 'stripe-lab-machine-profile';
const VERSION = 1;

const Value = v.union([v.string(), v.number(), v.boolean()]);
const Fit = v.object({
  value: v.number(),
  ci95: v.tuple([v.number(), v.number()]),
  identified: v.boolean(),
  advice: v.optional(v.string()),
});
const Residual = v.object({
  run: v.string(),
  figure: v.picklist(['iops', 'bw', 'p50', 'p99']),
  measured: v.number(),
  fitted: v.number(),
  ratio: v.number(),
});
const Source = v.object({
  file: v.string(),
  sha256: v.nullable(v.string()),
  with: v.record(v.string(), Value),
});
export const ProfileSchema = v.object({
  format: v.literal(PROFILE_FORMAT),
  version: v.literal(VERSION),
  name: v.string(),
  createdAt: v.string(),
  model: v.string(),
  machine: v.record(v.string(), Value),
  fit: v.record(v.string(), Fit),
  fixed: v.record(v.string(), v.number()),
  settings: v.object({
    sets: v.record(v.string(), Value),
    seed: v.number(),
    durationNs: v.number(),
    warmupNs: v.number(),
  }),
  sources: v.array(Source),
  residuals: v.array(Residual),
  evaluations: v.number(),
});
export type MachineProfile = v.InferOutput<typeof ProfileSchema>;

/** The profile of a calibration; `createdAt` is the caller's clock (the fit itself reads none). */
export function makeProfile(
  c: Calibration,
  runs: readonly CalRun[],
  sets: Record<string, ParamValue>,
  name: string,
  createdAt: string,
): MachineProfile {
  const sc = runs[0].scenario;
  return {
    format: PROFILE_FORMAT,
    version: VERSION,
    name,
    createdAt,
    model: c.model,
    machine: c.machine,
    fit: c.fit,
    fixed: c.fixed,
    settings: { sets, seed: sc.seed, durationNs: sc.durationNs, warmupNs: sc.warmupNs },
    sources: runs.map((r) => ({ file: r.label, sha256: r.sha256, with: r.with })),
    residuals: c.residuals,
    evaluations: c.evaluations,
  };
}

/** Reads a profile's text; refuses anything else naming the first bad field. */
export function parseProfile(text: string, file = 'profile'): MachineProfile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ParamError(
      'profile',
      file,
      `a machine profile JSON (npm run calibrate -- --out FILE): ${(e as Error).message}`,
    );
  }
  const r = v.safeParse(ProfileSchema, json);
  if (r.success) return r.output;
  const issue: v.BaseIssue<unknown> = r.issues[0];
  const path = v.getDotPath(issue) ?? '(top level)';
  throw new ParamError(
    `profile ${path}`,
    issue.input === undefined ? '(missing)' : issue.input,
    `${issue.expected ?? issue.message} (a machine profile written by npm run calibrate -- --out FILE)`,
  );
}

/** A scenario's params with the profile's machine under them: the scenario's explicit keys win. */
export function withProfile(
  params: Record<string, ParamValue>,
  profile: Pick<MachineProfile, 'machine'>,
): Record<string, ParamValue> {
  return { ...profile.machine, ...params };
}
