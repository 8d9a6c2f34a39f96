// The raid1/raid10 machine: fio jobs -> r1conf/r10conf's pending_bio_list under device_lock, flushed by
// raid1d/raid10d after the bitmap -> the write-intent bitmap (md-bitmap.c counters under bitmap_lock, or
// md-llbitmap.c state bytes and its daemon) -> md_do_sync's resync window -> the member disks. Draws only.
import { useSim } from '../../state/store';
import { fmtPct } from '../format';
import { StateChip } from '../StateChip';
import { CodeGrid } from './CodeGrid';
import { mirrorPicture, type BitmapNow, type MirrorPicture, type ResyncNow } from './mirrorPicture';
import { Arrow, Col, Figure, LockLine, Slots, ThreadList } from './parts';

const pct = (a: number, b: number) => `${Math.min(100, b > 0 ? (100 * a) / b : 0)}%`;
const mib = (pages: number) => (pages >= 262144 ? `${(pages / 262144).toFixed(1)} GiB` : `${((pages * 4096) / (1 << 20)).toFixed(0)} MiB`);
const size = (bytes: number) => (bytes >= 1 << 20 ? `${bytes / (1 << 20)}M` : `${bytes / 1024}K`);

function Md({ p }: { p: MirrorPicture }) {
  return (
    <Col title={`md0 ${p.level}`} about="pending_bio_list: writes held until the bitmap is on disk, then flushed by the md thread" testId="mirror-md"
>
      <div className="qname">pending_bio_list</div>
      <Slots used={0} waiting={p.pendingWrites} capacity={16} label={`${p.pendingWrites} writes on pending_bio_list`} testId="mirror-pending" />
      <LockLine lock={p.deviceLock} about="device_lock: guards pending_bio_list and the retry list" />
      {p.mdThread && <ThreadList threads={[p.mdThread]} />}
      <Figure name="member IOs" value={p.memberIosInFlight} about="Member bios in flight now (each write goes to every copy)" testId="mirror-member-ios" />
    </Col>
  );
}

function Bitmap({ b }: { b: BitmapNow | null }) {
  if (!b) return <Col title="bitmap" about="No write-intent bitmap: writes go straight to the members" className="bm"><p className="muted">none (bitmap=none)</p></Col>;
  const classic = b.kind === 'bitmap';
  return (
    <Col title={classic ? 'bitmap (classic)' : 'llbitmap'} className="bm" testId="mirror-bitmap"
      about={classic ? 'md-bitmap.c: a counter per chunk under one spinlock; bits reach disk before the data (unplug)' : 'md-llbitmap.c: a state byte per chunk, no global lock; dirty blocks written by the unplug work'}
      note={`${size(b.chunkBytes)} chunks, ${b.chunksPerCell} per cell`}>
      <CodeGrid cells={b.cells} styles={b.styles} id={`bm-${b.kind}`} label={`${b.kind} chunks, ${b.chunksPerCell} per cell, each showing its most active chunk`} testId="bitmap-grid" />
      <Figure name="pages to write" value={b.pagesToWrite} about="Bitmap pages (classic) or pages with dirty blocks (llbitmap) the next unplug writes before data may go" testId="bitmap-pages-to-write" />
      <Figure name={classic ? 'pages pending' : 'pages suspending'} value={b.pagesLater}
        about={classic ? 'Pages with bits the daemon cleared: written on its next pass' : 'Pages the daemon is suspending to clean'} />
      <Figure name="metadata writes" value={b.writesInFlight} about="md_super_write bios in flight now" />
      {b.pageRefs !== null && <Figure name="page refs" value={b.pageRefs} about="Writes in flight holding a page's percpu reference (its barrier)" />}
      {classic && <LockLine lock={b.lock} about="bitmap_lock (counts.lock): every counter update in start_write / end_write and the daemon's scan" />}
      {b.daemons.length > 0 && <div className="chips">{b.daemons.map((t) => <span key={t.name} title={t.label}><StateChip state={t.state} text={t.name.replace('kworker/u:', '')} /></span>)}</div>}
    </Col>
  );
}

function Resync({ r }: { r: ResyncNow | null }) {
  if (!r) return <Col title="resync" about="--assume-clean: no initial resync" className="rs"><p className="muted">none (assume_clean)</p></Col>;
  return (
    <Col title="resync" about="md_do_sync: walks the array in sync_request steps; the hatched part is resync IO in flight" className="rs" testId="mirror-resync"
      note={r.running ? `${fmtPct(r.posPages / r.spanPages)}` : 'idle'}>
      <span className="meter" role="img" aria-label={`resync at ${mib(r.posPages)} of ${mib(r.spanPages)}, ${r.activePages} pages in flight`}>
        <span style={{ left: 0, width: pct(r.posPages - r.activePages, r.spanPages) }} />
        <span className="win" style={{ left: pct(r.posPages - r.activePages, r.spanPages), width: `max(2px, ${pct(r.activePages, r.spanPages)})` }} />
      </span>
      <Figure name="at" value={`${mib(r.posPages)} / ${mib(r.spanPages)}`} about="md_do_sync's position (j) of resync_max_sectors" testId="resync-pos" />
      <Figure name="IO" value={`${r.activePages}/${r.limitPages} pages`} about="Resync IO in flight against sync_io_depth's limit" />
      <Figure name="speed" value={`${(r.kibPerSec / 1024).toFixed(0)} MiB/s`} about="Resync rate since the run began" />
      <Figure name="throttled" value={r.throttleWaits} about="Times md_do_sync drained its IO to let other IO through" />
      {r.thread && <div className="tline"><StateChip state={r.thread.state} text={r.thread.name} /></div>}
    </Col>
  );
}

function Members({ p }: { p: MirrorPicture }) {
  return (
    <Col title="members" about="Member disks: requests in service of the device's parallelism, then queued; utilisation since the start" className="mm" testId="mirror-members">
      {p.members.map((m) => (
        <div key={m.name} className="qrow" data-testid={`member-${m.name}`} data-busy={m.inService}>
          <span className="qname">{m.name} <span className="muted">{m.inService}/{m.parallelism}{m.queued ? ` +${m.queued}` : ''} · {fmtPct(m.utilisation)}</span></span>
          <Slots used={m.inService} waiting={m.queued} capacity={m.parallelism} label={`${m.name}: ${m.inService} in service, ${m.queued} queued`} />
        </div>
      ))}
    </Col>
  );
}

export function MirrorMachine() {
  const p = mirrorPicture(useSim((s) => s.snapshot));
  if (!p) return null;
  return (
    <section className="panel machine" aria-label={`${p.level} machine`} data-testid="mirror-machine" data-bitmap={p.bitmap?.kind ?? 'none'}>
      <div className="panel-head"><h2>md0: {p.level} on {p.members.length} members</h2>
        <span className="muted">fio → pending_bio_list → bitmap first → members; md_do_sync beside</span></div>
      <div className="machine-body">
        <div className="m-col subs"><h3 title="fio jobs: the submitting threads">fio jobs</h3><ThreadList threads={p.jobs} /></div>
        <Arrow /><Md p={p} /><Arrow /><Bitmap b={p.bitmap} /><Arrow /><Resync r={p.resync} /><Arrow /><Members p={p} />
      </div>
    </section>
  );
}
