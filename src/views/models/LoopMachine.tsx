// The loop machine (drivers/block/loop.c): fio jobs -> /dev/loop0's queue (lo_bio_list + lo_lock and loop0;
// or blk-mq's hw queue, kloopd0's worklist and its kworkers; or loop0's kthread_worker with its AIOs) -> the
// backing file's page cache (struct address_space; skipped with O_DIRECT) -> the backing device. Draws only.
import { useSim } from '../../state/store';
import { fmtPct } from '../format';
import { StateChip } from '../StateChip';
import { loopPicture, type LoopPicture } from './loopPicture';
import { Arrow, Col, Figure, LockLine, Slots, ThreadList } from './parts';

const short = (n: string) => n.replace('kworker/u16:', 'kworker ');
const LOCK_ABOUT: Record<string, string> = {
  lo_lock: 'lo->lo_lock: every bio added to or taken from lo_bio_list (blk-mq: write_cmd_head)',
  'pool->lock': 'worker_pool->lock: every queue_work and every work item a kworker takes',
  'worker->lock': 'kthread_worker->lock: every kthread_queue_work and every take by loop0',
};

function Queue({ p }: { p: LoopPicture }) {
  const waiting = p.queues.reduce((s, q) => s + q.length, 0);
  return (
    <Col
      title={
        p.mode === 'single-thread' ? 'lo_bio_list' : p.mode === 'blk-mq' ? 'hctx0 → kloopd0' : 'hctx0 → loop0 work_list'
      }
      about={p.design}
      note={`${waiting} waiting`}
      className="lq"
      testId="loop-queue"
    >
      {p.queues.map((q) => (
        <div key={q.name} className="qrow" data-testid={`queue-${q.name}`} data-length={q.length}>
          <span className="qname" title={`${q.name}: requests waiting now`}>
            {q.name}
          </span>
          <Slots
            used={0}
            waiting={q.length}
            capacity={Math.min(36, Math.max(12, p.iodepth))}
            label={`${q.name}: ${q.length} waiting`}
          />
        </div>
      ))}
      {p.locks.map((l) => (
        <LockLine key={l.name} lock={l} about={LOCK_ABOUT[l.name] ?? 'A lock of the loop queue'} />
      ))}
      <p className="design muted">{p.design}</p>
    </Col>
  );
}

function Handlers({ p }: { p: LoopPicture }) {
  const many = p.handlers.length > 8;
  return (
    <Col
      title={p.mode === 'blk-mq' ? 'kworkers' : 'loop0'}
      className="lh"
      testId="loop-handlers"
      about={
        p.mode === 'blk-mq'
          ? 'kloopd0 workers (max_active); each runs one read work item at a time'
          : 'The one loop kthread: everything passes through it'
      }
      note={`${p.handlersBusy}/${p.handlers.length}`}
    >
      {many ? (
        <div className="chips" aria-label="workers by state">
          {p.handlers.map((t) => (
            <span key={t.name} title={`${t.name}: ${t.label || 'idle'}`}>
              <StateChip state={t.state} text={short(t.name).replace('kworker ', 'w')} />
            </span>
          ))}
        </div>
      ) : (
        <ThreadList threads={p.handlers} short={short} />
      )}
      {p.aioInFlight !== null && (
        <Figure
          name="AIO in flight"
          value={p.aioInFlight}
          testId="aio-in-flight"
          about="lo_rw_aio submissions not yet completed: loop0 never waits for them (-EIOCBQUEUED)"
        />
      )}
    </Col>
  );
}

function PageCache({ p }: { p: LoopPicture }) {
  return (
    <Col
      title="backing file"
      about="The backing file's page cache (address_space); dio-aio bypasses it with O_DIRECT"
      className="lpc"
      testId="page-cache"
    >
      {p.doubleCopy ? (
        <>
          <div
            className="copy2"
            title="Buffered: device → backing page cache → copy into the loop request's page: every page is copied and cached twice"
          >
            <span className="page">page cache</span> → <span className="page">copy_page</span> →{' '}
            <span className="page">loop bio</span>
            <div className="muted">double copy, double caching</div>
          </div>
          <Figure
            name="dirty"
            value={p.dirtyPages}
            about="Backing-file pages dirty now (written by the flusher)"
            testId="dirty-pages"
          />
          <Figure name="writeback" value={p.writebackPages} about="Backing-file pages under writeback now" />
          {p.flusher && (
            <div className="tline">
              <StateChip state={p.flusher.state} text={p.flusher.name} />
            </div>
          )}
        </>
      ) : (
        <div className="copy2 direct" title="O_DIRECT: the backing bio points at the loop request's own pages">
          O_DIRECT: <b>no copy</b>, no page cache
        </div>
      )}
    </Col>
  );
}

function Device({ p }: { p: LoopPicture }) {
  const d = p.device;
  return (
    <Col
      title={d.name}
      about="The backing device: requests in service of its internal parallelism, then queued"
      className="ldev"
      testId="backing-device"
      note={`${d.inService}/${d.parallelism} busy`}
    >
      <Slots
        used={d.inService}
        waiting={d.queued}
        capacity={d.parallelism}
        label={`${d.inService} in service of ${d.parallelism}, ${d.queued} queued`}
        testId="device-slots"
      />
      <Figure name="queued" value={d.queued} about="Requests waiting for a free slot of the device" />
      <Figure
        name="requests"
        value={d.requests.toLocaleString('en')}
        about="Backing requests the device has started since the run began"
        testId="backing-requests"
      />
      <Figure name="util" value={fmtPct(d.utilisation)} about="Share of slot time busy since the run began" />
      {d.seqFraction !== null && (
        <Figure
          name="readahead hits"
          value={fmtPct(d.seqFraction)}
          about="Backing requests that continued the previous one"
        />
      )}
      {p.irq && (
        <div className="tline">
          <StateChip state={p.irq.state} text={p.irq.name} />
        </div>
      )}
    </Col>
  );
}

export function LoopMachine() {
  const p = loopPicture(useSim((s) => s.snapshot));
  if (!p) return null;
  return (
    <section className="panel machine" aria-label="loop machine" data-testid="loop-machine" data-mode={p.mode}>
      <div className="panel-head">
        <h2>/dev/loop0: {p.mode}</h2>
        <span className="muted">
          fio → loop queue → {p.mode === 'blk-mq' ? 'kworkers' : 'loop0'} → backing file → device
        </span>
      </div>
      <div className="machine-body">
        <Col title="fio jobs" about="fio jobs: the submitting threads" className="subs" testId="loop-jobs">
          <ThreadList threads={p.jobs} />
          <Figure
            name="in flight"
            value={p.inFlight}
            about={`IOs submitted and not completed (iodepth ${p.iodepth} per job)`}
            testId="loop-in-flight"
          />
        </Col>
        <Arrow />
        <Queue p={p} />
        <Arrow />
        <Handlers p={p} />
        <Arrow />
        <PageCache p={p} />
        <Arrow />
        <Device p={p} />
      </div>
    </section>
  );
}
