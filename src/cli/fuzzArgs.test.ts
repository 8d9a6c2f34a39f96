// `npm run fuzz` refuses bad input by name (exit 2 in fuzz.ts): --runs 0, an unknown --model, a malformed --seed.
import { describe, expect, it } from 'vitest';
import { defaultRuns, parseFuzzArgs } from './fuzzArgs';
import { FUZZ_MODELS } from './fuzzSpace';

describe('npm run fuzz arguments', () => {
  it('defaults to every model, seed 1, 2 ms, 2000 raid5 draws and 500 for the others', () => {
    const a = parseFuzzArgs([]);
    expect(a).toMatchObject({ models: FUZZ_MODELS, seed: 1, duration: '2ms' });
    expect(FUZZ_MODELS.map(defaultRuns)).toEqual([2000, 500, 500, 500, 500, 500]);
  });

  it('takes --model, --runs, --seed and --duration, with or without =', () => {
    expect(parseFuzzArgs(['--model', 'raid5', '--runs=2000', '--seed', '42', '--duration', '3ms'])).toMatchObject({
      models: ['raid5'],
      runs: 2000,
      seed: 42,
      duration: '3ms',
    });
  });

  it.each([
    [['--runs', '0'], 'runs=0'],
    [['--model', 'raid7'], 'model=raid7'],
    [['--seed', '12x'], 'seed=12x'],
    [['--seed', '-1'], 'seed=-1'],
    [['--duration', 'soon'], 'duration=soon'],
    [['--frobnicate'], '--frobnicate'],
  ])('%j is refused naming the value', (argv, named) => {
    expect(() => parseFuzzArgs(argv)).toThrow(named);
  });
});
