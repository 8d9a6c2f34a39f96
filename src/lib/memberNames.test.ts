import { describe, expect, it } from 'vitest';
import { diskLetters, memberName, memberNames } from './memberNames';

describe('member names', () => {
  it('follow sd_format_disk_name past z', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(diskLetters)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'zz', 'aaa']);
  });
  it('by device class, skipping the system disk for SCSI and virtio', () => {
    expect(memberNames('nvme', 3)).toEqual(['nvme0n1', 'nvme1n1', 'nvme2n1']);
    expect(memberNames('ramdisk', 2)).toEqual(['ram0', 'ram1']);
    expect(memberNames('virtio', 2)).toEqual(['vdb', 'vdc']);
    expect(memberNames('hdd', 2)).toEqual(['sdb', 'sdc']);
    expect(memberName('ssd', 25)).toBe('sdaa');
  });
});
