import { toLexiconSource } from '/work/main/content-data/build';
import { loadKnowledgeBase } from '/work/main/content-data/load';
import { compileLexicon, detect } from '/work/main/lib/detect';
import { genreOf } from '/work/main/lib/context';
import { tokenize } from '/work/main/lib/text';
const lexicon = compileLexicon(toLexiconSource(loadKnowledgeBase()));
for (const text of process.argv.slice(2)) {
  const d = detect(text, lexicon);
  console.log(`\n${JSON.stringify(text.slice(0, 200))} -> ${d.urgency} (${d.subject}) genre=${genreOf(tokenize(text), lexicon.context.genreKeys)}`);
  for (const m of d.matches) console.log(`  "${m.text}" ${m.context}/${m.experiencer}${m.person ? ':' + m.person : ''} [${[...m.redFlagIds, ...m.topicIds].join(',')}] ${m.termId}`);
}
