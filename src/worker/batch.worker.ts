// Worker entry of the UI's batch pool (sweeps, A/B runs): each message is one whole run, answered with its
// result. No pacing and no state between tasks: a run is a pure function of (scenario, seed).
import type { FromBatchWorker, ToBatchWorker } from '../protocol/batch';
import { runScenario } from '../sim/run';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<ToBatchWorker>) => {
  const { id, task } = e.data;
  let reply: FromBatchWorker;
  try {
    reply = { type: 'result', id, result: runScenario(task).result };
  } catch (err) {
    reply = {
      type: 'error',
      id,
      message: `seed ${task.seed}, ${JSON.stringify(task.params)}: ${(err as Error).message}`,
    };
  }
  scope.postMessage(reply);
};
