// Worker-thread entry of the sweep pool: runs one resolved scenario per message and posts its result.
// Holds no state between tasks; each run is a pure function of (scenario, seed).
import { parentPort } from 'node:worker_threads';
import { runScenario, type RunSpec } from '../../sim/run';

const port = parentPort;
if (!port) throw new Error('sweepWorker.ts runs inside a worker thread');

port.on('message', (msg: { id: number; task: RunSpec }) => {
  try {
    const { result } = runScenario(msg.task);
    port.postMessage({ id: msg.id, result });
  } catch (e) {
    port.postMessage({
      id: msg.id,
      error: `run ${JSON.stringify(msg.task.params)} seed ${msg.task.seed}: ${(e as Error).message}`,
    });
  }
});
