/**
 * Typo tolerance by symmetric deletion: every target word and each of its one-letter deletions
 * point back to the target, so a misspelt token is resolved by looking up the token and its own
 * deletions (length + 1 map look-ups) instead of comparing it with every word.
 */

/** Tokens and targets shorter than this never match fuzzily ("bak" is not "back"). */
export const MIN_FUZZY_LENGTH = 5;

/** Longer tokens are not words anyone misspelt (and their deletions would cost O(length²)). */
export const MAX_FUZZY_LENGTH = 30;

/**
 * A replaced letter turns many English words into a term ("alive" / "aleve", "cancel" / "cancer",
 * "morphing" / "morphine"); people's misspellings of medical words mostly drop, double or swap
 * letters. So substitutions count only in long tokens.
 */
export const MIN_SUBSTITUTION_LENGTH = 9;

export type DeletionIndex = Map<string, string[]>;

function deletions(word: string): string[] {
  const result: string[] = [];
  for (let i = 0; i < word.length; i++) result.push(word.slice(0, i) + word.slice(i + 1));
  return result;
}

export function buildDeletionIndex(targets: Iterable<string>): DeletionIndex {
  const index: DeletionIndex = new Map();
  const add = (key: string, target: string) => {
    const list = index.get(key);
    if (!list) index.set(key, [target]);
    else if (!list.includes(target)) list.push(target);
  };
  for (const target of targets) {
    if (target.length < MIN_FUZZY_LENGTH || target.length > MAX_FUZZY_LENGTH) continue;
    add(target, target);
    for (const deleted of deletions(target)) add(deleted, target);
  }
  return index;
}

/**
 * True when `a` and `b` differ by at most one insertion, deletion, adjacent swap or (when
 * `substitution` allows it) substitution.
 */
export function withinOneEdit(a: string, b: string, substitution = true): boolean {
  if (a === b) return true;
  const lengthDifference = a.length - b.length;
  if (lengthDifference > 1 || lengthDifference < -1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (lengthDifference === 1) return a.slice(i + 1) === b.slice(i);
  if (lengthDifference === -1) return a.slice(i) === b.slice(i + 1);
  if (substitution && a.slice(i + 1) === b.slice(i + 1)) return true;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** The target one edit away from `token`, or undefined. Tokens outside the fuzzy lengths never match. */
export function fuzzyLookup(token: string, index: DeletionIndex): string | undefined {
  if (token.length < MIN_FUZZY_LENGTH || token.length > MAX_FUZZY_LENGTH) return undefined;
  const keys = [token, ...deletions(token)];
  for (const key of keys) {
    const candidates = index.get(key);
    if (!candidates) continue;
    for (const candidate of candidates) {
      // People rarely get the first letter wrong: a word one letter off at its start is another word ("avoiding", "voiding").
      if (candidate[0] !== token[0]) continue;
      if (withinOneEdit(token, candidate, token.length >= MIN_SUBSTITUTION_LENGTH)) return candidate;
    }
  }
  return undefined;
}
