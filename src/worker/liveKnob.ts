// Checks a live parameter change against the catalog before the model sees it: known key, live,
// value in range. Pure: it never applies anything itself.
import type { ParamValue } from '../protocol/messages';
import { modelInfo } from '../scenarios/catalog';
import { parseParam } from '../scenarios/paramSpec';

export type LiveCheck = { ok: true; value: ParamValue } | { ok: false; message: string };

export function checkLive(model: string, key: string, raw: ParamValue): LiveCheck {
  const spec = modelInfo(model)?.params.find((p) => p.key === key);
  if (!spec) return { ok: false, message: `${key}: not a parameter of ${model}` };
  if (!spec.live) return { ok: false, message: `${key} cannot change live; changing it starts a new run` };
  try {
    return { ok: true, value: parseParam(spec, raw) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
