// Where a logical page lives: raid1 copies on every member, raid10 near-2 (raid10_find_phys, mdadm's default)
// on two neighbouring members. Address arithmetic only; no IO.
export interface Copy {
  disk: number;
  /** Member page (4K) of the copy. */
  page: number;
}

export interface Layout {
  readonly level: 1 | 10;
  readonly disks: number;
  readonly copies: number;
  /** Array size in pages for members of `memberPages` each. */
  arrayPages(memberPages: number): number;
  /** Every copy of the array page `page`. */
  copiesOf(page: number): Copy[];
}

export function raid1Layout(disks: number): Layout {
  return {
    level: 1,
    disks,
    copies: disks,
    arrayPages: (m) => m,
    copiesOf: (page) => Array.from({ length: disks }, (_, disk) => ({ disk, page })),
  };
}

export function raid10Layout(disks: number, chunkBytes: number, copies = 2): Layout {
  const ppc = Math.max(1, chunkBytes / 4096);
  return {
    level: 10,
    disks,
    copies,
    arrayPages: (m) => Math.floor((m * disks) / copies),
    copiesOf: (page) => {
      const chunk = Math.floor(page / ppc);
      const offset = page % ppc;
      const out: Copy[] = [];
      for (let i = 0; i < copies; i++) {
        const v = chunk * copies + i; // the chunk's i-th copy in the virtual device stripe
        out.push({ disk: v % disks, page: Math.floor(v / disks) * ppc + offset });
      }
      return out;
    },
  };
}
