/**
 * `web-ext lint` on the Firefox build: no errors, and no warning caused by our own code.
 * Preact's renderer assigns innerHTML for `dangerouslySetInnerHTML`; that warning is accepted only while
 * none of our source uses innerHTML, so it cannot hide a real one of ours.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OWN_SOURCE = ['entrypoints', 'components', 'lib', 'content-data'];

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx)$/.test(name)) yield path;
  }
}

const ownCodeUsesInnerHtml = () =>
  OWN_SOURCE.some((dir) => [...sourceFiles(join(ROOT, dir))].some((file) => /innerHTML/.test(readFileSync(file, 'utf8'))));

/** The bundled code around a warning's position: Preact's renderer names `dangerouslySetInnerHTML.__html` there. */
function codeAround(file: string, at: LintMessage): string {
  const line = readFileSync(file, 'utf8').split('\n')[(at.line ?? 1) - 1] ?? '';
  const column = at.column ?? 0;
  return line.slice(Math.max(0, column - 200), column + 200);
}

export interface FirefoxLintReport {
  errors: LintMessage[];
  ownWarnings: LintMessage[];
  acceptedWarnings: LintMessage[];
}

export async function lintFirefoxBuild(sourceDir = join(ROOT, '.output/firefox-mv2')): Promise<FirefoxLintReport> {
  const result = (await webExt.cmd.lint(
    { sourceDir, selfHosted: true, output: 'none', boring: true },
    { shouldExitProgram: false },
  )) as { errors: LintMessage[]; warnings: LintMessage[] };
  const preactOnly = !ownCodeUsesInnerHtml();
  const isPreactInnerHtml = (w: LintMessage) =>
    w.code === 'UNSAFE_VAR_ASSIGNMENT' && preactOnly && /__html/.test(codeAround(join(sourceDir, w.file ?? ''), w));
  return {
    errors: result.errors,
    ownWarnings: result.warnings.filter((w) => !isPreactInnerHtml(w)),
    acceptedWarnings: result.warnings.filter(isPreactInnerHtml),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const report = await lintFirefoxBuild();
  const line = (m: LintMessage) => `  ${m.code} ${m.file ?? ''}: ${m.message}`;
  console.log(`web-ext lint: ${report.errors.length} errors, ${report.ownWarnings.length} warnings from our code`);
  report.errors.forEach((m) => console.log(line(m)));
  report.ownWarnings.forEach((m) => console.log(line(m)));
  if (report.acceptedWarnings.length) {
    console.log(`Accepted (Preact's renderer, our code uses no innerHTML):`);
    report.acceptedWarnings.forEach((m) => console.log(line(m)));
  }
  if (report.errors.length || report.ownWarnings.length) process.exitCode = 1;
}
