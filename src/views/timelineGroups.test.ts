// The timeline's grouping by role, default expansion, rows, and the aggregate row's state shares. Pure data.
import { describe, expect, it } from 'vitest';
import { groupOf, groupThreads, rowShares, timelineRows } from './timelineGroups';

const meta = [
  { name: 'irq/nvme0n1', role: 'interrupt' },
  { name: 'ksoftirqd/0', role: 'interrupt' },
  { name: 'md0_raid5', role: 'raid5d' },
  ...Array.from({ length: 6 }, (_, i) => ({ name: `kworker/u:raid5wq-${i}`, role: 'worker' })),
  { name: 'fio/0', role: 'submitter' },
  { name: 'loop0', role: 'loop_thread' },
  { name: 'fio/1', role: 'writer' },
];

describe('timeline groups', () => {
  it('sorts threads by role into fixed groups, in ring order within each', () => {
    const g = groupThreads(meta);
    expect(g.map((x) => [x.id, x.threads])).toEqual([
      ['irq', [0, 1]],
      ['md', [2]],
      ['workers', [3, 4, 5, 6, 7, 8]],
      ['fio', [9, 11]],
      ['others', [10]],
    ]);
    expect(groupOf({ name: 'md0_raid1', role: 'raid1d' })).toBe('md');
    expect(groupOf({ name: 'kworker/async-0', role: 'offload' })).toBe('workers');
    expect(groupOf({ name: 'task-3', role: 'task' })).toBe('others');
  });

  it('expands groups of up to 4 threads by default, and follows the user after that', () => {
    const g = groupThreads(meta);
    const rows = timelineRows(g, meta, {});
    expect(rows.filter((r) => r.kind === 'group').map((r) => r.kind === 'group' && [r.group.id, r.expanded])).toEqual([
      ['irq', true],
      ['md', true],
      ['workers', false],
      ['fio', true],
      ['others', true],
    ]);
    // 5 headers + 2 irq + 1 md + 2 fio + 1 other
    expect(rows).toHaveLength(11);
    const opened = timelineRows(g, meta, { workers: true, irq: false });
    expect(opened.filter((r) => r.kind === 'thread').map((r) => r.kind === 'thread' && r.name)).toEqual([
      'md0_raid5',
      ...Array.from({ length: 6 }, (_, i) => `kworker/u:raid5wq-${i}`),
      'fio/0',
      'fio/1',
      'loop0',
    ]);
  });

  it("draws a collapsed group as its threads' mean share in each state; a thread row as its own", () => {
    // 3 threads x 2 pixels x 5 states; threads 0 and 1 in one group, thread 2 unseen in the first pixel
    const width = 2;
    const acc = new Float32Array(3 * width * 5);
    const put = (t: number, px: number, s: number, v: number) => (acc[(t * width + px) * 5 + s] = v);
    put(0, 0, 0, 1); // running
    put(1, 0, 4, 1); // idle
    put(0, 1, 1, 0.5); // half spinning, half idle
    put(0, 1, 4, 0.5);
    put(1, 1, 1, 1);
    put(2, 1, 2, 1);
    const m = [
      { name: 'kworker/0', role: 'worker' },
      { name: 'kworker/1', role: 'worker' },
      { name: 'fio/0', role: 'submitter' },
    ];
    const rows = timelineRows(groupThreads(m), m, { workers: false, fio: true });
    expect(rows.map((r) => r.kind)).toEqual(['group', 'group', 'thread']);
    const out = new Float32Array(rows.length * width * 5).fill(9);
    rowShares(acc, width, rows, 0, rows.length, out);
    const px = (r: number, p: number) => [...out.subarray((r * width + p) * 5, (r * width + p + 1) * 5)];
    expect(px(0, 0)).toEqual([0.5, 0, 0, 0, 0.5]);
    expect(px(0, 1)).toEqual([0, 0.75, 0, 0, 0.25]);
    expect(px(1, 0)).toEqual([0, 0, 0, 0, 0]); // an expanded header holds no track
    expect(px(2, 0)).toEqual([0, 0, 0, 0, 0]); // not seen yet: nothing
    expect(px(2, 1)).toEqual([0, 0, 1, 0, 0]);
    // a window further down: rows from the second on
    rowShares(acc, width, rows, 2, 1, out);
    expect(px(0, 1)).toEqual([0, 0, 1, 0, 0]);
  });
});
