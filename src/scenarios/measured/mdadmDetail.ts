// The text `mdadm --detail /dev/mdX` prints, read into a typed record: the array lines ("Raid Level : raid5", each
// value checked with valibot) and the device table. Tolerant of what real pastes look like: mdadm 2.x/3.x (short
// keys, "Preferred Minor", no Consistency Policy) and 4.x layouts, a leading shell command line, a mail's "> "
// quoting, CRLF, trailing spaces, status lines ("Resync Status : 39% complete"), removed/faulty/spare rows.
// Anything else is refused with one line naming the line number, its text and what was expected there.
// Pure: text in, record or a ParamError out.
import * as v from 'valibot';
import { ParamError } from '../paramSpec';

/** One row of the device table ("Number Major Minor RaidDevice State [device]"). */
export interface MdadmDeviceRow {
  /** mdadm's device number; null for "-" (a removed slot). */
  number: number | null;
  major: number;
  minor: number;
  /** The slot in the array; null for "-" (a spare or faulty device outside the array). */
  raidDevice: number | null;
  /** The state words: ["active", "sync", "set-A"], ["spare", "rebuilding"], ["removed"], ["faulty"]. */
  state: string[];
  /** The member's name (/dev/sdb1); null for a removed slot. */
  device: string | null;
  /** 1-based line in the pasted text. */
  line: number;
}

/** A sync operation in progress: "Resync Status : 39% complete" and its siblings. */
export interface MdadmSyncStatus {
  kind: 'resync' | 'rebuild' | 'reshape' | 'check' | 'recovery';
  percent: number;
}

export interface MdadmDetail {
  source: 'mdadm --detail';
  file: string;
  /** The array as mdadm named it ("/dev/md0", "/dev/md/data"); null when the paste starts at its first field. */
  array: string | null;
  /** Superblock (metadata) version: "1.2", "00.90", "00.90.03". */
  version: string | null;
  raidLevel: string;
  /** Array Size and Used Dev Size in KiB, as mdadm prints them; null when absent. */
  arraySizeKiB: number | null;
  usedDevSizeKiB: number | null;
  raidDevices: number;
  totalDevices: number | null;
  /** State's words: "clean, degraded, recovering" is ["clean", "degraded", "recovering"]. */
  state: string[];
  activeDevices: number | null;
  workingDevices: number | null;
  failedDevices: number | null;
  spareDevices: number | null;
  layout: string | null;
  /** Chunk Size in bytes; null for raid1 (mdadm prints none). */
  chunkBytes: number | null;
  /** 4.x's Consistency Policy (bitmap, resync, ppl, journal, none); null when mdadm did not print it (3.x). */
  consistencyPolicy: string | null;
  /** "Internal", or a file for an external bitmap; null without a bitmap. */
  intentBitmap: string | null;
  name: string | null;
  uuid: string | null;
  events: string | null;
  sync: MdadmSyncStatus | null;
  /** Every field as printed (key -> value, trailing spaces removed), including ones this record has no slot for. */
  fields: Record<string, string>;
  /** The 1-based line of each field, for refusals that name the line. */
  fieldLines: Record<string, number>;
  devices: MdadmDeviceRow[];
}

/** A paste that is not mdadm --detail output: one line naming the line, its text and what was expected. */
export class MdadmDetailError extends ParamError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly text: string,
    readonly expected: string,
  ) {
    super(`mdadm-detail ${file} line ${line}`, text, expected);
    this.message = `mdadm-detail ${file} line ${line}${text === '' ? ' (end of text)' : ` "${text}"`}: expected ${expected}`;
  }
}

const count = v.pipe(v.string(), v.regex(/^\d+$/, 'a whole number'), v.transform(Number));
/** "97658880 (93.13 GiB 100.00 GB)": KiB, then mdadm's human sizes. */
const kib = v.pipe(
  v.string(),
  v.regex(/^\d+(\s+\(.*\))?$/, 'a size in KiB, as "97658880 (93.13 GiB 100.00 GB)"'),
  v.transform((s) => Number(/^\d+/.exec(s)![0])),
);
/** mdadm prints the chunk as "%dK". */
const chunk = v.pipe(
  v.string(),
  v.regex(/^\d+[KM]$/i, 'a chunk size as mdadm prints it, "512K"'),
  v.transform((s) => Number(s.slice(0, -1)) * (/m$/i.test(s) ? 1 << 20 : 1024)),
);
const status = v.pipe(
  v.string(),
  v.regex(/^\d+% complete/, 'a percentage as mdadm prints it, "42% complete"'),
  v.transform((s) => Number(/^\d+/.exec(s)![0])),
);
const word = (what: string) => v.pipe(v.string(), v.regex(/^\S+$/, what));
const text = v.pipe(v.string(), v.minLength(1, 'a value after the colon'));

