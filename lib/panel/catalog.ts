/** Look-ups by id over the knowledge base, built once per page. */
import type { KnowledgeBase, RedFlag, Source, Topic } from '../../content-data/schema';

export interface Catalog {
  kb: KnowledgeBase;
  topic(id: string): Topic | undefined;
  redFlag(id: string): RedFlag | undefined;
  source(id: string): Source | undefined;
}

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export function createCatalog(kb: KnowledgeBase): Catalog {
  const topics = byId(kb.topics);
  const redFlags = byId(kb.redFlags);
  const sources = byId(kb.sources);
  return {
    kb,
    topic: (id) => topics.get(id),
    redFlag: (id) => redFlags.get(id),
    source: (id) => sources.get(id),
  };
}

/** The items for `ids` that exist, in the order of `ids`. */
export function resolveIds<T>(ids: string[], lookup: (id: string) => T | undefined): T[] {
  return ids.flatMap((id) => {
    const item = lookup(id);
    return item === undefined ? [] : [item];
  });
}

/** A link target is shown only when it is an https URL; anything else renders as plain text. */
export function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
