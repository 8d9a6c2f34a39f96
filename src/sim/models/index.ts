// Model factories by CLI name. The only place that maps a model name to runtime code.
import type { ModelFactory } from '../core/model';
import { ext4Factory } from './ext4/ext4';
import { lockLabFactory } from './lockLab/lockLab';
import { loopFactory } from './loop/loop';
import { raid5FactoryWith } from './raid5/raid5';
import { mirrorFactory } from './mirror/mirror';
import { MD_LIBS } from './bitmap/mdLibs';

export const FACTORIES: Record<string, ModelFactory> = {
  'lock-lab': lockLabFactory,
  raid5: raid5FactoryWith(MD_LIBS),
  loop: loopFactory,
  ext4: ext4Factory,
  // md core's bitmap and resync reach the array models from here: no model imports another's folder.
  raid1: mirrorFactory(1, MD_LIBS),
  raid10: mirrorFactory(10, MD_LIBS),
};
