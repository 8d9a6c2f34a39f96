// The worker's replies to export requests, matched by requestId: the registry both the requests
// (exportRequests.ts) and the message router (session.ts) use, so neither imports the other. A new run rejects
// what is still waiting, by name.
import type { FromWorker } from '../../protocol/messages';

export type Reply = Extract<FromWorker, { type: 'trace' | 'result' | 'exportError' }>;
type Progress = Extract<FromWorker, { type: 'exportProgress' }>;
interface Waiting {
  resolve(m: Reply): void;
  reject(e: Error): void;
  progress?: (events: number, of: number) => void;
}

let nextId = 0;
const waiting = new Map<number, Waiting>();

/** Sends a request under a fresh id and waits for its reply. */
export function ask(send: (requestId: number) => void, progress?: Waiting['progress']): Promise<Reply> {
  const requestId = ++nextId;
  return new Promise<Reply>((resolve, reject) => {
    waiting.set(requestId, { resolve, reject, progress });
    send(requestId);
  });
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
