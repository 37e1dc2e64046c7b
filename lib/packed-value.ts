/**
 * Plain data with maps, sets, Int32Arrays and shared references, written as JSON and read back
 * whole: the build compiles the lexicon once and every page revives it (see lib/page-lexicon.ts),
 * which costs a fraction of compiling it there.
 *
 * The packed form is a table. Strings, booleans, null and non-negative integers are written where
 * they are used; any other value is an entry of the table, referred to as -(1 + its index), and
 * written after the entries it refers to, so that reading is one pass in order. An object met twice
 * is one entry: what was one object is one object again (the matcher compares terms by identity).
 */

/** A table entry: a container, its tag first, or a number that is not written inline. */
type Entry = number | [tag: string, ...items: unknown[]];

export type PackedValue = Entry[];

const ARRAY = 'a';
const OBJECT = 'o';
const MAP = 'm';
const SET = 's';
const INT32 = 'i';

const isInline = (value: unknown): boolean =>
  typeof value === 'string' || typeof value === 'boolean' || value === null || (Number.isInteger(value) && (value as number) >= 0);

/** Throws, naming where, for what JSON cannot carry (undefined, functions, NaN, class instances) or a cycle. */
export function packValue(root: unknown): PackedValue {
  const table: Entry[] = [];
  const refs = new Map<unknown, number>();
  const open = new Set<unknown>();
  const item = (value: unknown, path: string): unknown => {
    if (isInline(value)) return value;
    const known = refs.get(value);
    if (known !== undefined) return known;
    const entry = entryOf(value, path);
    table.push(entry);
    const ref = -table.length;
    refs.set(value, ref);
    return ref;
  };
  const entryOf = (value: unknown, path: string): Entry => {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value !== 'object' || value === null) throw new Error(`cannot pack ${String(value)} at ${path}`);
    if (open.has(value)) throw new Error(`cannot pack a cycle at ${path}`);
    open.add(value);
    let entry: Entry;
    if (Array.isArray(value)) entry = [ARRAY, ...value.map((element, i) => item(element, `${path}[${i}]`))];
    else if (value instanceof Map) entry = [MAP, ...[...value].flatMap(([key, element]) => [item(key, `${path} key`), item(element, `${path}.get(${String(key)})`)])];
    else if (value instanceof Set) entry = [SET, ...[...value].map((element) => item(element, `${path} element`))];
    else if (value instanceof Int32Array) entry = [INT32, ...value];
    else if (Object.getPrototypeOf(value) === Object.prototype) {
      entry = [OBJECT, ...Object.entries(value).flatMap(([key, element]) => [key, item(element, `${path}.${key}`)])];
    } else throw new Error(`cannot pack a ${value.constructor?.name ?? 'object'} at ${path}`);
    open.delete(value);
    return entry;
  };
  // The root is an array's one element, so that a root written inline is read like any other.
  table.push([ARRAY, item(root, 'the value')]);
  return table;
}

/** Entries read between two steps of `unpackInSteps` (about 0.1 – 0.5 ms of work in a page). */
const ENTRIES_PER_STEP = 256;

/** The value of a packed table, read in steps (a generator that yields between them), so a page can give its turns. */
export function* unpackInSteps(table: PackedValue): Generator<void, unknown, void> {
  const values: unknown[] = new Array(table.length);
  const read = (item: unknown) => (typeof item === 'number' && item < 0 ? values[-1 - item] : item);
  for (let i = 0; i < table.length; i++) {
    if (i % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    const entry = table[i]!;
    if (typeof entry === 'number') {
      values[i] = entry;
      continue;
    }
    const tag = entry[0];
    if (tag === ARRAY) {
      const array = new Array(entry.length - 1);
      for (let j = 1; j < entry.length; j++) array[j - 1] = read(entry[j]);
      values[i] = array;
    } else if (tag === OBJECT) {
      const object: Record<string, unknown> = {};
      for (let j = 1; j < entry.length; j += 2) object[entry[j] as string] = read(entry[j + 1]);
      values[i] = object;
    } else if (tag === MAP) {
      const map = new Map();
      for (let j = 1; j < entry.length; j += 2) map.set(read(entry[j]), read(entry[j + 1]));
      values[i] = map;
    } else if (tag === SET) {
      const set = new Set();
      for (let j = 1; j < entry.length; j++) set.add(read(entry[j]));
      values[i] = set;
    } else if (tag === INT32) {
      const array = new Int32Array(entry.length - 1);
      for (let j = 1; j < entry.length; j++) array[j - 1] = entry[j] as number;
      values[i] = array;
    } else {
      throw new Error(`not a packed value (entry ${i})`);
    }
  }
  return (values[table.length - 1] as unknown[])[0];
}
