// The ext4 writeback machine: fio writers (generic_perform_write under j_state_lock) -> dirty pages of the
// inodes (vm.dirty_bytes, balance_dirty_pages) -> ext4_da_writepages by buffer_head or by bio, optionally in a
// blk_plug -> the request_queue (elevator) under queue_lock -> the device. Draws only.
import { useSim } from '../../state/store';
import { fmtPct } from '../format';
import { StateChip } from '../StateChip';
import { ext4Picture, WRITER_PHASES, type Ext4Picture } from './ext4Picture';
import { Arrow, Col, Figure, LockLine, Slots } from './parts';

const pct = (a: number, b: number) => `${Math.min(100, b > 0 ? (100 * a) / b : 0)}%`;

function Writers({ p }: { p: Ext4Picture }) {
  return (
    <Col
      title="fio writers"
      about="fio jobs writing buffered; each also writes back its own file's pages"
      className="subs"
      testId="ext4-writers"
      note={`${p.writers.length}`}
    >
      <ul className="bm-legend" aria-label="writers by what they do now">
        {WRITER_PHASES.filter((ph) => p.phaseCounts[ph] > 0 || ph !== 'other').map((ph) => (
          <li key={ph} data-testid={`phase-${ph}`} data-count={p.phaseCounts[ph]}>
            {ph} <b>{p.phaseCounts[ph]}</b>
          </li>
        ))}
      </ul>
      <div className="chips">
        {p.writers.map((w) => (
          <span key={w.name} title={`${w.name}: ${w.label || 'idle'} (${w.phase})`}>
            <StateChip state={w.state} text={w.name.replace('fio/', 'w')} />
          </span>
        ))}
      </div>
    </Col>
  );
}

function Dirty({ p }: { p: Ext4Picture }) {
  const limit = Math.max(1, p.dirtyLimitPages);
  return (
    <Col
      title="page cache"
      about="Dirty pages waiting for writeback and pages under writeback, against vm.dirty_bytes"
      testId="ext4-dirty"
    >
      <span
        className="meter"
        role="img"
        aria-label={`${p.dirtyPages} dirty and ${p.writebackPages} under writeback of ${limit} pages`}
      >
        <span style={{ left: 0, width: pct(p.dirtyPages, limit) }} />
        <span className="win" style={{ left: pct(p.dirtyPages, limit), width: pct(p.writebackPages, limit) }} />
      </span>
      <Figure name="dirty" value={p.dirtyPages} about="Pages dirty now (solid)" testId="ext4-dirty-pages" />
      <Figure name="writeback" value={p.writebackPages} about="Pages under writeback now (hatched)" />
      <Figure
        name="limit"
        value={p.dirtyLimitPages}
        about="vm.dirty_bytes in pages: above it balance_dirty_pages throttles"
      />
      <Figure name="throttled" value={p.throttled} about="Writers asleep in balance_dirty_pages" />
      <LockLine
        lock={p.journalLock}
        about="j_state_lock: every page's ext4_da_write_begin starts a journal handle under it"
      />
    </Col>
  );
}

function Writeback({ p }: { p: Ext4Picture }) {
  return (
    <Col title="writeback" about="ext4_da_writepages: how dirty pages reach the block layer" testId="ext4-writeback">
      <div
        className={`kbox ${p.submit === 'buffer' ? 'on' : ''}`}
        title="block_write_full_page: one buffer_head, one bio, one submission per 4K page"
      >
        {p.submit === 'buffer' ? '● ' : '○ '}buffer: 4K per submit_bh
      </div>
      <div
        className={`kbox ${p.submit === 'bio' ? 'on' : ''}`}
        title="ext4_bio_write_page: contiguous pages gathered into a bio up to max_bio pages"
      >
        {p.submit === 'bio' ? '● ' : '○ '}bio: up to {p.maxBioPages} pages ({p.maxBioPages * 4}K)
      </div>
      <Figure
        name="submissions/MiB"
        value={p.submissionsPerMiB === null ? '—' : p.submissionsPerMiB.toFixed(1)}
        testId="ext4-subs-per-mib"
        about="generic_make_request calls per MiB submitted: 256 with 4K buffers, 2 with 512K bios"
      />
      <Figure
        name="requests/MiB"
        value={p.requestsPerMiB === null ? '—' : p.requestsPerMiB.toFixed(1)}
        about="Requests dispatched to the device per MiB, after merging"
      />
      <div
        className={`kbox ${p.plug ? 'on' : 'off'}`}
        data-testid="ext4-plug"
        title="blk_start_plug: requests gather in the task's plug and enter the queue in one queue_lock round trip"
      >
        plug{' '}
        {p.plug ? (
          <>
            on: <b>{p.pluggedRequests}</b> held
          </>
        ) : (
          'off: each bio takes queue_lock'
        )}
      </div>
    </Col>
  );
}

function Queue({ p }: { p: Ext4Picture }) {
  const l = p.queueLock;
  return (
    <Col
      title="request_queue"
      about="The legacy request queue: every insert and dispatch under the one queue_lock"
      testId="ext4-queue"
    >
      <LockLine lock={l} about="queue_lock: the holder, and how many spin for it now" />
      {l && l.waiters.length > 0 && (
        <div className="chips" aria-label="queue_lock spinners in order">
          {l.waiters.map((w, i) => (
            <span key={w} className="muted">
              {i + 1}. {w}
            </span>
          ))}
        </div>
      )}
      <div className="qname">
        elevator <span className="muted">{p.elevator}</span>
      </div>
      <Slots
        used={0}
        waiting={p.elevator}
        capacity={16}
        label={`${p.elevator} requests in the elevator`}
        testId="ext4-elevator"
      />
      <Figure
        name="submissions"
        value={p.submissions.toLocaleString('en')}
        about="generic_make_request calls since the run began"
        testId="ext4-submissions"
      />
    </Col>
  );
}

function Device({ p }: { p: Ext4Picture }) {
  const d = p.device;
  return (
    <Col
      title={d.name}
      about="The device: requests in service of its tags, then queued"
      testId="ext4-device"
      note={`${d.inService}/${d.parallelism}`}
    >
      <Slots
        used={d.inService}
        waiting={d.queued}
        capacity={d.parallelism}
        label={`${d.inService} in service of ${d.parallelism} tags`}
      />
      <Figure name="util" value={fmtPct(d.utilisation)} about="Share of tag time busy since the run began" />
    </Col>
  );
}

export function Ext4Machine() {
  const p = ext4Picture(useSim((s) => s.snapshot));
  if (!p) return null;
  return (
    <section className="panel machine" aria-label="ext4 machine" data-testid="ext4-machine" data-submit={p.submit}>
      <div className="panel-head">
        <h2>
          ext4 writeback: {p.submit}
          {p.plug ? ' + plug' : ''}
        </h2>
        <span className="muted">writers → dirty pages → writeback → queue_lock → device</span>
      </div>
      <div className="machine-body">
        <Writers p={p} />
        <Arrow />
        <Dirty p={p} />
        <Arrow />
        <Writeback p={p} />
        <Arrow />
        <Queue p={p} />
        <Arrow />
        <Device p={p} />
      </div>
    </section>
  );
}
