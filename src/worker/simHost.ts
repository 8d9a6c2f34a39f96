// Owns one ModelRun and paces it against the wall clock: each tick, simulated time advances by speed x
// elapsed wall time (at 'max', stepping until the next frame is due), then one columnar frame goes out.
// No DOM, React or bridge here.
import type { Figures, FromWorker, ParamValue, ScenarioMsg, Snapshot, Speed, ToWorker } from '../protocol/messages';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { assertNever } from '../lib/assertNever';
import type { ModelRun } from '../sim/core/model';
import { createModel } from '../sim/run';
import { MODELS } from '../scenarios/catalog';
import { ParamError } from '../scenarios/paramSpec';
import { resolveScenario, type ResolvedScenario } from '../scenarios/scenarioFile';
import { FrameRecorder } from './frameRecorder';
import { HOST_LIMITS, realClock, type HostClock, type HostLimits } from './hostClock';
import { checkLive } from './liveKnob';
import { resultReply, RunLog, TraceJobs } from './exports';
import { LiveWatch } from './liveWatch';
import { PaceMeter } from './paceMeter';

export interface Endpoint {
  post(msg: FromWorker, transfer: Transferable[]): void;
}

/** "Step one pass" gives up after this many events without a pass (an idle model). */
const MAX_PASS_EVENTS = 2_000_000;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class SimHost {
  private run: ModelRun<Snapshot> | null = null;
  private recorder: FrameRecorder | null = null;
  private scenario: ResolvedScenario | null = null;
  /** Starting parameters and live changes, so exports can replay the run exactly. */
  private log: RunLog | null = null;
  private readonly traces: TraceJobs;
  private lastInput: ScenarioMsg | null = null;
  private runId = 0;
  private playing = false;
  private speed: Speed = 1e6;
  private seq = 0;
  private acked = 0;
  private lastWall = 0;
  private lastFigures = -Infinity;
  /** Sub-nanosecond remainder of slow-motion targets, so 16.6 ms at 1 us/s is not rounded away. */
  private carryNs = 0;
  private timer: unknown = null;
  /** Set when the model threw: the run is kept for its last picture but never stepped again. */
  private broken = false;
  /** The stall watchdog (issue 11): its status goes out beside the frames when it changes. */
  private watch: LiveWatch | null = null;
  /** Where the wall time goes while playing, reported about once a second (the pace note at 'max'). */
  private readonly pace: PaceMeter;
  /** Recent cost of one frame (snapshot, figures, cut, post) in wall ms: sizes the stepping slice. */
  private frameCostMs = 0;
  /** Since when the host has been waiting for acks (null: not waiting). */
  private blockedSince: number | null = null;
  /** The last tick stopped at its slice's end before reaching its target: go on at once, not after a tick. */
  private behind = false;

  constructor(
    private readonly endpoint: Endpoint,
    private readonly clock: HostClock = realClock,
    private readonly limits: HostLimits = HOST_LIMITS,
  ) {
    this.traces = new TraceJobs((m) => this.endpoint.post(m, []), clock);
    this.pace = new PaceMeter(limits.paceEveryMs);
  }

  get current(): ModelRun<Snapshot> | null {
    return this.run;
  }

  handle(msg: ToWorker): void {
    // start and reset bring a new runId; anything else for another run is stale and dropped.
    if (msg.type !== 'init' && msg.type !== 'start' && msg.type !== 'reset' && msg.runId !== this.runId) return;
    switch (msg.type) {
      case 'init':
        if (msg.protocol !== PROTOCOL_VERSION)
          this.fail('protocol', `protocol ${msg.protocol}: accepted ${PROTOCOL_VERSION}`);
        else this.endpoint.post({ type: 'ready', protocol: PROTOCOL_VERSION, models: MODELS.map((m) => m.name) }, []);
        return;
      case 'start':
        this.runId = msg.runId;
        this.lastInput = msg.scenario;
        this.speed = msg.speed;
        return this.begin(msg.playing);
      case 'reset':
        this.runId = msg.runId;
        return this.begin(this.playing);
      case 'play':
        return this.setPlaying(true);
      case 'pause':
        this.setPlaying(false);
        return this.sendFrame();
      case 'step':
        return this.stepOne();
      case 'stepPass':
        return this.stepPass();
      case 'stepTime':
        return this.stepTime(msg.ns);
      case 'follow':
        return this.follow(msg.id);
      case 'setSpeed':
        if (msg.speed === 'max' || (msg.speed > 0 && Number.isFinite(msg.speed))) {
          this.speed = msg.speed;
          this.restartPace();
        } else
          this.fail('protocol', `speed=${msg.speed}: accepted a positive number of simulated ns per second, or 'max'`);
        return;
      case 'setLive':
        return this.setLive(msg.key, msg.value);
      case 'ack':
        this.acked = Math.max(this.acked, msg.seq);
        return;
      case 'exportTrace':
      case 'exportResult': {
        const ids = { runId: this.runId, requestId: msg.requestId };
        if (!this.run || !this.log)
          return this.endpoint.post({ type: 'exportError', ...ids, message: 'no run to export yet' }, []);
        if (msg.type === 'exportTrace') return this.traces.add(this.log, this.run, ids, msg.windowNs);
        return this.endpoint.post(resultReply(this.log, this.run, ids), []);
      }
      default:
        assertNever(msg, 'message');
    }
  }

  private begin(playing: boolean): void {
    this.recorder?.detach();
    this.traces.clear();
    this.run = this.recorder = this.scenario = this.log = this.watch = null;
    this.seq = this.acked = 0;
    this.carryNs = 0;
    this.frameCostMs = 0;
    this.lastFigures = -Infinity;
    this.broken = false;
    this.setPlaying(false);
    const input = this.lastInput;
    if (!input) return this.fail('start', 'reset before any start');
    try {
      const sc = resolveScenario({ model: input.model, preset: input.preset, seed: input.seed, params: input.params });
      this.run = createModel(sc.model, sc.params, sc.seed);
      this.scenario = sc;
      this.log = new RunLog(sc);
      this.recorder = new FrameRecorder(this.run.kernel);
      this.watch = new LiveWatch(sc.model, sc.params);
    } catch (e) {
      this.run = null;
      return this.fail('start', message(e), e instanceof ParamError ? e.key : undefined);
    }
    const sc = this.scenario;
    this.endpoint.post(
      {
        type: 'started',
        runId: this.runId,
        model: sc.model,
        preset: sc.preset,
        seed: sc.seed,
        params: { ...sc.params },
      },
      [],
    );
    this.setPlaying(playing);
    this.sendFrame();
  }

  private setPlaying(on: boolean): void {
    this.playing = on && this.run !== null && !this.broken;
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    this.blockedSince = null;
    this.behind = false;
    if (this.playing) {
      this.lastWall = this.clock.now();
      this.restartPace();
      this.timer = this.clock.setTimer(this.loop, this.nextDelayMs());
    }
  }

  /** Behind (always so at 'max'), the next tick comes as soon as queued messages have run; on time, after a
   * tick; waiting for acks, after a tick too, so a page that cannot keep up is not polled in a busy loop. */
  private nextDelayMs(): number {
    return this.blockedSince === null && (this.speed === 'max' || this.behind) ? 0 : this.limits.tickMs;
  }

  private readonly loop = (): void => {
    this.timer = null;
    this.tick();
    if (this.playing) this.timer = this.clock.setTimer(this.loop, this.nextDelayMs());
  };

  private restartPace(): void {
    if (this.run) this.pace.restart(this.clock.now(), this.run.sim.now, this.run.sim.events);
  }

  /** One tick: advance by speed x elapsed wall time within the slice, then at most one frame. */
  tick(): void {
    const now = this.clock.now();
    const elapsedMs = Math.min(this.limits.maxElapsedMs, Math.max(0, now - this.lastWall));
    this.lastWall = now; // time spent blocked is dropped, never owed
    const run = this.run;
    if (!run || !this.playing) return;
    if (this.blockedSince !== null) this.pace.add('ackWaitMs', now - this.blockedSince);
    if (this.seq - this.acked >= this.limits.maxUnacked) {
      this.blockedSince = now;
      return this.reportPace(run);
    }
    this.blockedSince = null;
    try {
      this.advance(run, elapsedMs, now);
    } catch (e) {
      this.fail('model', message(e));
    }
    this.pace.add('modelMs', this.clock.now() - now);
    this.sendFrame();
    this.reportPace(run);
  }

  /**
   * How long to step before the next frame: what is left of a tick after a frame's cost, stretched when frames
   * are dear so they keep at most `maxFrameShare` of the time (a 4096-stripe snapshot is not free).
   */
  private sliceMs(): number {
    const { tickMs, maxFrameShare, maxSliceMs } = this.limits;
    const cost = this.frameCostMs;
    return Math.min(maxSliceMs, Math.max(tickMs - cost, (cost * (1 - maxFrameShare)) / maxFrameShare, 1));
  }

  private advance(run: ModelRun<Snapshot>, elapsedMs: number, wallStart: number): void {
    const sim = run.sim;
    let target = Infinity;
    if (this.speed !== 'max') {
      const exact = sim.now + this.carryNs + (this.speed * elapsedMs) / 1000;
      target = Math.floor(exact);
      this.carryNs = exact - target;
    }
    const deadline = wallStart + this.sliceMs();
    this.behind = false;
    let n = 0;
    // Where the stepping stops changes nothing in the run: the model is a function of its events alone.
    while (sim.peek() <= target) {
      sim.step();
      if ((++n & 63) === 0 && this.clock.now() >= deadline) {
        this.carryNs = 0; // over the slice: run behind rather than owe time to the next tick
        this.behind = true;
        return;
      }
    }
    if (target !== Infinity) sim.runUntil(target);
  }

  private reportPace(run: ModelRun<Snapshot>): void {
    const report = this.pace.take(this.clock.now(), run.sim.now, run.sim.events, this.speed);
    if (report) this.endpoint.post({ type: 'pace', runId: this.runId, ...report }, []);
  }

  private stepOne(): void {
    const run = this.run;
    if (!run || this.broken) return;
    this.setPlaying(false);
    try {
      run.sim.step();
    } catch (e) {
      this.fail('model', message(e));
    }
    this.sendFrame();
  }

  /** Steps events until the model reports one more completed pass (one event never completes two). */
  private stepPass(): void {
    const run = this.run;
    if (!run || this.broken) return;
    this.setPlaying(false);
    if (!run.passesDone)
      return this.fail(
        'protocol',
        `${this.scenario?.model ?? 'this model'} has no passes to step; step one event or a time instead`,
      );
    const before = run.passesDone();
    try {
      for (let n = 0; n < MAX_PASS_EVENTS && run.passesDone() === before; n++) if (!run.sim.step()) break;
    } catch (e) {
      this.fail('model', message(e));
    }
    this.sendFrame();
  }

  private stepTime(ns: number): void {
    const run = this.run;
    if (!run || this.broken) return;
    this.setPlaying(false);
    if (!(ns > 0 && ns <= 1e9)) return this.fail('protocol', `step ns=${ns}: accepted 1..1e9 simulated ns`);
    try {
      run.sim.runUntil(run.sim.now + Math.round(ns));
    } catch (e) {
      this.fail('model', message(e));
    }
    this.sendFrame();
  }

  private follow(id: number | null): void {
    const run = this.run;
    if (!run) return;
    const err = run.follow ? run.follow(id) : `${this.scenario?.model ?? 'this model'} has nothing to follow`;
    if (err) return this.fail('protocol', err);
    this.sendFrame();
  }

  private setLive(key: string, value: ParamValue): void {
    const run = this.run;
    const sc = this.scenario;
    if (!run || !sc) return;
    const checked = checkLive(sc.model, key, value);
    if (!checked.ok) return this.fail('setLive', checked.message, key);
    const v = checked.value;
    let err: string | null;
    try {
      err = run.setLive(key, v);
    } catch (e) {
      err = message(e);
    }
    if (err) return this.fail('setLive', err, key);
    sc.params[key] = v;
    this.watch?.retune(sc.params);
    this.log?.noteLive(run, key, v);
    this.endpoint.post({ type: 'liveApplied', runId: this.runId, key, value: v }, []);
  }

  private sendFrame(): void {
    const run = this.run;
    const rec = this.recorder;
    if (!run || !rec) return;
    const wall = this.clock.now();
    const playing = this.playing;
    let figures: Figures | null = null;
    let snapshot: Snapshot;
    try {
      if (!this.playing || wall - this.lastFigures >= this.limits.figuresEveryMs) {
        const r = run.result({ preset: this.scenario?.preset ?? null, warmupNs: 0 });
        figures = { throughput: r.throughput, latencyNs: r.latencyNs };
        this.lastFigures = wall;
      }
      snapshot = run.snapshot();
    } catch (e) {
      if (!this.broken) this.fail('model', message(e));
      return;
    }
    const built = this.clock.now();
    const watch = this.broken ? null : this.watch?.observe(run);
    const cut = rec.cut();
    this.seq++;
    this.endpoint.post(
      {
        type: 'frames',
        runId: this.runId,
        seq: this.seq,
        playing: this.playing,
        columns: cut.columns,
        threadsFrom: cut.threadsFrom,
        newThreads: cut.newThreads,
        labelsFrom: cut.labelsFrom,
        newLabels: cut.newLabels,
        snapshot,
        figures,
      },
      cut.transfer,
    );
    if (watch) this.endpoint.post({ type: 'watch', runId: this.runId, ...watch }, []);
    if (!playing) return;
    const posted = this.clock.now();
    this.pace.add('snapshotMs', built - wall);
    this.pace.add('postMs', posted - built);
    const cost = posted - wall;
    this.frameCostMs = this.frameCostMs === 0 ? cost : 0.8 * this.frameCostMs + 0.2 * cost;
  }

  private fail(where: 'start' | 'setLive' | 'model' | 'protocol', text: string, key?: string): void {
    if (where === 'model') {
      this.broken = true;
      this.setPlaying(false);
    }
    this.endpoint.post({ type: 'error', runId: this.runId, where, ...(key ? { key } : {}), message: text }, []);
  }

  dispose(): void {
    this.setPlaying(false);
    this.traces.clear();
    this.recorder?.detach();
  }
}
