// A parsed `mdadm --detail` record as the model's parameters: which model (raid5 for levels 5 and 6, raid1,
// raid10), level, disks, chunk, bitmap and assume_clean. What the model cannot express (another level or layout,
// a journal or PPL, an external bitmap file, a degraded, recovering or reshaping array, write-mostly members) is
// refused naming the mdadm field and its value. The sysfs knobs (stripe_cache_size, group_thread_cnt, ...) are
// not in mdadm --detail; they come as --set values, which win over anything read here.
import { ParamError, type ParamSpec } from '../paramSpec';
import { modelInfo } from '../catalog';
import type { MdadmDetail } from './mdadmDetail';

export interface MdadmScenario {
  model: 'raid5' | 'raid1' | 'raid10';
  /** The parameters the paste sets, in the model's spelling. */
  params: Record<string, number | string | boolean>;
  /** What was read and from where, and what the paste could not say (one line each). */
  notes: string[];
}

const MODEL_OF: Record<string, { model: MdadmScenario['model']; level?: number }> = {
  raid5: { model: 'raid5', level: 5 },
  raid6: { model: 'raid5', level: 6 },
  raid1: { model: 'raid1' },
  raid10: { model: 'raid10' },
};
/** The layouts each model lays out (raid5.c's ALGORITHM_LEFT_SYMMETRIC; raid10's near-2). */
const LAYOUTS: Record<string, string> = { raid5: 'left-symmetric', raid10: 'near=2' };
/** State words of an array the model can run: in sync, or resyncing (the model's initial resync). */
const STATE_OK = new Set(['clean', 'active', 'resyncing', 'resyncing (DELAYED)', 'resyncing (PENDING)']);

function refuse(field: string, value: unknown, accepted: string): never {
  throw new ParamError(`mdadm-detail ${field}`, value, accepted);
}

function spec(model: string, key: string): ParamSpec {
  const s = modelInfo(model)?.params.find((p) => p.key === key);
  if (!s) throw new Error(`no ${key} in ${model}'s parameters`);
  return s;
}

/** The model's parameters for the pasted array; refuses, naming the field, what the model cannot run. */
export function scenarioFromMdadm(d: MdadmDetail): MdadmScenario {
  const at = MODEL_OF[d.raidLevel];
  if (!at)
    refuse(
      'Raid Level',
      d.raidLevel,
      'raid5 | raid6 | raid1 | raid10 (the levels the models have; raid0, raid4, linear and containers are not modelled)',
    );
  const { model } = at;
  const params: MdadmScenario['params'] = {};
  const notes: string[] = [];
  if (at.level !== undefined) params.level = at.level;

  const disks = spec(model, 'disks');
  const min = at.level === 6 ? 4 : disks.kind === 'int' ? disks.min : 0;
  const max = disks.kind === 'int' ? disks.max : 0;
  if (d.raidDevices < min || d.raidDevices > max)
    refuse('Raid Devices', d.raidDevices, `${min}..${max} for ${d.raidLevel} (the model's disks)`);
  params.disks = d.raidDevices;

  const wantLayout = LAYOUTS[model];
  if (wantLayout !== undefined && d.layout !== null && d.layout !== wantLayout)
    refuse('Layout', d.layout, `${wantLayout} (the only ${d.raidLevel} layout the model lays out)`);

  if (model !== 'raid1') {
    if (d.chunkBytes === null) refuse('Chunk Size', '(missing)', `a chunk size: ${d.raidLevel} stripes in chunks`);
    const c = spec(model, 'chunk');
    const pow2 = (d.chunkBytes & (d.chunkBytes - 1)) === 0;
    if (c.kind === 'size' && (d.chunkBytes < c.min || d.chunkBytes > c.max || !pow2))
      refuse('Chunk Size', d.fields['Chunk Size'], `a power of two from ${c.min >> 10}K to ${c.max >> 20}M`);
    params.chunk = d.chunkBytes;
  }

  // The bitmap: 4.x says it in Consistency Policy; 3.x only prints "Intent Bitmap" when there is one.
  const policy = d.consistencyPolicy;
  if (policy === 'journal' || policy === 'ppl')
    refuse(
      'Consistency Policy',
      policy,
      `bitmap | resync | none (a ${policy === 'journal' ? 'write journal device (raid5-cache)' : 'partial parity log'} is not modelled)`,
    );
  if (d.intentBitmap !== null && d.intentBitmap !== 'Internal')
    refuse('Intent Bitmap', d.intentBitmap, 'Internal (a bitmap in a file outside the array is not modelled)');
  const bitmap = policy === 'bitmap' || (policy === null && d.intentBitmap === 'Internal');
  params.bitmap = bitmap ? 'bitmap' : 'none';
  notes.push(
    `bitmap=${params.bitmap} from ${policy !== null ? `Consistency Policy ${policy}` : d.intentBitmap ? 'Intent Bitmap Internal' : 'no Intent Bitmap line'}${bitmap ? " (md's classic bitmap; give --set bitmap=llbitmap for the lockless one)" : ''}`,
  );

  for (const w of d.state)
    if (!STATE_OK.has(w))
      refuse(
        'State',
        d.fields.State,
        `clean | active, or resyncing (the model runs an array with every member in sync, or in its initial resync; it has no ${w} mode)`,
      );
  const resyncing = d.state.some((w) => w.startsWith('resyncing'));
  params.assume_clean = !resyncing;
  if (resyncing)
    notes.push(
      `assume_clean=off: the array is resyncing${d.sync ? ` (${d.sync.percent}% done in the paste; the model's resync starts from the beginning)` : ''}`,
    );

  for (const row of d.devices) {
    const bad = row.state.find((w) => w === 'journal' || w === 'writemostly' || w === 'replacement');
    if (bad)
      refuse(
        `device row (line ${row.line})`,
        row.state.join(' '),
        `active sync members, or spares outside the array (a ${bad} member is not modelled)`,
      );
  }
  const outside = d.devices.filter((r) => r.raidDevice === null);
  if (outside.length > 0)
    notes.push(
      `not modelled, outside the array (they take no IO): ${outside.map((r) => `${r.device ?? '-'} ${r.state.join(' ')}`).join(', ')}`,
    );
  notes.push(
    `members ${d.devices
      .filter((r) => r.raidDevice !== null)
      .map((r) => r.device ?? '-')
      .join(' ')}: the device class is not in mdadm --detail (give --set device=nvme|sata-ssd|hdd|virtio|ramdisk)`,
  );
  if (model === 'raid5')
    notes.push(
      'stripe_cache_size and group_thread_cnt are sysfs values, not in mdadm --detail: give them with --set (cat /sys/block/mdX/md/stripe_cache_size)',
    );
  return { model, params, notes };
}
