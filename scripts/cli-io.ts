/** Input and failure handling shared by the command-line tools: one clear line, never a stack trace. */
import { readFileSync } from 'node:fs';

/** A problem the user can fix; printed as one line on stderr. */
export class CliError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const READ_ERRORS: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'is a directory', EACCES: 'permission denied' };

/** The text of a file (`-` is standard input), refusing empty, binary and non-UTF-8 input. */
export function readTextInput(path: string): string {
  const name = path === '-' ? 'standard input' : path;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path === '-' ? 0 : path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new CliError(`${name}: cannot read (${READ_ERRORS[code] ?? code})`);
  }
  if (bytes.length === 0) throw new CliError(`${name}: is empty`);
  if (bytes.includes(0)) throw new CliError(`${name}: looks binary (contains NUL bytes), expected UTF-8 text`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new CliError(`${name}: is not valid UTF-8 text`);
  }
  if (text.trim() === '') throw new CliError(`${name}: contains only white space`);
  return text;
}

/** Runs a command's main function; a CliError or a content error becomes one stderr line and exit code 1. */
export function runCli(main: () => number | void): void {
  try {
    process.exitCode = main() ?? 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message.trim()}\n`);
    process.exitCode = 1;
  }
}

export function parseFlags(args: string[], known: string[]): { flags: Set<string>; rest: string[] } {
  const flags = new Set<string>();
  const rest: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('--') && arg.length > 2) {
      if (!known.includes(arg)) throw new CliError(`unknown option ${arg} (known: ${known.join(', ')})`);
      flags.add(arg);
    } else {
      rest.push(arg);
    }
  }
  return { flags, rest };
}