/** The fields whose value has a form to check; any other "Key : Value" line is kept as text. */
const FIELD_SCHEMAS: Record<string, v.GenericSchema<string, unknown>> = {
  Version: word('a superblock version, "1.2" or "00.90"'),
  'Raid Level': v.pipe(v.string(), v.regex(/^[a-z]+[0-9]*$/, 'a level as mdadm prints it, "raid5"')),
  'Array Size': kib,
  'Used Dev Size': kib,
  'Raid Devices': count,
  'Total Devices': count,
  'Preferred Minor': count,
  State: v.pipe(
    v.string(),
    v.regex(/^[A-Za-z][A-Za-z ()-]*(,\s*[A-Za-z][A-Za-z ()-]*)*$/, 'state words, "clean, degraded"'),
  ),
  'Active Devices': count,
  'Working Devices': count,
  'Failed Devices': count,
  'Spare Devices': count,
  'Chunk Size': chunk,
  'Consistency Policy': v.picklist(
    ['bitmap', 'resync', 'ppl', 'journal', 'none', 'unknown'],
    'bitmap | resync | ppl | journal | none',
  ),
  'Resync Status': status,
  'Rebuild Status': status,
  'Reshape Status': status,
  'Check Status': status,
  'Recovery Status': status,
  Layout: text,
  'Intent Bitmap': text,
};
const SYNC_KINDS: Record<string, MdadmSyncStatus['kind']> = {
  'Resync Status': 'resync',
  'Rebuild Status': 'rebuild',
  'Reshape Status': 'reshape',
  'Check Status': 'check',
  'Recovery Status': 'recovery',
};
/** Fields of `mdadm --examine` (one member's superblock), which is not the array's --detail. */
const EXAMINE_KEYS = new Set(['Magic', 'Feature Map', 'Array UUID', 'Device Role', 'Array State', 'Avail Dev Size']);

