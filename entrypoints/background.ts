import knowledgeBase from 'virtual:bpl-knowledge-base';
import lexiconVersion from 'virtual:bpl-lexicon-version';
import pageLexicon from 'virtual:bpl-page-lexicon';
import searchIndex from 'virtual:bpl-search-index';
import { startBackground } from '../lib/background';

export default defineBackground(() => {
  startBackground({ knowledgeBase, searchIndex, lexiconVersion, pageLexicon });
});
