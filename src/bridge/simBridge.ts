// Owns the simulation Worker: handshake, runIds, commands, acks, stale-message filtering and restart.
// No model code and no UI state: it hands current-run messages to one callback.
import type { FromWorker, ScenarioMsg, Speed, ToWorker } from '../protocol/messages';
import { PROTOCOL_VERSION } from '../protocol/messages';

/** A command for the current run: the bridge adds the runId. */
export type Command = ToWorker extends infer T ? (T extends { runId: number } ? Omit<T, 'runId'> : never) : never;
type RunCommand = Exclude<Command, { type: 'start' } | { type: 'reset' } | { type: 'ack' }>;

export interface BridgeEvents {
  /** A message of the current run (or the handshake reply). Frames are acked after this returns. */
  onMessage(msg: FromWorker): void;
  /** The worker itself failed (script error, failed load); `restart()` makes a new one. */
  onCrash(message: string): void;
}

export interface WorkerLike {
  postMessage(msg: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
}

const makeWorker = (): WorkerLike =>
  new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' });

export class SimBridge {
  private worker: WorkerLike | null = null;
  private runId = 0;
  private lastStart: { scenario: ScenarioMsg; speed: Speed; playing: boolean } | null = null;

  constructor(
    private readonly events: BridgeEvents,
    private readonly create: () => WorkerLike = makeWorker,
  ) {}

  /** The runId messages must carry to be taken; anything else is stale. */
  get currentRunId(): number {
    return this.runId;
  }

  private ensure(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.create();
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(w, e.data);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.events.onCrash(e.message || 'the simulation worker failed to load');
    };
    w.onmessageerror = () => this.events.onCrash('a message from the simulation worker could not be read');
    w.postMessage({ type: 'init', protocol: PROTOCOL_VERSION } satisfies ToWorker);
    this.worker = w;
    return w;
  }

  private receive(w: WorkerLike, msg: FromWorker): void {
    if (w !== this.worker) return; // from a terminated worker
    if (msg.type !== 'ready' && msg.runId !== this.runId) return; // stale: from before a start or reset
    this.events.onMessage(msg);
    if (msg.type === 'frames') this.post({ type: 'ack', runId: msg.runId, seq: msg.seq });
  }

  private post(msg: ToWorker): void {
    this.ensure().postMessage(msg);
  }

  /** Starts a scenario under a fresh runId; returns it. */
  start(scenario: ScenarioMsg, speed: Speed, playing: boolean): number {
    this.lastStart = { scenario, speed, playing };
    this.runId++;
    this.post({ type: 'start', runId: this.runId, scenario, speed, playing });
    return this.runId;
  }

  /** The current scenario again from time zero, under a fresh runId. */
  reset(): number {
    this.runId++;
    this.post({ type: 'reset', runId: this.runId });
    return this.runId;
  }

  send(cmd: RunCommand): void {
    if (cmd.type === 'setSpeed' && this.lastStart) this.lastStart.speed = cmd.speed;
    this.post({ ...cmd, runId: this.runId } as ToWorker);
  }

  /** Throws the worker away (hung or crashed) and starts the last scenario in a new one. */
  restart(): number | null {
    this.dispose();
    const s = this.lastStart;
    return s ? this.start(s.scenario, s.speed, s.playing) : null;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
