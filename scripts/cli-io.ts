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

/**
 * Splits arguments into switches (`flags`), options that take the next argument (`valued`) and the
 * rest; an unknown option or a missing value is a CliError.
 */
export function parseOptions(
  args: string[],
  flagNames: string[],
  valuedNames: string[] = [],
): { flags: Set<string>; values: Map<string, string>; rest: string[] } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg.length <= 2) rest.push(arg);
    else if (flagNames.includes(arg)) flags.add(arg);
    else if (valuedNames.includes(arg)) {
      const value = args[++i];
      if (value === undefined) throw new CliError(`${arg} needs a value`);
      values.set(arg, value);
    } else throw new CliError(`unknown option ${arg} (known: ${[...flagNames, ...valuedNames].join(', ')})`);
  }
  return { flags, values, rest };
}
