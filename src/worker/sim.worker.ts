// The Worker entry: wires postMessage to a SimHost, which paces itself with real timers.
// Nothing else lives here, so everything testable is in simHost.ts.
import type { ToWorker } from '../protocol/messages';
import { SimHost } from './simHost';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new SimHost({ post: (msg, transfer) => scope.postMessage(msg, transfer) });
scope.onmessage = (e: MessageEvent<ToWorker>) => host.handle(e.data);
