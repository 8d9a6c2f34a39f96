// Export requests to the worker as promises: a trace of the last window (an exact replay there) and the
// contract result. The replies come back through exportReplies.ts.
import type { SimResult } from '../../protocol/messages';
import { ask } from './exportReplies';
import { getBridge } from '../session';

export interface TraceReply {
  fromNs: number;
  toNs: number;
  replayedEvents: number;
  json: string;
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
