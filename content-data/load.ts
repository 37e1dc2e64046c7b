/** Node only: reads the content files from disk and builds the validated knowledge base. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKnowledgeBase, ContentError, type ContentFile } from './build';
import type { KnowledgeBase } from './schema';

/** This folder: the real content. */
export const CONTENT_DIR = fileURLToPath(new URL('.', import.meta.url));

const TOP_LEVEL_FILES = ['sources.json', 'red-flags.json', 'concepts.json', 'context.json'];
const ENTRY_FOLDERS = ['topics', 'terms'];

/** Absolute paths of every content file in `dir` that exists, in a stable order. */
export function contentFilePaths(dir: string = CONTENT_DIR): string[] {
  const topLevel = TOP_LEVEL_FILES.map((name) => join(dir, name)).filter((path) => existsSync(path));
  const inFolders = ENTRY_FOLDERS.flatMap((folder) => {
    const folderPath = join(dir, folder);
    if (!existsSync(folderPath)) return [];
    return readdirSync(folderPath)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(folderPath, name));
  });
  return [...topLevel, ...inFolders];
}

/** How a path is shown in messages: relative to the working directory, with forward slashes. */
function displayPath(path: string): string {
  return relative(process.cwd(), path).split(sep).join('/');
}

/** Reads and parses every content file; any file that is not valid JSON gives a ContentError naming it. */
export function readContentFiles(dir: string = CONTENT_DIR): ContentFile[] {
  const problems: string[] = [];
  const files = contentFilePaths(dir).flatMap((path) => {
    const shown = displayPath(path);
    try {
      return [{ path: shown, data: JSON.parse(readFileSync(path, 'utf8')) as unknown }];
    } catch (error) {
      problems.push(`${shown}: is not valid JSON (${(error as Error).message})`);
      return [];
    }
  });
  if (problems.length > 0) throw new ContentError(problems);
  return files;
}

export function loadKnowledgeBase(dir: string = CONTENT_DIR): KnowledgeBase {
  if (!existsSync(dir)) throw new ContentError([`${displayPath(dir)}: no such content folder`]);
  return buildKnowledgeBase(readContentFiles(dir));
}
