// Reading `mdadm --detail` text: real pastes (fixtures/README.md names each source) from mdadm 2.x/3.x and 4.x,
// clean, degraded, resyncing, recovering and mid-reshape; then the model's parameters from them, and the
// refusals: text that is not mdadm --detail, a truncated paste, and what the model cannot run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MdadmDetailError, parseMdadmDetail } from './mdadmDetail';
import { scenarioFromMdadm } from './mdadmScenario';

const fixture = (f: string) => readFileSync(join(__dirname, 'fixtures', `mdadm-detail-${f}.txt`), 'utf8');
const RAID5_090 = 'raid5-degraded-0.90-fabianonline-2009';
const RAID6 = 'raid6-clean-4.x-otus-kosogoroff';
const RAID6_DEGRADED = 'raid6-degraded-4.x-otus-kosogoroff';
const RAID6_RESHAPE = 'raid6-reshape-4.2-linux-raid-2023-04-23';
const RAID1 = 'raid1-bitmap-4.x-lkml-2024-05-27';
const RAID1_REBUILD = 'raid1-recovering-bitmap-3.x-nagios-plugins-371';
const RAID10 = 'raid10-resyncing-4.x-otus-tweaku';
const parse = (f: string) => parseMdadmDetail(fixture(f), f);
/** The error a paste gets, as the one line the CLI prints. */
const refusal = (text: string) => {
  try {
    parseMdadmDetail(text, 'x.txt');
  } catch (e) {
    expect(e).toBeInstanceOf(MdadmDetailError);
    return (e as Error).message;
  }
  throw new Error('not refused');
};

describe('mdadm --detail text', () => {
  it('reads a 0.90-superblock raid5 of the mdadm 2.x era: short keys, Preferred Minor, a removed slot numbered 0', () => {
    const d = parse(RAID5_090);
    expect(d).toMatchObject({
      array: '/dev/md1',
      version: '00.90',
      raidLevel: 'raid5',
      arraySizeKiB: 97658880,
      usedDevSizeKiB: 48829440,
      raidDevices: 3,
      totalDevices: 2,
      state: ['clean', 'degraded'],
      activeDevices: 2,
      workingDevices: 2,
      failedDevices: 0,
      spareDevices: 0,
      layout: 'left-symmetric',
      chunkBytes: 64 * 1024,
      consistencyPolicy: null,
      intentBitmap: null,
      name: null,
      uuid: 'a6aac6bc:d2cfb282:87c230c1:99c320f6',
      events: '0.11111',
      sync: null,
    });
    expect(d.fields['Preferred Minor']).toBe('1');
    expect(d.devices).toEqual([
      { number: 0, major: 0, minor: 0, raidDevice: 0, state: ['removed'], device: null, line: 26 },
      { number: 1, major: 8, minor: 22, raidDevice: 1, state: ['active', 'sync'], device: '/dev/sdb6', line: 27 },
      { number: 2, major: 8, minor: 38, raidDevice: 2, state: ['active', 'sync'], device: '/dev/sdc6', line: 28 },
    ]);
  });

  it('reads a 4.x raid6, clean and degraded: Consistency Policy, "-" numbers, faulty rows after the table', () => {
    const d = parse(RAID6);
    expect(d).toMatchObject({ raidLevel: 'raid6', raidDevices: 5, state: ['clean'], chunkBytes: 512 * 1024 });
    expect(d).toMatchObject({ consistencyPolicy: 'resync', name: 'kosogor:0  (local to host kosogor)' });
    expect(d.devices.map((r) => r.device)).toEqual(['/dev/vdb', '/dev/vdc', '/dev/vdd', '/dev/vde', '/dev/vdf']);
    const g = parse(RAID6_DEGRADED);
    expect(g.state).toEqual(['clean', 'degraded']);
    expect(g.failedDevices).toBe(2);
    expect(g.devices.map((r) => [r.number, r.raidDevice, r.state.join(' '), r.device])).toEqual([
      [0, 0, 'active sync', '/dev/vdb'],
      [null, 1, 'removed', null],
      [null, 2, 'removed', null],
      [3, 3, 'active sync', '/dev/vde'],
      [4, 4, 'active sync', '/dev/vdf'],
      [1, null, 'faulty', '/dev/vdc'],
      [2, null, 'faulty', '/dev/vdd'],
    ]);
  });

  it('reads a mail\'s quoted paste with its command line: "> " and "# mdadm -D" are skipped', () => {
    const d = parse(RAID6_RESHAPE);
    expect(d).toMatchObject({
      array: '/dev/md0',
      raidLevel: 'raid6',
      raidDevices: 4,
      intentBitmap: 'Internal',
      consistencyPolicy: 'bitmap',
      layout: 'left-symmetric-6',
      spareDevices: 2,
    });
    expect(d.fields['New Layout']).toBe('left-symmetric');
    expect(d.devices.at(-2)).toMatchObject({ raidDevice: 3, state: ['spare', 'rebuilding'], device: '/dev/sdf' });
    expect(d.devices.at(-1)).toMatchObject({ raidDevice: null, state: ['spare'], device: '/dev/sde', line: 38 });
  });

  it('reads raid1 (no Layout, no Chunk Size) in 3.x and 4.x layouts, with the bitmap and a Rebuild Status', () => {
    const old = parse(RAID1_REBUILD);
    expect(old).toMatchObject({
      array: '/dev/md127',
      raidLevel: 'raid1',
      layout: null,
      chunkBytes: null,
      intentBitmap: 'Internal',
      consistencyPolicy: null,
      state: ['clean', 'degraded', 'recovering'],
      sync: { kind: 'rebuild', percent: 10 },
      name: '<redacted>',
    });
    expect(old.devices[0]).toMatchObject({ number: 2, raidDevice: 0, state: ['spare', 'rebuilding'] });
    const now = parse(RAID1);
    expect(now).toMatchObject({ state: ['active'], intentBitmap: 'Internal', consistencyPolicy: 'bitmap' });
  });

  it('reads raid10 near=2 mid-resync: "Resync Status : 39% complete", set-A/set-B rows', () => {
    const d = parse(RAID10);
    expect(d).toMatchObject({ raidLevel: 'raid10', layout: 'near=2', state: ['clean', 'resyncing'] });
    expect(d.sync).toEqual({ kind: 'resync', percent: 39 });
    expect(d.devices[1].state).toEqual(['active', 'sync', 'set-B']);
  });

  it('is indifferent to CRLF, tabs for spaces, blank lines around, and a shell prompt after the table', () => {
    const base = parse(RAID10);
    const crlf = `\n\n${fixture(RAID10).replace(/\n/g, '\r\n')}tanin@ubuntu24:~$ cat /proc/mdstat\n`;
    const d = parseMdadmDetail(crlf, RAID10);
    expect({ ...d, fieldLines: {}, devices: d.devices.map((r) => ({ ...r, line: 0 })) }).toEqual({
      ...base,
      fieldLines: {},
      devices: base.devices.map((r) => ({ ...r, line: 0 })),
    });
  });
});

