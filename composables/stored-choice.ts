/**
 * A choice from a short list kept in the extension origin's localStorage (theme, language):
 * synchronous, so the first paint already has it. Storage can throw when the profile blocks it;
 * then the default holds and a new choice lasts for this panel only.
 */

/** The part of `Storage` a stored choice needs (tests pass a Map-backed one). */
export type ChoiceStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** `localStorage`, or undefined where reading it throws. */
export function defaultChoiceStorage(): ChoiceStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The stored value when it is one of `choices`, else `fallback`. */
export function readStoredChoice<T extends string>(
  storage: ChoiceStorage | undefined,
  key: string,
  choices: readonly T[],
  fallback: T,
): T {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    // Blocked storage: the default still gives a usable panel.
  }
  return choices.find((c) => c === raw) ?? fallback;
}

/** Saves a choice; a storage that refuses leaves it for this panel only. */
export function writeStoredChoice(storage: ChoiceStorage | undefined, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Not persisted: the choice still holds for this panel.
  }
}
