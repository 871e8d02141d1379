import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { DEFAULT_MAX_FILE_SIZE } from '../analysis/input-guard';

/** A file's text as the analysis sees it, plus what is needed to write it back unchanged in form. */
export interface SourceText {
  text: string;
  /** The file started with a UTF-8 byte-order mark (removed from `text`, restored on write). */
  bom: boolean;
  /** Some bytes were not valid UTF-8 and were decoded as U+FFFD; writing it back would lose them. */
  lossy: boolean;
}

export type ReadOutcome =
  | { ok: true; source: SourceText }
  | { ok: false; reason: 'unreadable'; detail: string }
  | { ok: false; reason: 'tooLarge'; bytes: number };


const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

/** Reads a file to lint; one past `maxBytes` (`maxFileSize`) is not even read: analysis would decline it. */
export function readSource(path: string, maxBytes: number = DEFAULT_MAX_FILE_SIZE): ReadOutcome {
  try {
    const size = statSync(path).size;
    if (size > maxBytes) return { ok: false, reason: 'tooLarge', bytes: size };
    return { ok: true, source: decode(readFileSync(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: 'unreadable', detail: code ?? (error as Error).message };
  }
}

export function decode(bytes: Uint8Array): SourceText {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // TextDecoder drops a leading BOM by default, so `text` never starts with U+FEFF.
  try {
    return { text: strictDecoder.decode(bytes), bom, lossy: false };
  } catch {
    return { text: lenientDecoder.decode(bytes), bom, lossy: true };
  }
}

export function writeSource(path: string, text: string, bom: boolean): void {
  writeFileSync(path, (bom ? '\ufeff' : '') + text, 'utf8');
}

/** Reads a side file (`.dockerignore`) for `--fix`: its text, or null when it does not exist. */
export function readSideFile(path: string): SourceText | null {
  try {
    return decode(readFileSync(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
