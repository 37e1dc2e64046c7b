/**
 * Detection over files, as the content script does it on a page.
 *   npm run -s detect -- [--json] FILE...          (FILE may be - for standard input; one JSON line per file)
 *   npm run -s detect -- [--json] --html FILE...   saved pages, read as posts the way the browser reads them
 */
import { toLexiconSource } from '../content-data/build';
import { loadKnowledgeBase } from '../content-data/load';
import { compileLexicon, detect, type Lexicon } from '../lib/detect';
import { detectThread } from '../lib/detect/posts';
import type { Detection, ThreadDetection } from '../lib/types';
import { CliError, parseOptions, readTextInput, runCli } from './cli-io';
import { type HtmlPage, readHtmlPage } from './html-page';

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

function threadAsJson(file: string, page: HtmlPage, thread: ThreadDetection): string {
  return JSON.stringify({
    file,
    posts: thread.posts.map((post) => ({
      author: post.author,
      time: post.time,
      start: page.posts[post.index]!.own[0]?.start ?? 0,
      end: page.posts[post.index]!.own.at(-1)?.end ?? 0,
      urgency: post.urgency,
      subject: post.subject,
      redFlags: post.redFlags,
      topics: post.topics,
    })),
    urgency: thread.urgency,
    matches: thread.matches,
  });
}

function detectionLines(detection: Detection, indent: string): string[] {
  const lines: string[] = [];
  for (const reason of detection.reasons) lines.push(`${indent}${reason.urgency}: ${reason.text} (${reason.redFlagIds.join(' + ')})`);
  for (const match of detection.matches) {
    const targets = [...match.redFlagIds, ...match.topicIds].join(', ');
    const whom = match.experiencer === 'other' ? ` (${match.person ?? 'someone else'})` : '';
    lines.push(`${indent}${match.start}-${match.end} "${match.text}" ${match.context}${whom} -> ${targets}`);
  }
  return lines;
}

const whoseOf = (detection: Detection) => (detection.subject === 'other' ? ', for the person the text is about' : '');

function asSummary(file: string, detection: Detection): string {
  return [`${file}: urgency ${detection.urgency}${whoseOf(detection)}`, ...detectionLines(detection, '  ')].join('\n');
}

function threadAsSummary(file: string, thread: ThreadDetection): string {
  const lines = [`${file}: urgency ${thread.urgency} (the most urgent of ${thread.posts.length} post(s))`];
  thread.posts.forEach((post, i) => {
    const by = post.author === null ? 'no author shown' : `by ${post.author}`;
    lines.push(`  post ${i + 1}, ${by}${post.time ? `, ${post.time}` : ''}: urgency ${post.urgency}${whoseOf(post)}`);
    lines.push(...detectionLines(post, '    '));
  });
  return lines.join('\n');
}

function detectFile(file: string, lexicon: Lexicon, json: boolean, html: boolean): string {
  const input = readTextInput(file);
  if (!html) {
    const detection = detect(input, lexicon);
    return json ? asJson(file, detection) : asSummary(file, detection);
  }
  const page = readHtmlPage(input);
  const thread = detectThread(page.text, page.posts, page.unowned, lexicon, page.keeps);
  return json ? threadAsJson(file, page, thread) : threadAsSummary(file, thread);
}

runCli(() => {
  const { flags, rest: files } = parseOptions(process.argv.slice(2), ['--json', '--html']);
  if (files.length === 0) throw new CliError('usage: detect [--json] [--html] FILE... (- for standard input)');
  const lexicon = compileLexicon(toLexiconSource(loadKnowledgeBase()));
  let failed = false;
  for (const file of files) {
    try {
      process.stdout.write(`${detectFile(file, lexicon, flags.has('--json'), flags.has('--html'))}\n`);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      process.stderr.write(`${error.message}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
});
