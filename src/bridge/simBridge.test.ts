// SimBridge with a fake Worker: handshake first, runIds on every command, acks for frames, stale
// messages dropped after a start or reset, and restart replaying the last scenario in a new worker.
import { describe, expect, it } from 'vitest';
import type { FromWorker, FramesMsg, ToWorker } from '../protocol/messages';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { SimBridge, type WorkerLike } from './simBridge';

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  postMessage(msg: unknown): void {
    this.sent.push(msg as ToWorker);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(data: FromWorker): void {
    this.onmessage?.({ data } as MessageEvent);
  }
}

const frames = (runId: number, seq: number) => ({ type: 'frames', runId, seq }) as unknown as FramesMsg;

function setup() {
  const workers: FakeWorker[] = [];
  const got: FromWorker[] = [];
  const crashes: string[] = [];
  const bridge = new SimBridge({ onMessage: (m) => got.push(m), onCrash: (m) => crashes.push(m) }, () => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { bridge, workers, got, crashes };
}

describe('SimBridge', () => {
  it('opens with the handshake, then tags every command with the current runId', () => {
    const { bridge, workers } = setup();
    const runId = bridge.start({ preset: 'lock-lab-basic', seed: 1, params: {} }, 1e5, true);
    bridge.send({ type: 'pause' });
    bridge.send({ type: 'setLive', key: 'k', value: 1 });
    expect(workers[0].sent.map((m) => m.type)).toEqual(['init', 'start', 'pause', 'setLive']);
    expect(workers[0].sent.slice(1).every((m) => 'runId' in m && m.runId === runId)).toBe(true);
  });

  it('acks frames of the current run and drops stale ones after a reset', () => {
    const { bridge, workers, got } = setup();
    const r1 = bridge.start({ preset: 'lock-lab-basic', seed: 1, params: {} }, 1e5, true);
    const w = workers[0];
    w.emit(frames(r1, 1));
    expect(w.sent.at(-1)).toEqual({ type: 'ack', runId: r1, seq: 1 });
    const r2 = bridge.reset();
    w.emit(frames(r1, 2)); // in flight from before the reset
    w.emit({ type: 'error', runId: r1, where: 'model', message: 'old' });
    expect(got).toHaveLength(1);
    expect(w.sent.at(-1)).toEqual({ type: 'reset', runId: r2 });
    w.emit(frames(r2, 1));
    expect(got.map((m) => 'runId' in m && m.runId)).toEqual([r1, r2]);
  });

  it('reports a crashed worker and restarts the last scenario in a fresh one', () => {
    const { bridge, workers, crashes } = setup();
    bridge.start({ preset: 'lock-lab-basic', seed: 3, params: { threads: 2 } }, 'max', false);
    workers[0].onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(crashes).toEqual(['boom']);
    const r = bridge.restart();
    expect(workers[0].terminated).toBe(true);
    expect(workers[1].sent).toEqual([
      { type: 'init', protocol: PROTOCOL_VERSION },
      {
        type: 'start',
        runId: r,
        scenario: { preset: 'lock-lab-basic', seed: 3, params: { threads: 2 } },
        speed: 'max',
        playing: false,
      },
    ]);
    workers[0].emit(frames(r!, 1)); // the dead worker is ignored
    expect(workers[1].sent).toHaveLength(2);
  });
});
