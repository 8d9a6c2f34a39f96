// The kernel's name for member i of an array by device class, in one place for the model, the UI, the exports and
// the setup commands: ram0.. (brd), nvme0n1.. (NVMe namespaces), vdb.. (virtio-blk) and sdb.. (SCSI/SATA disks).
// virtio and SCSI start at b because a real machine's system disk is vda / sda: the commands must not name it.

/** sd_format_disk_name's letters: 0 -> a, 25 -> z, 26 -> aa, 701 -> zz, 702 -> aaa. */
export function diskLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
  return s;
}

/** The block device name (no /dev/) of member `i` of a device class ('ramdisk', 'nvme', 'virtio', 'ssd', 'hdd'). */
export function memberName(device: string, i: number): string {
  if (device === 'ramdisk') return `ram${i}`;
  if (device === 'nvme') return `nvme${i}n1`;
  if (device === 'virtio') return `vd${diskLetters(i + 1)}`;
  return `sd${diskLetters(i + 1)}`;
}

export function memberNames(device: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => memberName(device, i));
}