describe('a paste that is not mdadm --detail is refused, naming the line', () => {
  it('other text: fio JSON, /proc/mdstat, an empty file', () => {
    expect(refusal('{\n  "fio version": "fio-3.33"\n}\n')).toBe(
      'mdadm-detail x.txt line 1 "{": expected mdadm --detail output: its first line names the array, as "/dev/md0:"',
    );
    expect(refusal('Personalities : [raid6] [raid5] [raid4]\nmd0 : active raid5 sdd[2] sdc[1] sdb[0]\n')).toBe(
      'mdadm-detail x.txt line 2 "md0 : active raid5 sdd[2] sdc[1] sdb[0]": expected an array field "Key : Value" (as "Raid Level : raid5") or the device table "Number Major Minor RaidDevice State"',
    );
    expect(refusal('\n\n')).toBe(
      'mdadm-detail x.txt line 4 (end of text): expected mdadm --detail output, starting "/dev/md0:" (the text is empty)',
    );
  });

  it('mdadm --examine of a member, and two arrays in one paste', () => {
    const examine = '/dev/sda1:\n          Magic : a92b4efc\n        Version : 1.2\n';
    expect(refusal(examine)).toBe(
      'mdadm-detail x.txt line 2 "Magic : a92b4efc": expected mdadm --detail of the array; this is mdadm --examine of one member (its superblock\'s fields)',
    );
    const two = `${fixture(RAID6)}${fixture(RAID1).split('\n').slice(1).join('\n')}`;
    expect(refusal(two)).toBe(
      'mdadm-detail x.txt line 33 "/dev/md0:": expected one array\'s output; a second array begins here (paste one "mdadm --detail" at a time)',
    );
  });

  it('a truncated paste: cut before the table, inside the table, inside a row', () => {
    const lines = fixture(RAID6).split('\n');
    expect(refusal(lines.slice(0, 20).join('\n'))).toBe(
      'mdadm-detail x.txt line 21 (end of text): expected the device table ("Number Major Minor RaidDevice State" and a row per member): the paste ends before it',
    );
    expect(refusal(lines.slice(0, 10).join('\n'))).toMatch(
      /^mdadm-detail x.txt line 11 \(end of text\): expected a "State : \.\.\." line before the device table/,
    );
    expect(refusal(lines.slice(0, 29).join('\n'))).toBe(
      'mdadm-detail x.txt line 30 (end of text): expected a row for each of the 5 Raid Devices (removed slots included); the table has 2: the paste ends early',
    );
    // Cut in the middle of a row, as a forum excerpt stops: "      11       8      193        6".
    const cut = [...lines.slice(0, 28), '       2     253       48        2'].join('\n');
    expect(refusal(cut)).toBe(
      'mdadm-detail x.txt line 29 "2     253       48        2": expected a device row "Number Major Minor RaidDevice State [device]", as "0  8  17  0  active sync  /dev/sdb1"; this row stops before its state (a truncated paste?)',
    );
  });

  it('a value not as mdadm prints it names its field', () => {
    const bad = fixture(RAID6).replace('Chunk Size : 512K', 'Chunk Size : half a meg');
    expect(refusal(bad)).toBe(
      'mdadm-detail x.txt line 19 "Chunk Size : half a meg": expected Chunk Size: a chunk size as mdadm prints it, "512K"',
    );
    expect(refusal(fixture(RAID6).replace('Raid Devices : 5', 'Raid Devices : five'))).toMatch(
      /^mdadm-detail x.txt line 7 "Raid Devices : five": expected Raid Devices: a whole number$/,
    );
  });
});

