/**
 * Parts of the content script that most pages never need, loaded when first used: the content
 * script asks the background (`load-part`), which injects the part's file into the same frame's
 * isolated world with `scripting.executeScript`. The file is never web-accessible, so no page can
 * fetch it or learn the extension's id from it; the part hands itself over on the isolated world's
 * global object, which page scripts do not share.
 */
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { MountHoverCard } from '../../components/HoverCard';
import type { findPostsInSteps } from './posts';

/** Each part by name, and what it hands over. */
export interface Parts {
  'hover-card': MountHoverCard;
  /** The engines' recognisers and the generic reader of a thread's posts. */
  'post-finder': typeof findPostsInSteps;
}
export type PartName = keyof Parts;

/** The file of each part in the build, one unlisted script each (`entrypoints/<name>.ts`; typed from the build's files). */
export const PART_FILES: Readonly<Record<PartName, ScriptPublicPath>> = {
  'hover-card': '/hover-card.js',
  'post-finder': '/post-finder.js',
};

export function isPartName(value: unknown): value is PartName {
  return typeof value === 'string' && Object.hasOwn(PART_FILES, value);
}

const SHELF_KEY = '__backPainLensParts';

/**
 * How long a part may take to arrive before its use goes on without it (a page read as one text, a
 * card that does not open): a background that never answers must not stop the page being read.
 */
export const PART_WAIT_MS = 5_000;

/** What the parts' files and the content script of a frame share: the parts, and who waits for one. */
interface Shelf {
  parts: Partial<Parts>;
  arrived: Partial<Record<PartName, () => void>>;
}

function shelf(): Shelf {
  const global = globalThis as { [SHELF_KEY]?: Shelf };
  return (global[SHELF_KEY] ??= { parts: {}, arrived: {} });
}

/** Called by a part's file when it runs: hands the part to the content script of its frame. */
export function providePart<K extends PartName>(name: K, part: Parts[K]): void {
  const { parts, arrived } = shelf();
  parts[name] = part;
  arrived[name]?.();
}

/**
 * Loads each part at most once per frame: `inject` asks the background to run the part's file
 * here. The part is used as soon as its file has run, before the background's answer comes back
 * (which can take as long again on a busy page). A failed load (the extension went away, the
 * frame is out of reach, no answer within PART_WAIT_MS) is tried again on the next use.
 */
export function partLoader(inject: (name: PartName) => Promise<unknown>) {
  const loading = new Map<PartName, Promise<void>>();
  return async <K extends PartName>(name: K): Promise<Parts[K]> => {
    const { parts, arrived } = shelf();
    let pending = loading.get(name);
    if (!parts[name] && !pending) {
      pending = new Promise<void>((settle) => {
        const timer = setTimeout(settle, PART_WAIT_MS);
        const done = () => {
          clearTimeout(timer);
          settle();
        };
        arrived[name] = done;
        inject(name).then(done, done);
      });
      loading.set(name, pending);
    }
    await pending;
    const part = parts[name];
    if (part) return part as Parts[K];
    loading.delete(name);
    throw new Error(`The part "${name}" did not load.`);
  };
}
