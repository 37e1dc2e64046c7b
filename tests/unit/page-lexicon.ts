/**
 * The content script's own lexicon, built from the real content files for DOM tests, packed and
 * revived as the content script gets it
 * (content-data/load.ts cannot be imported under happy-dom: it resolves its folder from a file URL).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKnowledgeBase, type ContentFile, toLexiconSource } from '../../content-data/build';
import { detectRange, textGenre } from '../../lib/detect';
import type { Stretch } from '../../lib/page/text-index';
import type { Match } from '../../lib/types';
import { unpackDetection } from '../../lib/packed-detection';
import { packPageLexicon, unpackPageLexicon } from '../../lib/page-lexicon';
import { findPostsInSteps } from '../../lib/page/posts';
import { runNow } from '../../lib/page/posts/steps';
import { PageScanner, type ScanLexicon } from '../../lib/page/scanner';
import type { Detection } from '../../lib/types';

function contentFiles(dir = join(process.cwd(), 'content-data')): ContentFile[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ path: `content-data/${name}`, data: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown }));
}

let compiled: ScanLexicon | null = null;

/** Compiled and revived once per test file. */
export function scanLexicon(): ScanLexicon {
  if (!compiled) {
    const { lexicon } = runNow(unpackPageLexicon(packPageLexicon(toLexiconSource(buildKnowledgeBase(contentFiles())))));
    compiled = { lexicon, redFlags: lexicon.redFlags };
  }
  return compiled;
}

/** A stretch's matches as the scanner finds them (offsets relative to the stretch), in a text of the given genre. */
export function stretchMatches(stretch: Stretch, genreText = stretch.text): Match[] {
  const { lexicon } = scanLexicon();
  return detectRange(stretch.text, stretch.from, stretch.to, lexicon, textGenre(genreText, lexicon)).map((match) => ({
    ...match,
    start: match.start - stretch.from,
    end: match.end - stretch.from,
  }));
}

/** A scanner of the test document with this lexicon and the real post finder; what it reports, unpacked, lands in `reports`. */
export function documentScanner(): { scanner: PageScanner; reports: Detection[] } {
  const reports: Detection[] = [];
  const scanner = new PageScanner({
    document,
    loadLexicon: () => Promise.resolve(scanLexicon()),
    postFinder: () => Promise.resolve(findPostsInSteps),
    onScanned: (detection) => reports.push(unpackDetection(detection())),
  });
  return { scanner, reports };
}
