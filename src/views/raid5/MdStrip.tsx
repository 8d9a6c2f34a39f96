// raid5 with a write-intent bitmap or an initial resync: md core's bitmap grid and md_do_sync's pass (the same
// columns the raid1/raid10 machine draws) with raid5's bitmap batch between them. Draws only; bitmap_lock is
// in the locks strip below.
import { useSim } from '../../state/store';
import { StateChip } from '../StateChip';
import { BitmapCol, ResyncCol } from '../models/MdCols';
import { Col, Figure } from '../models/parts';
import { mdStripPicture, type BitmapBatch } from './mdStripPicture';
import '../models/models.css';
import './mdStrip.css';

function Batch({ b }: { b: BitmapBatch }) {
  return (
    <Col
      title="bitmap_list"
      className="batch"
      testId="md-batch"
      about="raid5's bitmap batch: a stripe's first write parks it on bitmap_list; raid5d bumps seq_flush, writes the bitmap (unplug), sets seq_write and releases the batch"
    >
      <Figure
        name="waiting"
        value={b.stripes}
        about="stripe_heads on bitmap_list: their first write waits for the next bitmap write"
        testId="md-bitmap-list"
      />
      <Figure
        name="seq"
        value={`${b.seqFlush} / ${b.seqWrite}`}
        about="seq_flush / seq_write: bitmap batches started / written; a stripe waits while its bm_seq is past seq_write"
        testId="md-seq"
      />
      {b.unplugging ? (
        <span
          data-testid="md-unplugging"
          title={`BITMAP UNPLUGGING: raid5d dropped device_lock for md_bitmap_unplug's writes; now: ${b.raid5d?.label || 'idle'}`}
        >
          <StateChip state={b.raid5d?.state ?? 3} text="unplugging" />
        </span>
      ) : (
        <span className="muted" title="seq_write has caught up with seq_flush: no bitmap write pending">
          unplug idle
        </span>
      )}
    </Col>
  );
}

export function MdStrip() {
  const p = mdStripPicture(useSim((s) => s.snapshot));
  if (!p) return null;
  return (
    <div className="m-md" data-testid="md-strip" data-bitmap={p.bitmap?.kind ?? 'none'}>
      <BitmapCol b={p.bitmap} compact />
      {p.batch && <Batch b={p.batch} />}
      <ResyncCol r={p.resync} />
    </div>
  );
}
