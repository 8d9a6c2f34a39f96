// Attaches a DevTools protocol session to the page's simulation worker, for bench:soak's heap samples.
// Playwright opens CDP sessions on pages only, so this goes through the browser's Target domain.
import type { Browser, CDPSession } from '@playwright/test';

export interface WorkerSession {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** The first dedicated worker whose script is the simulation worker (sim.worker), attached in non-flat mode:
 * commands go through Target.sendMessageToTarget and answers come back as receivedMessageFromTarget. */
export async function attachWorker(browser: Browser, pageUrl: string): Promise<WorkerSession> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  let target: TargetInfo | undefined;
  for (let i = 0; i < 50 && !target; i++) {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    target = targetInfos.find((t) => t.type === 'worker' && /sim\.worker/.test(t.url));
    if (!target) await new Promise((r) => setTimeout(r, 200));
  }
  if (!target) throw new Error(`no simulation worker target found for ${pageUrl}`);
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
    sessionId: string;
  };
  let nextId = 1;
  const waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    const w = m.id !== undefined ? waiting.get(m.id) : undefined;
    if (!w) return;
    waiting.delete(m.id!);
    if (m.error) w.fail(new Error(m.error.message));
    else w.ok(m.result);
  });
  return {
    send(method, params = {}) {
      const id = nextId++;
      const answer = new Promise<unknown>((ok, fail) => waiting.set(id, { ok, fail }));
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      return answer;
    },
    async close() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach();
    },
  };
}
