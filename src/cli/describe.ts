// Text for --describe MODEL and --list-presets, read from the scenario catalog.
// Formatting only; the catalog is the single source of parameter facts.
import { MODELS, modelInfo, PRESETS } from '../scenarios/catalog';
import { acceptedOf, displayValue, ParamError, unitOf } from '../scenarios/paramSpec';
import { UNMEASURED } from '../export/fioJson';
import { KERNEL_CHANGES, KERNEL_VERSIONS, togglesOf } from '../scenarios/kernels';

export function describeModel(name: string): string {
  const m = modelInfo(name);
  if (!m) throw new ParamError('describe', name, MODELS.map((x) => x.name).join(' | '));
  const lines = [`${m.name}: ${m.title}`, ''];
  for (const p of m.params) {
    lines.push(`  ${p.key}${p.live ? ' (live)' : ''}`);
    lines.push(`      default ${displayValue(p, p.default)}; unit ${unitOf(p)}; accepted ${acceptedOf(p)}`);
    lines.push(`      ${p.help}`);
    const change = KERNEL_CHANGES.find((c) => c.key === p.key && c.models.includes(m.name));
    if (change)
      lines.push(`      kernel: ${change.before} before ${change.since}, ${change.after} since (${change.commit})`);
  }
  if (m.params.some((p) => p.key === 'kernel')) lines.push('', ...kernelTable(m.name));
  if (m.params.some((p) => p.key === 'bs')) {
    lines.push('', '--fio-json: keys written as fio writes an unmeasured figure (the simulation cannot know them):');
    for (const [k, why] of Object.entries(UNMEASURED)) lines.push(`  ${k}: ${why}`);
  }
  return lines.join('\n');
}

/** The kernel table for one model: each release's toggles, oldest first, and what changed in it. */
function kernelTable(model: string): string[] {
  const keys = Object.keys(togglesOf('current', model));
  const out = [`kernel releases (${keys.join(', ')}):`];
  for (const v of [...KERNEL_VERSIONS].reverse()) {
    const t = togglesOf(v, model);
    out.push(`  ${v.padEnd(8)} ${keys.map((k) => `${k}=${String(t[k])}`).join(' ')}`);
    for (const c of KERNEL_CHANGES.filter((x) => x.since === v && x.models.includes(model)))
      out.push(`           ${c.commit} ${c.subject}: ${c.words}`);
  }
  return out;
}

export function listPresets(): string {
  return PRESETS.map((p) => `${p.id.padEnd(34)} ${p.model.padEnd(10)} ${p.shows}`).join('\n');
}
