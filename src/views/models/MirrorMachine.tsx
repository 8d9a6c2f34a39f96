// The raid1/raid10 machine: fio jobs -> r1conf/r10conf's pending_bio_list under device_lock, flushed by
// raid1d/raid10d after the bitmap -> the write-intent bitmap (md-bitmap.c counters under bitmap_lock, or
// md-llbitmap.c state bytes and its daemon) -> md_do_sync's resync window -> the member disks. Draws only.
import { useMirror } from '../../state/lab/mirrorLive';
import { useSim } from '../../state/store';
import { fmtPct, fmtRateShort, fmtReqSize } from '../format';
import { memberData, MemberHeadCells, memberWords } from '../memberIostat';
import { BitmapCol, ResyncCol } from './MdCols';
import { mirrorPicture, type MirrorPicture } from './mirrorPicture';
import { Arrow, Col, Figure, LockLine, Slots, ThreadList } from './parts';

function Md({ p }: { p: MirrorPicture }) {
  return (
    <Col
      title={`md0 ${p.level}`}
      about="pending_bio_list: writes held until the bitmap is on disk, then flushed by the md thread"
      testId="mirror-md"
    >
      <div className="qname">pending_bio_list</div>
      <Slots
        used={0}
        waiting={p.pendingWrites}
        capacity={16}
        label={`${p.pendingWrites} writes on pending_bio_list`}
        testId="mirror-pending"
      />
      <LockLine lock={p.deviceLock} about="device_lock: guards pending_bio_list and the retry list" />
      {p.mdThread && <ThreadList threads={[p.mdThread]} />}
      <Figure
        name="member IOs"
        value={p.memberIosInFlight}
        about="Member bios in flight now (each write goes to every copy)"
        testId="mirror-member-ios"
      />
    </Col>
  );
}

/** Per member: in service of the device's parallelism (+ queued), and iostat -x's %util, areq-sz and merges
 * (rrqm/s + wrqm/s) over the recent window, named and explained as raid5's machine view does. */
function Members({ p }: { p: MirrorPicture }) {
  const figs = useMirror((s) => s.members);
  return (
    <Col
      title="members"
      about="Member disks: requests in service of the device's parallelism, + queued; recent figures as iostat -x names them"
      className="mm"
      testId="mirror-members"
    >
      <div className="mm-head" data-testid="members-head" aria-hidden="true">
        <MemberHeadCells />
      </div>
      <div className="mm-list">
        {p.members.map((m) => {
          const f = figs?.get(m.name);
          return (
            <div
              key={m.name}
              className="qrow"
              data-testid={`member-${m.name}`}
              data-busy={m.inService}
              {...memberData(f)}
              title={`${m.name}: ${m.inService} of ${m.parallelism} in service, ${m.queued} queued${memberWords(f)}`}
            >
              <span className="qname q">
                {m.name}{' '}
                <span className="muted">
                  {m.inService}/{m.parallelism}
                  {m.queued ? ` +${m.queued}` : ''}
                </span>
              </span>
              <span className="u">{f ? fmtPct(f.utilisation) : '—'}</span>
              <Slots
                used={m.inService}
                waiting={m.queued}
                capacity={m.parallelism}
                label={`${m.name}: ${m.inService} in service, ${m.queued} queued`}
              />
              <span className="sz">{f ? fmtReqSize(f.meanRequestBytes) : '—'}</span>
              <span className="rqm">{f ? fmtRateShort(f.mergesPerSec) : '—'}</span>
            </div>
          );
        })}
      </div>
    </Col>
  );
}

export function MirrorMachine() {
  const p = mirrorPicture(useSim((s) => s.snapshot));
  if (!p) return null;
  return (
    <section
      className="panel machine"
      aria-label={`${p.level} machine`}
      data-testid="mirror-machine"
      data-bitmap={p.bitmap?.kind ?? 'none'}
    >
      <div className="panel-head">
        <h2>
          md0: {p.level} on {p.members.length} members
        </h2>
        <span className="muted">fio → pending_bio_list → bitmap first → members; md_do_sync beside</span>
      </div>
      <div className="machine-body">
        <div className="m-col subs">
          <h3 title="fio jobs: the submitting threads">fio jobs</h3>
          <ThreadList threads={p.jobs} />
        </div>
        <Arrow />
        <Md p={p} />
        <Arrow />
        <BitmapCol b={p.bitmap} />
        <Arrow />
        <ResyncCol r={p.resync} />
        <Arrow />
        <Members p={p} />
      </div>
    </section>
  );
}
