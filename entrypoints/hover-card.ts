/** The hover card, built as its own file and loaded by the content script on first use (see lib/page/card-loader). */
import { mountHoverCard } from '../components/HoverCard';
import { provideHoverCard } from '../lib/page/card-loader';

export default defineUnlistedScript(() => provideHoverCard(mountHoverCard));
