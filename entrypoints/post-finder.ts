import { findPostsInSteps } from '../lib/page/posts';
import { providePart } from '../lib/page/parts';

/**
 * The reader of a thread's posts (each engine's recogniser and the generic reading), injected into
 * a frame by the background when its page may be a thread (lib/page/posts/signs.ts): see
 * lib/page/parts.ts.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    providePart('post-finder', findPostsInSteps);
  },
});
