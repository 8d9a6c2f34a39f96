// Seeded, named random streams (pure-rand xoroshiro128+): one stream per component, so adding
// a component never shifts another's numbers. The simulation has no other source of randomness.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { fnv1a } from '../../lib/hash';

type Generator32 = ReturnType<typeof xoroshiro128plus>;

export class RandomStream {
  private readonly gen: Generator32;

  constructor(seed: number, name: string) {
    // Derive a stream seed from (run seed, name); mixing both halves keeps nearby seeds apart.
    const s = fnv1a(name, fnv1a(String(seed)));
    this.gen = xoroshiro128plus(s ^ Math.imul(seed | 0, 0x9e3779b1));
  }

  /** Uniform in (0, 1): never exactly 0, so -log(u) is always finite. */
  uniform(): number {
    return ((this.gen.next() >>> 0) + 0.5) / 4294967296;
  }

  /** Integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.uniform() * n);
  }
}

export class RandomStreams {
  private readonly streams = new Map<string, RandomStream>();
  constructor(readonly seed: number) {}

  /** The stream for a component name; the same name always gives the same stream. */
  get(name: string): RandomStream {
    let s = this.streams.get(name);
    if (!s) {
      s = new RandomStream(this.seed, name);
      this.streams.set(name, s);
    }
    return s;
  }
}
