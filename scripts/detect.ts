/**
 * Detection over files, as the content script does it on a page.
 *   npm run -s detect -- [--json] FILE...   (FILE may be - for standard input; one JSON line per file)
 */
import { toLexiconSource } from '../content-data/build';
import { loadKnowledgeBase } from '../content-data/load';
import { compileLexicon, detect } from '../lib/detect';
import type { Detection } from '../lib/types';
import { CliError, parseOptions, readTextInput, runCli } from './cli-io';

function asJson(file: string, detection: Detection): string {
  return JSON.stringify({
    file,
    matches: detection.matches,
    redFlags: detection.redFlags,
    topics: detection.topics,
    urgency: detection.urgency,
    subject: detection.subject,
  });
}

function asSummary(file: string, detection: Detection): string {
  const whose = detection.subject === 'other' ? ', for the person the text is about' : '';
  const lines = [`${file}: urgency ${detection.urgency}${whose}`];
  for (const reason of detection.reasons) lines.push(`  ${reason.urgency}: ${reason.text} (${reason.redFlagIds.join(' + ')})`);
  for (const match of detection.matches) {
    const targets = [...match.redFlagIds, ...match.topicIds].join(', ');
    const whom = match.experiencer === 'other' ? ` (${match.person ?? 'someone else'})` : '';
    lines.push(`  ${match.start}-${match.end} "${match.text}" ${match.context}${whom} -> ${targets}`);
  }
  return lines.join('\n');
}

runCli(() => {
  const { flags, rest: files } = parseOptions(process.argv.slice(2), ['--json']);
  if (files.length === 0) throw new CliError('usage: detect [--json] FILE... (- for standard input)');
  const lexicon = compileLexicon(toLexiconSource(loadKnowledgeBase()));
  let failed = false;
  for (const file of files) {
    try {
      const detection = detect(readTextInput(file), lexicon);
      process.stdout.write(`${flags.has('--json') ? asJson(file, detection) : asSummary(file, detection)}\n`);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      process.stderr.write(`${error.message}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
});
