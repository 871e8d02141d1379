import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { ComposeDoc } from '../analysis/compose-doc';
import { composeFileRole, composeSideFileNames } from '../analysis/document-kind';
import { MAX_ANALYZED_CHARS, unanalyzableReason } from '../analysis/input-guard';
import type { AnalysisContext, ComposeSideFile } from '../analysis/types';

/**
 * What a Compose file's analysis needs from disk, read the same way by the language server and the
 * CLI: the sibling files Compose merges with it (`compose.override.yaml` beside `compose.yaml`, the
 * base beside an override) and which of the paths it names exist. Analysis stays pure: this reads,
 * `analyze` only looks at the result.
 */

/** Where the text of a sibling Compose file comes from (the editor's open documents first, then the disk). */
export interface ComposeFileSource {
  /** The file's text; undefined when it does not exist, null when it exists but cannot be read. */
  readText(absolutePath: string): string | null | undefined;
  exists(absolutePath: string): boolean;
}

export const diskComposeFiles: ComposeFileSource = {
  readText: readTextFromDisk,
  exists: existsSync,
};

/** Reads a file as text without its byte-order mark; undefined when absent, null when unreadable (or past what analysis takes). */
export function readTextFromDisk(path: string): string | null | undefined {
  try {
    if (statSync(path).size > MAX_ANALYZED_CHARS * 4) return null;
    return readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : null;
  }
}

export interface ComposeAnalysisInput {
  context: AnalysisContext;
  /**
   * The document parsed with `context` (parsing was needed to learn which paths to stat): pass it
   * to `analyze` as `composeDoc` so the text is parsed once. Undefined when analysis will decline the text.
   */
  doc?: ComposeDoc;
}

export interface ComposeInputOptions {
  files?: ComposeFileSource;
  maxFileSize?: number;
  /**
   * Parses the text with its context (the language server's ComposeIncrementalAnalyzer reuses the
   * parts of the previous version); a whole parse by default.
   */
  parse?: (text: string, context: AnalysisContext) => ComposeDoc;
}

/**
 * The context for analysing `text` as the Compose file at `filePath`. A sibling that exists but
 * cannot be read (or an override whose base is missing) marks the project `partial`, so rules that
 * judge missing things stay silent instead of guessing.
 */
export function composeAnalysisInput(filePath: string, text: string, options: ComposeInputOptions = {}): ComposeAnalysisInput {
  const files = options.files ?? diskComposeFiles;
  const folder = dirname(filePath);
  const names = composeSideFileNames(filePath);
  let unreadable = false;
  const readFirst = (candidates: readonly string[]): ComposeSideFile[] => {
    for (const name of candidates) {
      const sideText = files.readText(join(folder, name));
      if (sideText === undefined) continue;
      // A sibling analysis would refuse (binary, huge) is not parsed either: the project is then partial.
      if (sideText === null || unanalyzableReason(sideText, options.maxFileSize)) {
        unreadable = true;
        return [];
      }
      return [{ path: name, text: sideText }];
    }
    return [];
  };
  const before = readFirst(names.before);
  const after = readFirst(names.after);
  const partial = unreadable || (composeFileRole(filePath) === 'override' && before.length === 0);
  const context: AnalysisContext = { compose: { before, after, partial } };
  if (unanalyzableReason(text, options.maxFileSize)) return { context };
  const doc = options.parse ? options.parse(text, context) : new ComposeDoc(text, context);
  // The doc reads `existingPaths` only when rules ask, so it can be filled in after parsing.
  context.existingPaths = existingPaths(doc, folder, files);
  return { context, doc };
}

/**
 * How long the paths found to exist are reused for the same document: the edits of a burst of typing
 * stat them once, and a file created or removed meanwhile is seen by the next analysis after that.
 */
export const EXISTING_PATHS_REUSE_MS = 1000;

/**
 * The last paths found to exist, by the list of names they were found for: the incremental analyzer
 * keeps that list (the same array) while an edit changes no path the document names.
 */
const lastExisting = new WeakMap<readonly string[], { files: ComposeFileSource; folder: string; at: number; existing: Set<string> }>();

/** Among the paths the document names, those that exist, as `AnalysisContext.existingPaths` wants them. Never changed once made. */
function existingPaths(doc: ComposeDoc, folder: string, files: ComposeFileSource): Set<string> {
  const names = doc.referencedPathNames();
  const now = Date.now();
  const last = lastExisting.get(names);
  if (last && last.files === files && last.folder === folder && now >= last.at && now - last.at < EXISTING_PATHS_REUSE_MS) return last.existing;
  const existing = new Set<string>();
  const checked = new Map<string, boolean>();
  for (const path of names) {
    let found = checked.get(path);
    if (found === undefined) {
      found = files.exists(isAbsolute(path) ? path : join(folder, path));
      checked.set(path, found);
    }
    if (found) existing.add(path);
  }
  lastExisting.set(names, { files, folder, at: now, existing });
  return existing;
}
