// What the browser benches (bench:ui, bench:soak, bench:sweep-ui) share to serve the built app: a child process
// in its own group (so stopping it stops npx's children too), and a wait until a URL answers.
import { spawn, type ChildProcess } from 'node:child_process';

export function run(cmd: string, args: string[]): ChildProcess {
  return spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
}

export function stop(p: ChildProcess): void {
  try {
    if (p.pid) process.kill(-p.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

export async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}
