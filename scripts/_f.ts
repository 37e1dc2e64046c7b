import { toLexiconSource } from '../content-data/build';
import { loadKnowledgeBase } from '../content-data/load';
import { compileLexicon } from '../lib/detect';
import { findMatches } from '../lib/match';
import { tokenize } from '../lib/text';
const lexicon = compileLexicon(toLexiconSource(loadKnowledgeBase()));
const text = process.argv[2]!;
const tokens = tokenize(text);
for (const m of findMatches(tokens, lexicon)) console.log(JSON.stringify({ text: text.slice(m.start, m.end), term: m.term.id, parts: m.parts?.map((p) => [tokens.keys.slice(p.firstToken, p.endToken).join(' '), p.absent]) }));
