// md core's columns in a machine view, shared by the raid1/raid10 machine and raid5's md strip: the write-intent
// bitmap (grid, pages to write, bitmap_lock, llbitmap's daemons) and md_do_sync's pass (position, window). Draws only.
import { fmtPct } from '../format';
import { StateChip } from '../StateChip';
import { CodeGrid } from './CodeGrid';
import type { BitmapNow, ResyncNow } from './mdPicture';
import { Col, Figure, LockLine } from './parts';

const pct = (a: number, b: number) => `${Math.min(100, b > 0 ? (100 * a) / b : 0)}%`;
/** GiB with one decimal, MiB whole, and tenths of a MiB below 10 MiB so an early pass is seen to move. */
const mib = (pages: number) =>
  pages >= 262144 ? `${(pages / 262144).toFixed(1)} GiB` : `${(pages / 256).toFixed(pages < 2560 ? 1 : 0)} MiB`;
const size = (bytes: number) => (bytes >= 1 << 20 ? `${bytes / (1 << 20)}M` : `${bytes / 1024}K`);

/** `compact` (raid5's strip, where a locks strip below shows bitmap_lock and the timeline llbitmap's daemons):
 * leaves out bitmap_lock, pages written later and the daemons. */
export function BitmapCol({ b, compact = false }: { b: BitmapNow | null; compact?: boolean }) {
  if (!b)
    return (
      <Col title="bitmap" about="No write-intent bitmap: writes go straight to the members" className="bm">
        <p className="muted">none (bitmap=none)</p>
      </Col>
    );
  const classic = b.kind === 'bitmap';
  return (
    <Col
      title={classic ? 'bitmap (classic)' : 'llbitmap'}
      className="bm"
      testId="md-bitmap"
      about={
        classic
          ? 'md-bitmap.c: a counter per chunk under one spinlock; bits reach disk before the data (unplug)'
          : 'md-llbitmap.c: a state byte per chunk, no global lock; dirty blocks written by the unplug work'
      }
      note={`${size(b.chunkBytes)} chunks, ${b.chunksPerCell} per cell`}
    >
      <CodeGrid
        cells={b.cells}
        styles={b.styles}
        id={`bm-${b.kind}`}
        label={`${b.kind} chunks, ${b.chunksPerCell} per cell, each showing its most active chunk`}
        testId="bitmap-grid"
      />
      <Figure
        name="pages to write"
        value={b.pagesToWrite}
        about="Bitmap pages (classic) or pages with dirty blocks (llbitmap) the next unplug writes before data may go"
        testId="bitmap-pages-to-write"
      />
      {!compact && (
        <Figure
          name={classic ? 'pages pending' : 'pages suspending'}
          value={b.pagesLater}
          about={
            classic
              ? 'Pages with bits the daemon cleared: written on its next pass'
              : 'Pages the daemon is suspending to clean'
          }
        />
      )}
      <Figure name="metadata writes" value={b.writesInFlight} about="md_super_write bios in flight now" />
      {b.pageRefs !== null && (
        <Figure
          name="page refs"
          value={b.pageRefs}
          about="Writes in flight holding a page's percpu reference (its barrier)"
        />
      )}
      {classic && !compact && (
        <LockLine
          lock={b.lock}
          about="bitmap_lock (counts.lock): every counter update in start_write / end_write and the daemon's scan"
        />
      )}
      {!compact && b.daemons.length > 0 && (
        <div className="chips">
          {b.daemons.map((t) => (
            <span key={t.name} title={t.label}>
              <StateChip state={t.state} text={t.name.replace('kworker/u:', '')} />
            </span>
          ))}
        </div>
      )}
    </Col>
  );
}

export function ResyncCol({ r }: { r: ResyncNow | null }) {
  if (!r)
    return (
      <Col title="resync" about="--assume-clean: no initial resync" className="rs">
        <p className="muted">none (assume_clean)</p>
      </Col>
    );
  return (
    <Col
      title="resync"
      about="md_do_sync: walks the array in sync_request steps; the hatched part is resync IO in flight"
      className="rs"
      testId="md-resync"
      note={r.running ? `${fmtPct(r.posPages / r.spanPages)}` : 'idle'}
    >
      <span
        className="meter"
        role="img"
        aria-label={`resync at ${mib(r.posPages)} of ${mib(r.spanPages)}, ${r.activePages} pages in flight`}
      >
        <span style={{ left: 0, width: pct(r.posPages - r.activePages, r.spanPages) }} />
        <span
          className="win"
          style={{
            left: pct(r.posPages - r.activePages, r.spanPages),
            width: `max(2px, ${pct(r.activePages, r.spanPages)})`,
          }}
        />
      </span>
      <Figure
        name="at"
        value={`${mib(r.posPages)} / ${mib(r.spanPages)}`}
        about="md_do_sync's position (j) of resync_max_sectors"
        testId="resync-pos"
      />
      <Figure
        name="IO"
        value={`${r.activePages}/${r.limitPages} pages`}
        about="Resync IO in flight against sync_io_depth's limit, which md_do_sync applies only above sync_speed_min on a busy array (below it, resync IO may pile up past the limit)"
      />
      <Figure name="speed" value={`${(r.kibPerSec / 1024).toFixed(0)} MiB/s`} about="Resync rate since the run began" />
      <Figure
        name="throttled"
        value={r.throttleWaits}
        about="Times md_do_sync drained its IO to let other IO through"
      />
      {r.thread && (
        <div className="tline">
          <StateChip state={r.thread.state} text={r.thread.name} />
        </div>
      )}
    </Col>
  );
}
