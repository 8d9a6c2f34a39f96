// What the validation groups share: the test that asserts every claim, and MB/s of a run.
import type { SimResult } from '../../sim/core/result';
import { bytesPerSec } from '../stories/figures';

export const TEST = 'src/sim/models/raid5/validation.test.ts';
export const mbs = (r: SimResult) => bytesPerSec(r) / 1e6;
