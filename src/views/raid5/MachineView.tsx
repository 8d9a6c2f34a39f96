// The raid5 machine: fio jobs -> stripe cache -> raid5d and workers -> member disks, with device_lock and
// the hash locks below. Reads the latest snapshot and recent figures; clicking a stripe_head follows it.
import { follow } from '../../state/lab/raid5Actions';
import { useRaid5 } from '../../state/lab/raid5Live';
import { raid5Extra, WHERE_NAMES, type Raid5Extra } from '../../state/lab/raid5Extra';
import type { MemberFigures, ThreadShare } from '../../state/lab/recent';
import { useSim } from '../../state/store';
import { fmtPct, fmtRateShort, fmtReqSize } from '../format';
import { memberData, MemberHeadCells, memberWords } from '../memberIostat';
import { StateChip } from '../StateChip';
import { CELL_STYLES, cellSwatch } from './cellPalette';
import { LocksStrip } from './LocksStrip';
import { MdStrip } from './MdStrip';
import { OffloadStrip } from './OffloadStrip';
import { StripeGrid } from './StripeGrid';

type Thread = { name: string; role: string; state: number; label: string; utilisation: number };

const short = (name: string) => name.replace('kworker/u:raid5wq-', 'kworker ');

function Submitters({ subs, x }: { subs: Thread[]; x: Raid5Extra }) {
  const stripe = new Set(x.waitingForStripe);
  const overlap = new Set(x.waitingForOverlap);
  return (
    <div className="m-col subs" data-testid="submitters" data-lesson-target="submitters">
      <h3 title="fio jobs: the submitting threads">fio jobs</h3>
      <ul>
        {subs.map((t) => {
          const why = stripe.has(t.name) ? 'no free stripe_head' : overlap.has(t.name) ? 'overlapping write' : null;
          return (
            <li
              key={t.name}
              className={why ? 'blocked' : ''}
              data-blocked={why ?? ''}
              title={why ? `${t.name} is asleep: ${why}` : `${t.name}: ${t.label}`}
            >
              <StateChip state={t.state} text={t.name} />
              {why && <span className="why">waits: {why === 'no free stripe_head' ? 'stripe' : 'overlap'}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Cache({ x, followed }: { x: Raid5Extra; followed: number | null }) {
  const counts = x.stripeCounts;
  const live = WHERE_NAMES.reduce((s, w) => s + counts[w], 0);
  const sampled = x.cellsSampled ? `; ${x.cells.length} of ${live} shown, sampled evenly` : '';
  return (
    <div className="m-col cache" data-lesson-target="stripe-cache">
      <h3 title="stripe_cache_active of stripe_cache_size">
        stripe cache{' '}
        <span className="muted">
          {x.stripeCacheActive}/{x.stripeCacheSize} active{sampled}
        </span>
      </h3>
      <StripeGrid
        cells={x.cells}
        ids={x.cellIds}
        followed={followed}
        onPick={follow}
        label={`${live} stripe_heads: ${WHERE_NAMES.map((w) => `${counts[w]} ${w}`).join(', ')}`}
      />
      <ul className="cell-legend" data-testid="cell-legend">
        {CELL_STYLES.map((st, c) => (
          <li key={st.where} title={st.about} data-where={st.where} data-count={counts[st.where]}>
            <i className="swatch" style={{ background: cellSwatch(c) }} aria-hidden="true" />
            {st.label} <b>{counts[st.where]}</b>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Handlers({ handlers, x, shares }: { handlers: Thread[]; x: Raid5Extra; shares: Map<string, ThreadShare> }) {
  return (
    <div className={`m-col handlers${handlers.length > 6 ? ' many' : ''}`} data-lesson-target="handlers">
      <h3 title="raid5d (md0_raid5) and the worker group's threads (group_thread_cnt); recent share of time running / spinning">
        handlers <span className="muted">run / spin</span>
      </h3>
      <ul>
        {handlers.map((t) => {
          const r = shares.get(t.name);
          const stripes = x.handling[t.name];
          return (
            <li
              key={t.name}
              data-testid={`handler-${t.name}`}
              data-running={r?.running ?? ''}
              data-busy={r ? r.running + r.spinning : ''}
            >
              <span className="h-name" title={t.name}>
                <StateChip state={t.state} text={short(t.name)} />
              </span>
              <span className="h-util" title="Recent share of time: running (work) + spinning">
                {r ? (
                  <>
                    {fmtPct(r.running)} / <span className="spin">{fmtPct(r.spinning)}</span>
                  </>
                ) : (
                  '—'
                )}
              </span>
              <span className="h-doing" title={t.label}>
                {t.label || 'idle'}
                {stripes ? `: sh ${stripes.join(', ')}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Per member: in service of the device's parallelism (+ queued), and iostat -x's %util, areq-sz and merges
 * (rrqm/s + wrqm/s, which iostat -s prints as rqm/s) over the recent window. */
function Members({ x, figs }: { x: Raid5Extra; figs: Map<string, MemberFigures> }) {
  return (
    <div className="m-col members" data-lesson-target="members">
      <h3 title="Member disks: requests in service of the device's parallelism, + queued; recent figures as iostat -x names them">
        members
      </h3>
      <ul>
        <li className="m-head" data-testid="members-head" aria-hidden="true">
          <MemberHeadCells />
        </li>
        {x.memberQueues.map((m) => {
          const f = figs.get(m.name);
          return (
            <li
              key={m.name}
              data-testid={`member-${m.name}`}
              {...memberData(f)}
              title={`${m.name}: ${m.inService} of ${m.parallelism} in service, ${m.queued} queued${memberWords(f)}`}
            >
              <b>{m.name}</b>
              <span className="qbar" aria-hidden="true">
                <span style={{ width: `${(100 * m.inService) / m.parallelism}%` }} />
              </span>
              <span className="q">
                {m.inService}/{m.parallelism}
                {m.queued ? ` +${m.queued}` : ''}
              </span>
              <span className="u">{f ? fmtPct(f.utilisation) : '—'}</span>
              <span className="sz">{f ? fmtReqSize(f.meanRequestBytes) : '—'}</span>
              <span className="rqm">{f ? fmtRateShort(f.mergesPerSec) : '—'}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function MachineView() {
  const snap = useSim((s) => s.snapshot);
  const recent = useRaid5((s) => s.recent);
  const level = useSim((s) => s.params.level);
  const x = raid5Extra(snap);
  if (!snap || !x) return null;
  const shares = new Map((recent?.threads ?? []).map((t) => [t.name, t]));
  const figs = new Map((recent?.members ?? []).map((m) => [m.name, m]));
  const handlers = snap.threads.filter((t) => t.role === 'raid5d' || t.role === 'worker');
  return (
    <section className="panel machine" aria-label="raid5 machine">
      <div className="panel-head">
        <h2>
          md0: raid{String(level ?? 5)} on {x.memberQueues.length} members
        </h2>
        <span className="muted">click a stripe_head to follow it; figures are recent shares</span>
      </div>
      <div className="machine-body">
        <Submitters subs={snap.threads.filter((t) => t.role === 'submitter')} x={x} />
        <span className="m-arrow" aria-hidden="true">
          →
        </span>
        <Cache x={x} followed={x.followed?.idx ?? null} />
        <span className="m-arrow" aria-hidden="true">
          →
        </span>
        <Handlers handlers={handlers} x={x} shares={shares} />
        <span className="m-arrow" aria-hidden="true">
          →
        </span>
        <Members x={x} figs={figs} />
      </div>
      <MdStrip />
      <OffloadStrip />
      <LocksStrip locks={snap.locks} threads={snap.threads} recent={recent} />
    </section>
  );
}
