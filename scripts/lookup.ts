/**
 * Fuzzy lookup over the bundled content, as the popup does it.
 *   npm run -s lookup -- [--json] "QUERY"
 *   npm run -s lookup -- [--json] --batch < QUERIES.txt   (one query a line, one result a line)
 */
import { readFileSync } from 'node:fs';
import { loadKnowledgeBase } from '../content-data/load';
import { createSearcher, type Searcher } from '../lib/search';
import { CliError, parseOptions, runCli } from './cli-io';

function describe(query: string, search: Searcher, json: boolean): string {
  const results = search(query);
  if (json) return JSON.stringify({ query, results });
  if (results.length === 0) return `${query}: nothing found`;
  return [`${query}:`, ...results.map((r, i) => `  ${i + 1}. ${r.title} (${r.kind} ${r.id}, score ${r.score})`)].join('\n');
}

runCli(() => {
  const { flags, rest } = parseOptions(process.argv.slice(2), ['--json', '--batch']);
  const json = flags.has('--json');
  if (!flags.has('--batch') && rest.length === 0) {
    throw new CliError('usage: lookup [--json] "QUERY" | lookup [--json] --batch < queries.txt');
  }
  const search = createSearcher(loadKnowledgeBase());
  if (flags.has('--batch')) {
    const lines = readFileSync(0, 'utf8').split(/\r?\n/);
    if (lines.at(-1) === '') lines.pop();
    for (const line of lines) process.stdout.write(`${describe(line, search, json)}\n`);
  } else {
    process.stdout.write(`${describe(rest.join(' '), search, json)}\n`);
  }
});
