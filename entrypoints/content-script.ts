import lexiconVersion from 'virtual:bpl-lexicon-version';
import { startPage } from '../lib/page';

/**
 * The content script: declared in wxt.config.ts, not as a WXT content-script entrypoint, because
 * WXT's wrapper gives every content script a ContentScriptContext, which announces the extension
 * id to the page and can be ended by the page (see lib/page/lifetime.ts).
 */
export default defineUnlistedScript(() => {
  void startPage(lexiconVersion);
});
