import { mountHoverCard } from '../components/HoverCard';
import { providePart } from '../lib/page/parts';

/**
 * The hover card (Preact and the card's words and styles), injected into a frame by the background
 * when that frame's content script first opens a card: see lib/page/parts.ts. Anonymous, so it
 * leaves no global of its own behind.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    providePart('hover-card', mountHoverCard);
  },
});
