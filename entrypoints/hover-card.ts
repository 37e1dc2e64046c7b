/** The hover card, built as its own file and loaded by the content script on first use (see lib/page/lazy-script). */
import { mountHoverCard } from '../components/HoverCard';
import { HOVER_CARD_SCRIPT, provide } from '../lib/page/lazy-script';

export default defineUnlistedScript(() => provide(HOVER_CARD_SCRIPT, mountHoverCard));
