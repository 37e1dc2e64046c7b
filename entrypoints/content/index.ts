import lexiconPath from 'virtual:bpl-lexicon-file';
import { startPage } from '../../lib/page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Same-origin frames are scanned too; lib/page leaves cross-origin ones alone at once.
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    startPage(ctx, lexiconPath).catch((error: unknown) => {
      // Failing because the extension was reloaded under the page is expected; anything else is not.
      if (ctx.isValid) throw error;
    });
  },
});
