import { readFileSync } from 'node:fs';
import { toLexiconSource } from '../content-data/build';
import { loadKnowledgeBase } from '../content-data/load';
import { compileLexicon } from '../lib/detect';
import { genreOf } from '../lib/context';
import { tokenize } from '../lib/text';
const lexicon = compileLexicon(toLexiconSource(loadKnowledgeBase()));
for (const f of process.argv.slice(2)) {
  const text = readFileSync(`../shared/eval/real/texts/${f}.txt`, 'utf8').replace(/^SOURCE:[^\n]*\n\n?/, '');
  const tokens = tokenize(text);
  let first = 0, third = 0;
  for (let i = 0; i < tokens.count; i++) { if (tokens.quoted[i]) continue; if (lexicon.context.genreKeys.firstPerson.has(tokens.keys[i]!)) first++; else if (lexicon.context.genreKeys.thirdPerson.has(tokens.keys[i]!)) third++; }
  console.log(f, genreOf(tokens, lexicon.context.genreKeys), 'first', (first / tokens.count).toFixed(3), 'third', (third / tokens.count).toFixed(3), tokens.count);
}
