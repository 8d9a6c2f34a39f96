// raid5 ops=async (async_tx): the offload engine (kworker threads or a DMA channel) busy and queued, its
// hand-off lock (the workqueue pool's lock or the channel's), and each stripe_head's op state as it passes
// queued -> prexor -> biodrain -> reconstruct (ops_run_prexor5, ops_run_biodrain, ops_run_reconstruct5). Draws only.
import { useSim } from '../../state/store';
import { OP_STYLES } from '../models/codeStyles';
import { swatchCss } from './cellPalette';
import { Slots } from '../models/parts';
import { KERNEL_OPS, offloadPicture, type OffloadPicture } from './offloadPicture';
import '../models/models.css';

/** Stripes drawn in the strip; more are counted, not drawn (the counts cover the whole cache). */
const MAX_DRAWN = 96;
const LETTER = ['', 'q', 'P', 'D', 'R', 'c'];

function OpCells({ p }: { p: OffloadPicture }) {
  const size = 11;
  const shown = p.stripes.slice(0, MAX_DRAWN);
  return (
    <svg
      width={Math.max(size, shown.length * size)}
      height={size}
      role="img"
      data-testid="op-cells"
      data-count={p.stripes.length}
      aria-label={`${p.stripes.length} stripe_heads with an async op: ${shown.map((s) => `${s.idx} ${s.phase}`).join(', ')}`}
    >
      {shown.map((s, i) => {
        const st = OP_STYLES[s.code] ?? OP_STYLES[0];
        return (
          <g key={s.idx} data-phase={s.phase}>
            <rect x={i * size} y={0} width={size - 1} height={size - 1} fill={st.colour} rx={1} />
            <text
              x={i * size + (size - 1) / 2}
              y={size - 3}
              textAnchor="middle"
              fontSize={8}
              fill={s.code === 2 || s.code === 4 || s.code === 5 ? '#fff' : '#222'}
            >
              {LETTER[s.code]}
            </text>
            <title>{`stripe_head ${s.idx}: ${s.phase}`}</title>
          </g>
        );
      })}
    </svg>
  );
}

export function OffloadStrip() {
  const p = offloadPicture(useSim((s) => s.snapshot));
  if (!p) return null;
  const engine = p.mode === 'dma' ? `dma0 (${p.engines} channels)` : `${p.engines} kworker/async threads`;
  return (
    <div className="m-offload" data-testid="offload-strip" data-mode={p.mode}>
      <span
        className="off-engine"
        title="The async_tx engine: busy threads or channels (solid), ops queued for it (hatched)"
      >
        <b>async_tx</b> {engine}
        <Slots
          used={p.busy}
          waiting={p.queued}
          capacity={p.engines}
          label={`${p.busy} of ${p.engines} busy, ${p.queued} queued`}
          testId="offload-busy"
        />
        <span data-testid="offload-completed" data-value={p.completed}>
          {p.completed.toLocaleString('en')} done
        </span>
      </span>
      <span
        className="lockline"
        data-testid={`offload-lock-${p.lock.name}`}
        title="The hand-off lock: taken to queue an op and to take or clean one up"
      >
        <b className="lock-name">{p.lock.name}</b> {p.lock.holder ? `held by ${p.lock.holder}` : 'free'}
        {p.lock.waiters.length > 0 && <span className="spin"> · {p.lock.waiters.length} spinning</span>}
      </span>
      <ul className="op-legend" aria-label="stripe_heads by async op now">
        <li title={OP_STYLES[1].about} data-testid="op-queued" data-count={p.queuedStripes}>
          <i className="swatch" style={{ background: swatchCss(OP_STYLES[1]) }} aria-hidden="true" />
          queued <b>{p.queuedStripes}</b>
        </li>
        {KERNEL_OPS.map((op) => {
          const st = OP_STYLES.find((s) => s.label === op);
          const n = p.byOp[op];
          return (
            <li
              key={op}
              data-testid={`op-${op}`}
              data-count={n ?? ''}
              className={n === null ? 'na' : ''}
              title={
                n === null
                  ? `${op}: not run by this model (writes only: no reads from the cache, no degraded array, no parity check offload)`
                  : st?.about
              }
            >
              {st && <i className="swatch" style={{ background: swatchCss(st) }} aria-hidden="true" />}
              {op} <b>{n ?? 'n/a'}</b>
            </li>
          );
        })}
        <li title={OP_STYLES[5].about} data-testid="op-callback" data-count={p.callbackStripes}>
          <i className="swatch" style={{ background: swatchCss(OP_STYLES[5]) }} aria-hidden="true" />
          callback <b>{p.callbackStripes}</b>
        </li>
      </ul>
      <OpCells p={p} />
    </div>
  );
}
