// Model factories by CLI name. The only place that maps a model name to runtime code.
import type { ModelFactory, ModelSnapshot } from '../core/model';
import { ext4Factory } from './ext4/ext4';
import { lockLabFactory } from './lockLab/lockLab';
import { loopFactory } from './loop/loop';
import { raid5Factory } from './raid5/raid5';
import type { Raid5Snapshot } from './raid5/snapshot';
import { mirrorFactory } from './mirror/mirror';

/** Every model's snapshot, discriminated by `model`: what crosses the worker boundary (protocol's Snapshot).
 * raid5's extras are typed beside their producer; the other models' are still a plain record. */
export type AnySnapshot =
  | Raid5Snapshot
  | ModelSnapshot<'lock-lab'>
  | ModelSnapshot<'loop'>
  | ModelSnapshot<'ext4'>
  | ModelSnapshot<'raid1' | 'raid10'>;

export const FACTORIES: Record<string, ModelFactory<AnySnapshot>> = {
  'lock-lab': lockLabFactory,
  raid5: raid5Factory,
  loop: loopFactory,
  ext4: ext4Factory,
  raid1: mirrorFactory(1),
  raid10: mirrorFactory(10),
};
