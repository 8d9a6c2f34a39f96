// Export requests to the worker as promises: a trace of the last window (an exact replay there) and the
// contract result. Replies are matched by requestId; a new run rejects what is still waiting, by name.
import type { FromWorker, SimResult } from '../protocol/messages';
import { getBridge } from './session';

export interface TraceReply {
  fromNs: number;
  toNs: number;
  replayedEvents: number;
  json: string;
}

type Reply = Extract<FromWorker, { type: 'trace' | 'result' | 'exportError' }>;
type Progress = Extract<FromWorker, { type: 'exportProgress' }>;
interface Waiting {
  resolve(m: Reply): void;
  reject(e: Error): void;
  progress?: (events: number, of: number) => void;
}

let nextId = 0;
const waiting = new Map<number, Waiting>();

function ask(send: (requestId: number) => void, progress?: Waiting['progress']): Promise<Reply> {
  const requestId = ++nextId;
  return new Promise<Reply>((resolve, reject) => {
    waiting.set(requestId, { resolve, reject, progress });
    send(requestId);
  });
}

/** `progress` hears how far a long replay has got (events replayed of the live run's count). */
export async function requestTrace(
  windowNs: number,
  progress?: (events: number, of: number) => void,
): Promise<TraceReply> {
  const m = await ask((requestId) => getBridge().send({ type: 'exportTrace', requestId, windowNs }), progress);
  if (m.type === 'exportError') throw new Error(m.message);
  if (m.type !== 'trace') throw new Error(`the worker answered a trace request with '${m.type}'`);
  return { fromNs: m.fromNs, toNs: m.toNs, replayedEvents: m.replayedEvents, json: m.json };
}

export async function requestResult(): Promise<SimResult> {
  const m = await ask((requestId) => getBridge().send({ type: 'exportResult', requestId }));
  if (m.type === 'exportError') throw new Error(m.message);
  if (m.type !== 'result') throw new Error(`the worker answered a result request with '${m.type}'`);
  return m.result;
}

/** A reply or progress report of the current run (session.ts routes them here). */
export function onExportReply(m: Reply | Progress): void {
  const w = waiting.get(m.requestId);
  if (m.type === 'exportProgress') {
    w?.progress?.(m.events, m.of);
    return;
  }
  waiting.delete(m.requestId);
  w?.resolve(m);
}

/** The run changed: replies for the old one are dropped as stale, so nobody waits for them. */
export function dropExportRequests(reason: string): void {
  for (const w of waiting.values()) w.reject(new Error(reason));
  waiting.clear();
}
