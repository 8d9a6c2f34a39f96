// Paces a model against the wall clock and streams snapshots: simulated time advances by speed x
// elapsed wall time, capped per tick so the worker stays responsive. Takes an endpoint, so tests drive it in Node.
import type { FromWorker, ToWorker } from '../protocol/messages';
import { assertNever } from '../lib/assertNever';
import type { ModelRun } from '../sim/core/model';
import { createModel } from '../sim/run';
import { resolveScenario } from '../scenarios/scenarioFile';

export interface Endpoint {
  post(msg: FromWorker): void;
}

/** At most this many unacknowledged frames before the host stops stepping (backpressure). */
const MAX_UNACKED = 3;
/** Wall-time budget of one tick's simulation work, in ms. */
const TICK_BUDGET_MS = 8;

export class SimHost {
  private run: ModelRun | null = null;
  private runId = 0;
  private playing = false;
  private speed = 1e6;
  private unacked = 0;

  constructor(private readonly endpoint: Endpoint, private readonly clock: () => number) {}

  handle(msg: ToWorker): void {
    if (msg.type !== 'start' && msg.runId !== this.runId) return;
    switch (msg.type) {
      case 'start':
        this.runId = msg.runId;
        this.speed = msg.speed;
        this.unacked = 0;
        try {
          const sc = resolveScenario({ model: msg.scenario.model, preset: msg.scenario.preset, params: msg.scenario.params, seed: msg.scenario.seed });
          this.run = createModel(sc.model, sc.params, sc.seed);
          this.playing = true;
          this.send();
        } catch (e) {
          this.run = null;
          this.endpoint.post({ type: 'error', runId: this.runId, message: (e as Error).message });
        }
        return;
      case 'play': this.playing = true; return;
      case 'pause': this.playing = false; this.send(); return;
      case 'step':
        this.playing = false;
        this.run?.sim.step();
        this.send();
        return;
      case 'speed': this.speed = msg.simNsPerSec; return;
      case 'setLive': {
        const err = this.run?.setLive(msg.key, msg.value) ?? null;
        if (err) this.endpoint.post({ type: 'error', runId: this.runId, message: err });
        return;
      }
      case 'ack': this.unacked = Math.max(0, this.unacked - 1); return;
      default: assertNever(msg, 'message');
    }
  }

  /** One tick: advance by speed x wallMs (bounded by the budget), then send a frame. */
  tick(wallMs: number): void {
    const run = this.run;
    if (!run || !this.playing || this.unacked >= MAX_UNACKED) return;
    const target = run.sim.now + (Number.isFinite(this.speed) ? (this.speed * wallMs) / 1000 : Infinity);
    const start = this.clock();
    try {
      while (run.sim.peek() <= target) {
        run.sim.step();
        if ((run.sim.events & 255) === 0 && this.clock() - start > TICK_BUDGET_MS) break;
      }
      if (Number.isFinite(target) && run.sim.peek() > target) run.sim.runUntil(target);
    } catch (e) {
      this.playing = false;
      this.endpoint.post({ type: 'error', runId: this.runId, message: (e as Error).message });
    }
    this.send();
  }

  private send(): void {
    if (!this.run) return;
    this.unacked++;
    this.endpoint.post({ type: 'frame', runId: this.runId, snapshot: this.run.snapshot(), playing: this.playing });
  }
}
