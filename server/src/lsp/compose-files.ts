import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeFileRole, composeSideFileNames } from '../analysis/document-kind';
import { composeAnalysisInput, diskComposeFiles, readTextFromDisk, type ComposeAnalysisInput, type ComposeFileSource, type ComposeInputOptions } from '../config/compose-context';
import type { OpenDocuments } from './linter';

/**
 * The files of open Compose documents' projects, for the language server. An open document's text
 * wins over the disk (an unsaved `compose.override.yaml` changes its `compose.yaml`'s findings at
 * once); disk texts are cached only while the client reports file changes, the one signal to drop them.
 */
export class ComposeProjectFiles {
  private readonly diskTexts = new Map<string, string | null | undefined>();
  private readonly source: ComposeFileSource = {
    readText: (path) => this.openText(path) ?? this.diskText(path),
    exists: diskComposeFiles.exists,
  };

  constructor(private readonly documents: OpenDocuments, private readonly cacheDisk: boolean) {}

  /**
   * Context (and the parsed document) for linting `text` as the Compose file at `uri`; undefined
   * when it is not a file. `parse` is how to parse it (see `ComposeInputOptions.parse`).
   */
  analysisInput(uri: string, text: string, maxFileSize?: number, parse?: ComposeInputOptions['parse']): ComposeAnalysisInput | undefined {
    const path = filePathOf(uri);
    return path ? composeAnalysisInput(path, text, { files: this.source, maxFileSize, parse }) : undefined;
  }

  /** Open documents whose project includes the file at `uri` (the `compose.yaml` of a changed `compose.override.yaml`, and the reverse). */
  dependents(uri: string): string[] {
    const path = filePathOf(uri);
    if (!path || !composeFileRole(path)) return [];
    const folder = dirname(path);
    const name = basename(path);
    return this.documents.all().map((document) => document.uri).filter((other) => {
      const otherPath = other !== uri ? filePathOf(other) : undefined;
      if (!otherPath || dirname(otherPath) !== folder) return false;
      const sides = composeSideFileNames(otherPath);
      return sides.before.includes(name) || sides.after.includes(name);
    });
  }

  /** A file changed on disk: drops its cached text; true when it is a Compose file another one may merge. */
  fileChanged(uri: string): boolean {
    const path = filePathOf(uri);
    if (!path || !composeFileRole(path)) return false;
    this.diskTexts.delete(path);
    return true;
  }

  private openText(path: string): string | undefined {
    return this.documents.all().find((document) => filePathOf(document.uri) === path)?.getText();
  }

  private diskText(path: string): string | null | undefined {
    if (!this.cacheDisk) return readTextFromDisk(path);
    if (!this.diskTexts.has(path)) this.diskTexts.set(path, readTextFromDisk(path));
    return this.diskTexts.get(path);
  }
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
