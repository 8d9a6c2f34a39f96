// Export requests as promises: matched by requestId, progress reported without settling, a refusal rejected
// with the worker's words, and a new run rejects what still waits (so no menu waits forever).
import { describe, expect, it, vi } from 'vitest';
import type { ToWorker } from '../../protocol/messages';

const sent: ToWorker[] = [];
vi.mock('../session', () => ({ getBridge: () => ({ send: (m: ToWorker) => sent.push(m) }) }));
const { requestResult, requestTrace } = await import('./exportRequests');
const { dropExportRequests, onExportReply } = await import('./exportReplies');

const idOf = (m: ToWorker | undefined) => (m && 'requestId' in m ? m.requestId : -1);

describe('export requests', () => {
  it('resolve a trace by requestId after its progress reports', async () => {
    const seen: [number, number][] = [];
    const p = requestTrace(2e6, (n, of) => seen.push([n, of]));
    const msg = sent.at(-1);
    expect(msg).toMatchObject({ type: 'exportTrace', windowNs: 2e6 });
    onExportReply({ type: 'exportProgress', runId: 1, requestId: idOf(msg), events: 10, of: 40 });
    onExportReply({
      type: 'trace',
      runId: 1,
      requestId: idOf(msg) + 1000,
      fromNs: 0,
      toNs: 1,
      replayedEvents: 1,
      json: 'other',
    });
    onExportReply({
      type: 'trace',
      runId: 1,
      requestId: idOf(msg),
      fromNs: 1e6,
      toNs: 3e6,
      replayedEvents: 40,
      json: '{}',
    });
    await expect(p).resolves.toEqual({ fromNs: 1e6, toNs: 3e6, replayedEvents: 40, json: '{}' });
    expect(seen).toEqual([[10, 40]]);
  });

  it("reject with the worker's refusal, and on a new run", async () => {
    const p = requestResult();
    onExportReply({ type: 'exportError', runId: 1, requestId: idOf(sent.at(-1)), message: 'no run to export yet' });
    await expect(p).rejects.toThrow('no run to export yet');
    const q = requestTrace(1e6);
    dropExportRequests('a new run started');
    await expect(q).rejects.toThrow('a new run started');
  });
});
