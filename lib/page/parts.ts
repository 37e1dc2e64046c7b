/**
 * Parts of the content script that most pages never need, loaded when first used: the content
 * script asks the background (`load-part`), which injects the part's file into the same frame's
 * isolated world with `scripting.executeScript`. The file is never web-accessible, so no page can
 * fetch it or learn the extension's id from it; the part hands itself over on the isolated world's
 * global object, which page scripts do not share.
 */
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { MountHoverCard } from '../../components/HoverCard';
import type { findPosts } from './posts';

/** Each part by name, and what it hands over. */
export interface Parts {
  'hover-card': MountHoverCard;
  /** The engines' recognisers and the generic reader of a thread's posts. */
  'post-finder': typeof findPosts;
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

function shelf(): Partial<Parts> {
  const global = globalThis as { [SHELF_KEY]?: Partial<Parts> };
  return (global[SHELF_KEY] ??= {});
}

/** Called by a part's file when it runs: hands the part to the content script of its frame. */
export function providePart<K extends PartName>(name: K, part: Parts[K]): void {
  shelf()[name] = part;
}

/**
 * Loads each part at most once per frame: `inject` asks the background to run the part's file
 * here. A failed load (the extension went away, the frame is out of reach) is tried again on
 * the next use.
 */
export function partLoader(inject: (name: PartName) => Promise<unknown>) {
  const loading = new Map<PartName, Promise<unknown>>();
  return async <K extends PartName>(name: K): Promise<Parts[K]> => {
    const ready = shelf()[name];
    if (ready) return ready as Parts[K];
    let pending = loading.get(name);
    if (!pending) {
      pending = inject(name);
      loading.set(name, pending);
    }
    await pending.catch(() => undefined);
    const part = shelf()[name];
    if (part) return part as Parts[K];
    loading.delete(name);
    throw new Error(`The part "${name}" did not load.`);
  };
}
