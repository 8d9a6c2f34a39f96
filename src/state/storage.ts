// The browser's localStorage for the state files that keep something across reloads (the A/B pin, lesson
// progress, saved scenarios, a calibrated machine): one type, one way to reach it, and one rule for an entry
// that cannot be read: say so, by key, and leave the stored text where it is.
/** The part of Storage the state files use (tests pass a Map-backed fake). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/** The browser's localStorage, or null where there is none or access is refused (private mode, sandboxed frames). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export interface EntryWords {
  /** Why reading the key failed at all (storage refused): the message of the exception. */
  cannotRead(message: string): string;
  /** The text is there but does not check: the checker's message (field, value, accepted). */
  unreadable(message: string): string;
}

/** A checked JSON entry: `value` null when absent; a refused read or an unreadable text gives `error` (and
 * `raw`, the text as stored, which is never overwritten here). */
export function readEntry<T>(
  storage: StorageLike | null,
  key: string,
  check: (json: unknown) => T,
  words: EntryWords,
): { value: T | null; error: string | null; raw: string | null } {
  if (!storage) return { value: null, error: null, raw: null };
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch (e) {
    return { value: null, error: words.cannotRead((e as Error).message), raw: null };
  }
  if (raw === null) return { value: null, error: null, raw: null };
  try {
    return { value: check(JSON.parse(raw)), error: null, raw };
  } catch (e) {
    return { value: null, error: words.unreadable((e as Error).message), raw };
  }
}
