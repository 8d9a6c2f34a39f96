// Model factories by CLI name. The only place that maps a model name to runtime code.
import type { ModelFactory } from '../core/model';
import { ext4Factory } from './ext4/ext4';
import { lockLabFactory } from './lockLab/lockLab';
import { loopFactory } from './loop/loop';
import { raid5Factory } from './raid5/raid5';

export const FACTORIES: Record<string, ModelFactory> = {
  'lock-lab': lockLabFactory,
  raid5: raid5Factory,
  loop: loopFactory,
  ext4: ext4Factory,
};