describe("the model's parameters from a paste", () => {
  it('raid6 -> raid5 model, level 6; raid1 with its bitmap; raid10 resyncing -> assume_clean off', () => {
    expect(scenarioFromMdadm(parse(RAID6))).toMatchObject({
      model: 'raid5',
      params: { level: 6, disks: 5, chunk: 524288, bitmap: 'none', assume_clean: true },
    });
    expect(scenarioFromMdadm(parse(RAID1))).toMatchObject({
      model: 'raid1',
      params: { disks: 2, bitmap: 'bitmap', assume_clean: true },
    });
    expect(scenarioFromMdadm(parse(RAID1)).params).not.toHaveProperty('chunk');
    const r10 = scenarioFromMdadm(parse(RAID10));
    expect(r10).toMatchObject({
      model: 'raid10',
      params: { disks: 4, chunk: 524288, bitmap: 'none', assume_clean: false },
    });
    expect(r10.notes).toContain(
      "assume_clean=off: the array is resyncing (39% done in the paste; the model's resync starts from the beginning)",
    );
  });

  it('mdadm 3.x without Consistency Policy: "Intent Bitmap : Internal" is the bitmap', () => {
    const old = fixture(RAID1_REBUILD)
      .replace('clean, degraded, recovering', 'clean')
      .replace(/^ Rebuild Status.*\n/m, '')
      .replace('spare rebuilding', 'active sync');
    expect(scenarioFromMdadm(parseMdadmDetail(old)).params.bitmap).toBe('bitmap');
    expect(scenarioFromMdadm(parseMdadmDetail(old.replace(/^ {2}Intent Bitmap.*\n/m, ''))).params.bitmap).toBe('none');
  });

  it('refuses what the model cannot run, naming the field and value', () => {
    const refuse = (text: string) => () => scenarioFromMdadm(parseMdadmDetail(text));
    expect(refuse(fixture(RAID5_090))).toThrow(
      'mdadm-detail State=clean, degraded: accepted clean | active, or resyncing (the model runs an array with every member in sync, or in its initial resync; it has no degraded mode)',
    );
    expect(refuse(fixture(RAID6_DEGRADED))).toThrow(/^mdadm-detail State=clean, degraded: /);
    expect(refuse(fixture(RAID1_REBUILD))).toThrow(/^mdadm-detail State=clean, degraded, recovering: /);
    expect(refuse(fixture(RAID6_RESHAPE))).toThrow(
      'mdadm-detail Layout=left-symmetric-6: accepted left-symmetric (the only raid6 layout the model lays out)',
    );
    expect(refuse(fixture(RAID6).replace('raid6', 'raid0'))).toThrow(
      'mdadm-detail Raid Level=raid0: accepted raid5 | raid6 | raid1 | raid10 (the levels the models have; raid0, raid4, linear and containers are not modelled)',
    );
    expect(refuse(fixture(RAID6).replace('Policy : resync', 'Policy : journal'))).toThrow(
      'mdadm-detail Consistency Policy=journal: accepted bitmap | resync | none (a write journal device (raid5-cache) is not modelled)',
    );
    expect(refuse(fixture(RAID6).replace('Policy : resync', 'Policy : ppl'))).toThrow(
      /^mdadm-detail Consistency Policy=ppl: .*partial parity log/,
    );
    expect(refuse(fixture(RAID10).replace('near=2', 'far=2'))).toThrow(
      'mdadm-detail Layout=far=2: accepted near=2 (the only raid10 layout the model lays out)',
    );
    expect(refuse(fixture(RAID1).replace('Intent Bitmap : Internal', 'Intent Bitmap : /bitmap/md0'))).toThrow(
      'mdadm-detail Intent Bitmap=/bitmap/md0: accepted Internal (a bitmap in a file outside the array is not modelled)',
    );
    expect(refuse(fixture(RAID1).replace('active sync   /dev/sdb1', 'active sync writemostly   /dev/sdb1'))).toThrow(
      'mdadm-detail device row (line 29)=active sync writemostly: accepted active sync members, or spares outside the array (a writemostly member is not modelled)',
    );
  });
});