const HEADER = /^(\/dev\/\S+):$/;
/** "Raid Level : raid5": mdadm right-aligns the key, then " : ". */
const FIELD = /^([A-Z][A-Za-z0-9' /-]*?)\s*:\s*(.*)$/;
const TABLE = /^Number\s+Major\s+Minor\s+RaidDevice(\s+State)?$/;
const ROW = /^(\d+|-)\s+(\d+)\s+(\d+)\s+(\d+|-)(?:\s+(.*))?$/;
/** A command line before the output: "$ sudo mdadm -D /dev/md0", "# mdadm --detail /dev/md0". */
const COMMAND = /^(\S*[$#]\s+)?(sudo\s+)?\S*mdadm\s+(-D|--detail|--misc|--query)\b/;
/** A shell prompt after the output ("user@host:~$"), where a copied terminal ends. */
const PROMPT = /^\S+@\S+[$#]/;

const SECOND_ARRAY = 'one array\'s output; a second array begins here (paste one "mdadm --detail" at a time)';
const ROW_EXPECTED =
  'a device row "Number Major Minor RaidDevice State [device]", as "0  8  17  0  active sync  /dev/sdb1"';

/** Reads `mdadm --detail` text; refuses anything else naming the first line that is not as mdadm prints it. */
export function parseMdadmDetail(input: string, file = 'paste'): MdadmDetail {
  let lines = input.replace(/\r\n?/g, '\n').split('\n');
  // A mail's quoting: every non-empty line starts with ">".
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  if (nonEmpty.length > 0 && nonEmpty.every((l) => /^\s*>/.test(l))) lines = lines.map((l) => l.replace(/^\s*> ?/, ''));
  const refuse = (i: number, expected: string): never => {
    throw new MdadmDetailError(file, i + 1, i < lines.length ? lines[i].trim() : '', expected);
  };

  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  if (i < lines.length && COMMAND.test(lines[i].trim())) i++;
  while (i < lines.length && lines[i].trim() === '') i++;
  if (i >= lines.length) refuse(i, 'mdadm --detail output, starting "/dev/md0:" (the text is empty)');

  let array: string | null = null;
  const head = HEADER.exec(lines[i].trim());
  if (head) {
    array = head[1];
    i++;
  } else if (!FIELD.test(lines[i].trim()))
    refuse(i, 'mdadm --detail output: its first line names the array, as "/dev/md0:"');

  const fields: Record<string, string> = {};
  const fieldLines: Record<string, number> = {};
  const values: Record<string, unknown> = {};
  let tableAt = -1;
  for (; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t === '') continue;
    if (TABLE.test(t)) {
      tableAt = i;
      break;
    }
    const m = FIELD.exec(t);
    if (!m) {
      if (HEADER.test(t)) refuse(i, SECOND_ARRAY);
      return refuse(
        i,
        'an array field "Key : Value" (as "Raid Level : raid5") or the device table "Number Major Minor RaidDevice State"',
      );
    }
    const [, key, value] = m;
    if (EXAMINE_KEYS.has(key))
      refuse(i, "mdadm --detail of the array; this is mdadm --examine of one member (its superblock's fields)");
    const schema = FIELD_SCHEMAS[key];
    if (schema) {
      const r = v.safeParse(schema, value);
      if (!r.success) refuse(i, `${key}: ${r.issues[0].message.replace(/^Invalid \w+: /, '')}`);
      values[key] = r.output;
    }
    fields[key] = value;
    fieldLines[key] = i + 1;
  }

  for (const key of ['Raid Level', 'Raid Devices', 'State'])
    if (!(key in fields))
      refuse(
        tableAt >= 0 ? tableAt : lines.length,
        `a "${key} : ..." line before the device table (every mdadm --detail of a running array has one)${tableAt < 0 ? '; the paste ends before it' : ''}`,
      );
  if (tableAt < 0)
    refuse(
      lines.length,
      'the device table ("Number Major Minor RaidDevice State" and a row per member): the paste ends before it',
    );

  const devices: MdadmDeviceRow[] = [];
  for (i = tableAt + 1; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t === '') continue;
    if (PROMPT.test(t)) break;
    if (HEADER.test(t)) refuse(i, SECOND_ARRAY);
    const m = ROW.exec(t);
    if (!m) return refuse(i, ROW_EXPECTED);
    const rest = (m[5] ?? '').split(/\s+/).filter((w) => w !== '');
    const device = rest.length > 0 && rest[rest.length - 1].startsWith('/') ? rest.pop()! : null;
    if (rest.length === 0) refuse(i, `${ROW_EXPECTED}; this row stops before its state (a truncated paste?)`);
    devices.push({
      number: m[1] === '-' ? null : Number(m[1]),
      major: Number(m[2]),
      minor: Number(m[3]),
      raidDevice: m[4] === '-' ? null : Number(m[4]),
      state: rest,
      device,
      line: i + 1,
    });
  }
  const raidDevices = values['Raid Devices'] as number;
  const slots = devices.filter((d) => d.raidDevice !== null).length;
  if (slots < raidDevices)
    refuse(
      lines.length,
      `a row for each of the ${raidDevices} Raid Devices (removed slots included); the table has ${slots}: the paste ends early`,
    );

  const syncKey = Object.keys(SYNC_KINDS).find((k) => k in values);
  const num = (k: string) => (k in values ? (values[k] as number) : null);
  const str = (k: string) => fields[k] ?? null;
  return {
    source: 'mdadm --detail',
    file,
    array,
    version: str('Version'),
    raidLevel: fields['Raid Level'],
    arraySizeKiB: num('Array Size'),
    usedDevSizeKiB: num('Used Dev Size'),
    raidDevices,
    totalDevices: num('Total Devices'),
    state: fields.State.split(',')
      .map((w) => w.trim())
      .filter((w) => w !== ''),
    activeDevices: num('Active Devices'),
    workingDevices: num('Working Devices'),
    failedDevices: num('Failed Devices'),
    spareDevices: num('Spare Devices'),
    layout: str('Layout'),
    chunkBytes: num('Chunk Size'),
    consistencyPolicy: str('Consistency Policy'),
    intentBitmap: str('Intent Bitmap'),
    name: str('Name'),
    uuid: str('UUID'),
    events: str('Events'),
    sync: syncKey ? { kind: SYNC_KINDS[syncKey], percent: values[syncKey] as number } : null,
    fields,
    fieldLines,
    devices,
  };
}
