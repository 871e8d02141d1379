/**
 * Splits a Compose file into the parts the incremental analyzer parses and caches on their own:
 * one per top-level entry, and under `services:` one per service. Only block layouts whose parts
 * parse alone exactly as they do in the whole file are split; anything else (flow or indented top
 * level, document markers, directives, `!reset`/`!override`, tabs in indentation, lone CR line
 * breaks, `<<` or anchors as top-level or service keys) gets undefined, and the caller parses the
 * whole file instead.
 */

/** `preamble`: comments before the first key; `top`: a top-level entry; `services`: the `services:` line; `service`: one service. */
export type ChunkKind = 'preamble' | 'top' | 'services' | 'service';

/** One part of the file: offsets of its text (whole lines, line breaks included) and its first line. */
export interface ChunkSpan {
  kind: ChunkKind;
  start: number;
  end: number;
  line: number;
}

/** Characters that make a line at a key's indentation something other than a plain `key:` entry. */
const NOT_A_KEY = new Set(['-', '[', '{', '?', '&', '*', '!', '|', '>', '@', '`', '%', ':', ',', ']', '}']);
const SERVICES_HEADER = /^services[ \t]*:(?:[ \t]+#.*)?[ \t]*$/;
const MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/;

/**
 * The file's parts in order, or undefined when its layout is not one the incremental analyzer
 * splits. `changed`: where the text differs from one that split, so only there can lone CRs and tags be new.
 */
export function splitComposeChunks(text: string, changed?: ChangedRegion): ChunkSpan[] | undefined {
  if (text.charCodeAt(0) === 0xfeff || (changed ? unsplittableNear(text, changed) : /\r(?!\n)/.test(text) || RESET_TAG.test(text))) return undefined;
  const spans: ChunkSpan[] = [];
  let section: 'none' | 'top' | 'services' = 'none';
  let serviceIndent = -1;
  let sawServices = false;
  const open = (kind: ChunkKind, start: number, line: number): void => {
    if (spans.length > 0) spans[spans.length - 1].end = start;
    spans.push({ kind, start, end: text.length, line });
  };
  for (let start = 0, line = 0; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const next = newline < 0 ? text.length : newline + 1;
    const end = newline < 0 ? text.length : text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    let at = start;
    while (at < end && text.charCodeAt(at) === 32) at++;
    const indent = at - start;
    const lineStart = start;
    start = next;
    // Most lines are inside a service: deeper than its key, and nothing to decide.
    if (section === 'services' && serviceIndent >= 0 && indent > serviceIndent && text.charCodeAt(at) !== 9) continue;
    const first = at < end ? text[at] : '';
    if (first === '\t') {
      if (text.slice(at, end).trim() !== '') return undefined;
      continue;
    }
    if (indent === 0 && (first === '%' || MARKER.test(text.slice(at, Math.min(end, at + 4))))) return undefined;
    if (first === '' || first === '#') {
      if (spans.length === 0) open('preamble', lineStart, line);
      continue;
    }
    const keyLike = !NOT_A_KEY.has(first) && !text.startsWith('<<', at);
    if (indent === 0) {
      if (first === '-' && section === 'top') continue;
      if (!keyLike) return undefined;
      const header = SERVICES_HEADER.test(text.slice(at, end));
      if (header && sawServices) return undefined;
      sawServices ||= header;
      section = header ? 'services' : 'top';
      serviceIndent = -1;
      open(header ? 'services' : 'top', lineStart, line);
      continue;
    }
    if (section === 'none') return undefined;
    if (section === 'top') continue;
    if (serviceIndent < 0) serviceIndent = indent;
    if (indent < serviceIndent) return undefined;
    if (!keyLike) return undefined;
    open('service', lineStart, line);
  }
  return sawServices && spans.some((span) => span.kind === 'service') ? spans : undefined;
}

const RESET_TAG = /!(reset|override)\b/;
const RESET_TAG_AT = /!(reset|override)\b/y;

/** A lone CR or a `!reset`/`!override` tag touching the changed region (elsewhere the text is that of a text that split). */
function unsplittableNear(text: string, changed: ChangedRegion): boolean {
  // A CR is lone by its own character and the next one: only those at `start - 1` to `end - 1` can have changed.
  for (let at = Math.max(0, changed.start - 1); at < changed.end; at++) if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) !== 10) return true;
  // A tag and the character after it span at most 10 characters; one cut off by the window's end is checked in the whole text.
  const from = Math.max(0, changed.start - 10);
  const tags = new RegExp(RESET_TAG.source, 'g');
  const window = text.slice(from, changed.end + 10);
  for (let found = tags.exec(window); found; found = tags.exec(window)) {
    RESET_TAG_AT.lastIndex = from + found.index;
    if (RESET_TAG_AT.test(text)) return true;
  }
  return false;
}

/** Where two versions of a text differ: `start` and `end` in the new one, `delta` its change of length. */
export interface ChangedRegion {
  start: number;
  end: number;
  delta: number;
}

/** The region between the longest common prefix and suffix, found by comparing blocks (fast native compares). */
export function changedRegion(before: string, after: string): ChangedRegion {
  const shorter = Math.min(before.length, after.length);
  const prefix = commonLength(before, after, shorter, (i, k) => [i, i + k]);
  const suffix = commonLength(before, after, shorter - prefix, (i, k) => [-i - k, -i]);
  return { start: prefix, end: after.length - suffix, delta: after.length - before.length };
}

/** How many characters match, from the start or (with negative bounds) from the end, up to `max`. */
function commonLength(a: string, b: string, max: number, bounds: (done: number, size: number) => [number, number]): number {
  let done = 0;
  let size = 4096;
  while (done < max) {
    const k = Math.min(size, max - done);
    const [from, to] = bounds(done, k);
    if (slice(a, from, to) === slice(b, from, to)) done += k;
    else if (k > 1) size = k >> 1;
    else return done;
  }
  return done;
}

/** `text.slice` where negative bounds count from the end, and `-0` is the end. */
function slice(text: string, from: number, to: number): string {
  return text.slice(from < 0 ? text.length + from : from, to < 0 || Object.is(to, -0) ? text.length + to : to);
}
