import knowledgeBase from 'virtual:bpl-knowledge-base';
import searchIndex from 'virtual:bpl-search-index';
import { startBackground } from '../lib/background';

export default defineBackground(() => {
  startBackground({ knowledgeBase, searchIndex });
});
