// Collects a run's thread state changes (via Kernel.listener) into growable typed columns and cuts them
// into fresh, transferable frame buffers. It only listens: it never changes the kernel or the model.
import type { Kernel } from '../sim/core/kernel';
import type { SimThread } from '../sim/core/thread';
import type { FrameColumns } from '../protocol/messages';

/** Thread ids travel as Uint16; a thread beyond this id is left off the timeline (counted in `dropped`). */
const MAX_THREAD_ID = 0xffff;

export interface FrameCut {
  columns: FrameColumns;
  transfer: ArrayBuffer[];
  threadsFrom: number;
  newThreads: { name: string; role: string }[];
  labelsFrom: number;
  newLabels: string[];
}

export class FrameRecorder {
  private times = new Float64Array(1024);
  private threads = new Uint16Array(1024);
  private states = new Uint8Array(1024);
  private labels = new Uint16Array(1024);
  private n = 0;
  private threadsSent = 0;
  /** Threads below this id already have a first row (the constructor's or a synthetic one). */
  private seeded = 0;
  private labelsSent = 0;
  private lastCutNs = 0;
  dropped = 0;

  constructor(private readonly kernel: Kernel) {
    // Threads made before we listened: their current state, as the first rows at the current time.
    for (const t of kernel.threads) this.record(kernel.now, t, t.state, t.label);
    this.seeded = kernel.threads.length;
    this.lastCutNs = kernel.now;
    kernel.listener = (timeNs, thread, state, label) => this.record(timeNs, thread, state, label);
  }

  detach(): void {
    if (this.kernel.listener) this.kernel.listener = null;
  }

  private record(timeNs: number, t: SimThread, state: number, label: number): void {
    if (t.id > MAX_THREAD_ID) {
      this.dropped++;
      return;
    }
    if (this.n === this.times.length) this.grow();
    const i = this.n++;
    this.times[i] = timeNs;
    this.threads[i] = t.id;
    this.states[i] = state;
    this.labels[i] = label;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const t = new Float64Array(cap);
    t.set(this.times);
    this.times = t;
    const th = new Uint16Array(cap);
    th.set(this.threads);
    this.threads = th;
    const s = new Uint8Array(cap);
    s.set(this.states);
    this.states = s;
    const l = new Uint16Array(cap);
    l.set(this.labels);
    this.labels = l;
  }

  /**
   * The rows since the last cut, in fresh buffers. A thread created since then starts with a synthetic
   * idle row at the previous cut (the kernel creates threads idle) so the UI never guesses a state.
   */
  cut(): FrameCut {
    const k = this.kernel;
    k.settleLabels(k.now); // label changes due inside a running compute, up to now
    const threadsFrom = this.threadsSent;
    const fresh = k.threads.slice(this.seeded).filter((t) => t.id <= MAX_THREAD_ID);
    this.seeded = k.threads.length;
    const total = this.n + fresh.length;
    const columns: FrameColumns = {
      timeNs: new Float64Array(total),
      thread: new Uint16Array(total),
      state: new Uint8Array(total),
      label: new Uint16Array(total),
    };
    fresh.forEach((t, i) => {
      columns.timeNs[i] = this.lastCutNs;
      columns.thread[i] = t.id;
      columns.state[i] = 4; // IDLE: the state Kernel.createThread leaves a thread in
    });
    const off = fresh.length;
    columns.timeNs.set(this.times.subarray(0, this.n), off);
    columns.thread.set(this.threads.subarray(0, this.n), off);
    columns.state.set(this.states.subarray(0, this.n), off);
    columns.label.set(this.labels.subarray(0, this.n), off);
    this.n = 0;
    this.threadsSent = k.threads.length;
    const labelsFrom = this.labelsSent;
    const newLabels = k.labels.slice(labelsFrom);
    this.labelsSent = k.labels.length;
    this.lastCutNs = k.now;
    return {
      columns,
      transfer: [
        columns.timeNs.buffer,
        columns.thread.buffer,
        columns.state.buffer,
        columns.label.buffer,
      ] as ArrayBuffer[],
      threadsFrom,
      newThreads: k.threads.slice(threadsFrom).map((t) => ({ name: t.name, role: t.role })),
      labelsFrom,
      newLabels,
    };
  }
}
