// Owns the simulation Worker: starts runs with fresh runIds, forwards commands, drops stale frames.
// No model code and no UI state here.
import type { FromWorker, ScenarioMsg, ToWorker } from '../protocol/messages';

type Distributive<T> = T extends unknown ? Omit<T, 'runId'> : never;

export class SimBridge {
  private worker: Worker | null = null;
  private runId = 0;

  constructor(private readonly onMessage: (m: FromWorker) => void) {}

  start(scenario: ScenarioMsg, speed: number): void {
    if (!this.worker) {
      this.worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
        if (e.data.runId !== this.runId) return; // stale: from before a restart
        if (e.data.type === 'frame') this.send({ type: 'ack' });
        this.onMessage(e.data);
      };
    }
    this.runId++;
    this.post({ type: 'start', runId: this.runId, scenario, speed });
  }

  send(msg: Distributive<ToWorker>): void {
    this.post({ ...msg, runId: this.runId } as ToWorker);
  }

  private post(msg: ToWorker): void {
    this.worker?.postMessage(msg);
  }
}
