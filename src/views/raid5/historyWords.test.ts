// History lines become phrases with their time, and anything else passes through unchanged.
import { describe, expect, it } from 'vitest';
import { fmtMs, historyPhrases } from './historyWords';

describe('historyPhrases', () => {
  it('puts the time after the event, in ms with µs precision', () => {
    expect(
      historyPhrases([
        '12.403000 ms: queued on handle_list',
        '12.411250 ms: picked by kworker/u:raid5wq-2',
        'odd line',
      ]),
    ).toEqual(['queued on handle_list at 12.403 ms', 'picked by kworker/u:raid5wq-2 at 12.4113 ms', 'odd line']);
    expect(fmtMs(0.2)).toBe('0.200 ms');
  });
});
