// Which live picture a model gets: its own machine view when its snapshot carries what that view needs,
// else the generic panels (ModelStage). raid5 is chosen in App before this. Choosing only; no drawing.
import { useSim } from '../../state/store';
import { Ext4Machine } from './Ext4Machine';
import { ext4Picture } from './ext4Picture';
import { LoopMachine } from './LoopMachine';
import { loopPicture } from './loopPicture';
import { MachineStage } from './MachineStage';
import { MirrorMachine } from './MirrorMachine';
import { mirrorPicture } from './mirrorPicture';
import { ModelStage } from './ModelStage';

/** The machine view for a snapshot's model, by what the snapshot holds (a stale frame of the previous model
 * after a switch must not reach the new model's view). */
export function machineFor(
  model: string,
  has: { loop: boolean; ext4: boolean; mirror: boolean },
): 'loop' | 'ext4' | 'mirror' | null {
  if (model === 'loop' && has.loop) return 'loop';
  if (model === 'ext4' && has.ext4) return 'ext4';
  if ((model === 'raid1' || model === 'raid10') && has.mirror) return 'mirror';
  return null;
}

export function StageFor() {
  const model = useSim((s) => s.model);
  const which = useSim((s) =>
    machineFor(s.model, {
      loop: loopPicture(s.snapshot) !== null,
      ext4: ext4Picture(s.snapshot) !== null,
      mirror: mirrorPicture(s.snapshot) !== null,
    }),
  );
  if (which === null) return <ModelStage />;
  return (
    <MachineStage model={model}>
      {which === 'loop' ? <LoopMachine /> : which === 'ext4' ? <Ext4Machine /> : <MirrorMachine />}
    </MachineStage>
  );
}
