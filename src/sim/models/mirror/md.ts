// md core as the mirror model sees it: the contract's types (core/mdContract.ts), under the names the
// mirror files use. Never import the models/bitmap folder; the composition root passes md core in.
export type {
  MdCosts,
  MdParams,
  MdHost,
  SyncPersonality,
  MdSync,
  MdLibs,
  BitmapOps as Bitmap,
} from '../../core/mdContract';
