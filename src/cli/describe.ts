// Text for --describe MODEL and --list-presets, read from the scenario catalog.
// Formatting only; the catalog is the single source of parameter facts.
import { MODELS, modelInfo, PRESETS } from '../scenarios/catalog';
import { acceptedOf, displayValue, ParamError, unitOf } from '../scenarios/paramSpec';

export function describeModel(name: string): string {
  const m = modelInfo(name);
  if (!m) throw new ParamError('describe', name, MODELS.map((x) => x.name).join(' | '));
  const lines = [`${m.name}: ${m.title}`, ''];
  for (const p of m.params) {
    lines.push(`  ${p.key}${p.live ? ' (live)' : ''}`);
    lines.push(`      default ${displayValue(p, p.default)}; unit ${unitOf(p)}; accepted ${acceptedOf(p)}`);
    lines.push(`      ${p.help}`);
  }
  return lines.join('\n');
}

export function listPresets(): string {
  return PRESETS.map((p) => `${p.id.padEnd(34)} ${p.model.padEnd(10)} ${p.shows}`).join('\n');
}
