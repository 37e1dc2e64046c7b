/**
 * Checks the knowledge base and prints it.
 *   npm run -s content -- [--json] [--dir DIR]
 * With --json, the validated knowledge base as JSON; without, a short summary.
 * On broken content: the problems on stderr and exit code 1.
 */
import { parseArgs } from 'node:util';
import { normaliseVariant } from '../content-data/build';
import { CONTENT_DIR, loadKnowledgeBase } from '../content-data/load';
import type { KnowledgeBase } from '../content-data/schema';

function summary(kb: KnowledgeBase): string {
  const variants = new Set(kb.terms.flatMap((term) => term.variants.map(normaliseVariant)));
  return [
    `topics:        ${kb.topics.length}`,
    `red flags:     ${kb.redFlags.length}`,
    `terms:         ${kb.terms.length} (${variants.size} distinct variants)`,
    `concepts: ${kb.concepts.length}`,
    `frames: ${kb.terms.reduce((count, term) => count + (term.frames?.length ?? 0), 0)}`,
    `sources:       ${kb.sources.length}`,
  ].join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, dir: { type: 'string', default: CONTENT_DIR } },
  });
  const kb = loadKnowledgeBase(values.dir);
  process.stdout.write(values.json ? `${JSON.stringify(kb)}\n` : `Knowledge base OK\n${summary(kb)}\n`);
}

try {
  main();
} catch (error) {
  // A ContentError or a bad option: the message is the whole story, a stack trace would only hide it.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
