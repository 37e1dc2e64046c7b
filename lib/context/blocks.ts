/**
 * Blocks: a list or paragraph under a lead-in ("Call 999 if you have:", "Symptoms include:", a heading
 * such as "When to get help") describes signs to look out for, not signs anyone has, so its mentions
 * read as hypothetical. A lead-in is a line that ends with a colon, or a short line with no full stop
 * (a heading), holding a lead-in word and no word of the writer's own. Its block runs over the lines
 * after it up to the next line ending in a colon, the writer's own words, or the block limits.
 */
import { scanPhrases, type TrieNode } from '../match/trie';
import { LineFact, type Tokens } from '../text';

/** A lead-in governs at most this many lines after it ... */
export const MAX_BLOCK_LINES = 12;
/** ... starting within this many characters of it (which bounds what a chunk must read before it). */
export const MAX_BLOCK_CHARS = 1_500;
/** A heading is a line of at most this many words. */
const MAX_HEADING_TOKENS = 10;

/**
 * For each span's first token, whether a lead-in governs it. `isWriterLine(first, end)` says whether
 * the writer speaks of themself in those tokens.
 */
export function inLeadInBlocks(
  tokens: Tokens,
  firstTokens: readonly number[],
  leadIns: TrieNode<true>,
  isWriterLine: (first: number, end: number) => boolean,
): boolean[] {
  const { lineStarts } = tokens;
  const verdicts = new Map<number, boolean>();
  const isLeadIn = (line: number): boolean => {
    const facts = tokens.lineFacts[line]!;
    const first = lineStarts[line]!;
    const end = lineStarts[line + 1]!;
    const heading = end - first <= MAX_HEADING_TOKENS && !(facts & (LineFact.EndsWithStop | LineFact.Bullet));
    if (!(facts & LineFact.EndsWithColon) && !heading) return false;
    return scanPhrases(leadIns, tokens.keys, first, end).length > 0 && !isWriterLine(first, end);
  };
  const governed = (token: number): boolean => {
    const line = tokens.lines[token]!;
    const known = verdicts.get(line);
    if (known !== undefined) return known;
    let verdict = false;
    for (let back = 1; back <= MAX_BLOCK_LINES && line - back >= 0; back++) {
      const first = lineStarts[line - back]!;
      if (tokens.starts[token]! - tokens.starts[first]! > MAX_BLOCK_CHARS) break;
      if (isLeadIn(line - back)) {
        verdict = true;
        break;
      }
      if (tokens.lineFacts[line - back]! & LineFact.EndsWithColon || isWriterLine(first, lineStarts[line - back + 1]!)) break;
    }
    verdicts.set(line, verdict);
    return verdict;
  };
  return firstTokens.map(governed);
}
