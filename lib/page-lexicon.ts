/**
 * The lexicon as the content script gets it: compiled once by the build (content-data/vite-plugin.ts),
 * packed into one string (./packed-value), and revived by each page in steps. Compiling it on the
 * page (tokenising every variant, concept word and cue, building the tries) was one task of 50 – 90
 * ms on every page; reviving costs a fraction of that and can yield between steps.
 */
import type { LexiconSource } from '../content-data/schema';
import { compileLexicon, type Lexicon } from './detect';
import { packValue, unpackInSteps, type PackedValue } from './packed-value';

export interface PageLexicon {
  lexicon: Lexicon;
  /** Term id → its label, for the hover card. */
  termLabels: ReadonlyMap<string, string>;
}

/** Build side: compile and pack. */
export function packPageLexicon(source: LexiconSource): string {
  const page: PageLexicon = { lexicon: compileLexicon(source), termLabels: new Map(source.terms.map((term) => [term.id, term.label])) };
  return JSON.stringify(packValue(page));
}

/** Page side: the packed lexicon revived, in steps (a generator that yields between them). */
export function* unpackPageLexicon(packed: string): Generator<void, PageLexicon, void> {
  const table = JSON.parse(packed) as PackedValue;
  yield;
  return (yield* unpackInSteps(table)) as PageLexicon;
}
