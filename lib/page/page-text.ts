/** A sample of a page's readable text, for the language check (lib/language). */
import { isInSkippedSubtree } from './text-index';

/** Text nodes looked at, at most: a page of empty nodes costs no more than this. */
const MAX_NODES = 3_000;

/** Up to about `limit` characters of the readable text from the top of the body, blocks joined by spaces. */
export function pageTextSample(document: Document, limit = 4_000): string {
  const root = document.body;
  if (!root) return '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  let visited = 0;
  for (let node = walker.nextNode(); node && length < limit && visited < MAX_NODES; node = walker.nextNode(), visited++) {
    const text = (node as Text).data.trim();
    if (text === '' || isInSkippedSubtree(node)) continue;
    parts.push(text);
    length += text.length + 1;
  }
  return parts.join(' ').slice(0, limit);
}
