/**
 * What the content script costs every tab: the size of the script that runs at start and of the
 * parts injected later (lib/page/parts.ts), read from a build. `npm run size` builds Chrome with
 * source maps (in `.output/size/`, never shipped) and prints, per module, the bytes it adds to the
 * start bundle: raw, and gzipped on its own (a module compresses a little better inside the whole
 * file, so the column adds up to more than the file's gzip size).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { eachMapping, TraceMap } from '@jridgewell/trace-mapping';
import { PART_FILES, type PartName } from '../lib/page/parts';

/** Issue 9's budget for the script that starts in every tab, gzipped. */
export const START_GZIP_BUDGET = 30_000;
export const START_FILE = 'content-script.js';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

const gzipBytes = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;

function fileSize(dir: string, file: string): FileSize {
  const code = readFileSync(join(dir, file));
  return { file, raw: code.length, gzip: gzipBytes(code) };
}

/** The start bundle and each part of a build directory (`.output/chrome-mv3`, `.output/firefox-mv2`). */
export function contentScriptSizes(dir: string): { start: FileSize; parts: Record<PartName, FileSize> } {
  const parts = Object.fromEntries(
    Object.entries(PART_FILES).map(([name, path]) => [name, fileSize(dir, path.replace(/^\//, ''))]),
  ) as Record<PartName, FileSize>;
  return { start: fileSize(dir, START_FILE), parts };
}

/** A source path as a short module name: `lib/page/scanner.ts`, `node_modules/preact`. */
function moduleName(source: string): string {
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return packaged ? `node_modules/${packaged[1]}` : source.replace(/^(?:\.\.\/)+/, '');
}

/** The generated code of `file` grouped by the module its source map names (`(none)` for glue). */
export function codeByModule(file: string): Map<string, string> {
  const code = readFileSync(file, 'utf8');
  const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
  const lineStarts = [0];
  for (let at = code.indexOf('\n'); at !== -1; at = code.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const marks: { at: number; module: string }[] = [];
  eachMapping(map, (mapping) => {
    marks.push({
      at: lineStarts[mapping.generatedLine - 1]! + mapping.generatedColumn,
      module: mapping.source === null ? '(none)' : moduleName(mapping.source),
    });
  });
  marks.sort((a, b) => a.at - b.at);
  const pieces = new Map<string, string[]>();
  const add = (module: string, from: number, to: number) => {
    if (to > from) (pieces.get(module) ?? pieces.set(module, []).get(module)!).push(code.slice(from, to));
  };
  add('(none)', 0, marks[0]?.at ?? code.length);
  marks.forEach((mark, i) => add(mark.module, mark.at, marks[i + 1]?.at ?? code.length));
  return new Map([...pieces].map(([module, parts]) => [module, parts.join('')]));
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** A module's folder: `lib/page/posts`, `components`, `node_modules/preact`. */
const folderOf = (module: string) => (module.startsWith('node_modules/') ? module : module.split('/').slice(0, -1).join('/') || module);

function printTable(title: string, code: Map<string, string>): void {
  const rows = [...code]
    .map(([name, text]) => ({ name, raw: Buffer.byteLength(text), gzip: gzipBytes(text) }))
    .sort((a, b) => b.gzip - a.gzip);
  console.log(`\n| ${title} | raw | gzip alone |\n|---|---|---|`);
  for (const row of rows) console.log(`| ${row.name} | ${kB(row.raw)} | ${kB(row.gzip)} |`);
}

function printModules(file: string): void {
  const modules = codeByModule(file);
  const folders = new Map<string, string>();
  for (const [module, code] of modules) folders.set(folderOf(module), (folders.get(folderOf(module)) ?? '') + code);
  printTable('folder', folders);
  printTable('module', modules);
}

function main(): void {
  const outDir = '.output/size';
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, BPL_SIZE_BUILD: outDir } });
  const dir = join(outDir, 'chrome-mv3');
  const { start, parts } = contentScriptSizes(dir);
  console.log(`| file | raw | gzip |\n|---|---|---|`);
  for (const size of [start, ...Object.values(parts)]) console.log(`| ${size.file} | ${kB(size.raw)} | ${kB(size.gzip)} |`);
  console.log(`\nstart bundle: ${kB(start.gzip)} gzip of ${kB(START_GZIP_BUDGET)} allowed`);
  printModules(join(dir, START_FILE));
  for (const size of Object.values(parts)) {
    console.log(`\n${size.file}:`);
    printModules(join(dir, size.file));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
