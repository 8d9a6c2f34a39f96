// A pool of workers started once and kept across many small batches of tasks (a fit asks for a few runs at a
// time, hundreds of times): tasks wait in order for an idle worker, each batch's answers come back in the
// order asked. It knows no worker API: the caller's `start` wires one worker (a Web Worker, a worker_thread)
// to the three callbacks and returns how to send it a task and how to stop it.
export interface KeptWorker<T> {
  send(id: number, task: T): void;
  terminate(): void;
}

export interface KeptCallbacks<R> {
  /** Task `id` is done; its worker takes the next one. */
  done(id: number, result: R): void;
  /** Task `id` failed alone; its worker takes the next one. */
  failed(id: number, error: Error): void;
  /** The pool is broken (a worker died, or a failure that ends the fit): everything pending and later rejects. */
  broken(error: Error): void;
}

export interface KeptPool<T, R> {
  run(tasks: readonly T[]): Promise<R[]>;
  /** Terminates every worker; what is pending and what comes later rejects with `error`. */
  stop(error: Error): void;
  /** Tasks sent and not yet answered. */
  readonly pending: number;
}

export function keptPool<T, R>(size: number, start: (cb: KeptCallbacks<R>) => KeptWorker<T>): KeptPool<T, R> {
  type Job = { task: T; done: (r: R) => void; fail: (e: Error) => void };
  const all: KeptWorker<T>[] = [];
  const idle: KeptWorker<T>[] = [];
  const queue: Job[] = [];
  const inFlight = new Map<number, Job & { w: KeptWorker<T> }>();
  let nextId = 0;
  let stopped: Error | null = null;
  const failAll = (e: Error) => {
    stopped ??= e;
    for (const p of inFlight.values()) p.fail(e);
    inFlight.clear();
    for (const q of queue.splice(0)) q.fail(e);
  };
  const pump = () => {
    while (idle.length && queue.length) {
      const w = idle.pop() as KeptWorker<T>;
      const job = queue.shift() as Job;
      const id = nextId++;
      inFlight.set(id, { ...job, w });
      w.send(id, job.task);
    }
  };
  const settle = (id: number, then: (job: Job) => void) => {
    const p = inFlight.get(id);
    if (!p) return;
    inFlight.delete(id);
    idle.push(p.w);
    then(p);
    pump();
  };
  const callbacks: KeptCallbacks<R> = {
    done: (id, result) => settle(id, (job) => job.done(result)),
    failed: (id, error) => settle(id, (job) => job.fail(error)),
    broken: failAll,
  };
  const ensure = () => {
    while (all.length < Math.max(1, size)) {
      const w = start(callbacks);
      all.push(w);
      idle.push(w);
    }
  };
  return {
    run(tasks) {
      if (stopped) return Promise.reject(stopped);
      ensure();
      const out = tasks.map((task) => new Promise<R>((done, fail) => queue.push({ task, done, fail })));
      pump();
      return Promise.all(out);
    },
    stop(error) {
      for (const w of all.splice(0)) w.terminate();
      idle.length = 0;
      failAll(error);
    },
    get pending() {
      return inFlight.size;
    },
  };
}
