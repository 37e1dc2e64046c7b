import { toLexiconSource } from '../content-data/build';
import { loadKnowledgeBase } from '../content-data/load';
import { compileLexicon } from '../lib/detect';
import { findConcepts } from '../lib/match/concepts';
import { findMatches } from '../lib/match';
import { tokenize } from '../lib/text';
const lexicon = compileLexicon(toLexiconSource(loadKnowledgeBase()));
const text = process.argv[2]!;
const tokens = tokenize(text);
findMatches(tokens, lexicon);
const corrected = tokens.keys.map((k) => lexicon.walkKeys.get(k) ?? k);
const keep = corrected.map((k, i) => [k, i] as const).filter(([k]) => !lexicon.concepts.fillers.has(k));
const endsClause = (t: number) => t + 1 >= tokens.count || tokens.clauses[t + 1] !== tokens.clauses[t];
for (const h of findConcepts(lexicon.concepts, keep.map(([k]) => k), Int32Array.from(keep.map(([, i]) => i)), corrected, endsClause))
  console.log(tokens.keys.slice(h.start, h.end).join(' '), '=>', h.concepts.map((c) => lexicon.concepts.ids[c]).join(','));
