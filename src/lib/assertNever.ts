// Exhaustiveness guard for discriminated unions.
// Only for switch defaults: it throws, it never recovers.
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}
