// The Worker entry: wires postMessage to a SimHost and ticks it every ~16 ms. Nothing else.
import type { ToWorker } from '../protocol/messages';
import { SimHost } from './simHost';

const host = new SimHost({ post: (m) => postMessage(m) }, () => performance.now());
onmessage = (e: MessageEvent<ToWorker>) => host.handle(e.data);
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  host.tick(Math.min(100, now - last));
  last = now;
}, 16);
