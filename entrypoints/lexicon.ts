/** The lexicon source, built as its own file and loaded by the content script when scanning starts (see lib/page/lazy-script). */
import lexiconSource from 'virtual:bpl-lexicon-source';
import { LEXICON_SCRIPT, provide } from '../lib/page/lazy-script';

export default defineUnlistedScript(() => provide(LEXICON_SCRIPT, lexiconSource));
