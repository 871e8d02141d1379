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

/** A text's parts, and what the scan that found them knew at each: where `services:` is and how far its services are indented. */
export interface ComposeSplit {
  spans: ChunkSpan[];
  /** Position of the `services:` span in `spans`. */
  services: number;
  /** The indentation of every service key. */
  serviceIndent: number;
}

/**
 * The file's parts in order, or undefined when its layout is not one the incremental analyzer
 * splits. `changed`: where the text differs from one that split, so only there can lone CRs and tags
 * be new. Given `last`, the split of that text, only the lines from the part the edit starts in are
 * scanned, until a part opens past the edit where the last split had the same part in the same
 * state: the rest is the last split's, moved.
 */
export function splitComposeFile(text: string, changed?: ChangedRegion, last?: ComposeSplit): ComposeSplit | undefined {
  if (text.charCodeAt(0) === 0xfeff || (changed ? unsplittableNear(text, changed) : /\r(?!\n)/.test(text) || RESET_TAG.test(text))) return undefined;
  if (changed && last && last.spans.length > 0) return resplit(text, changed, last);
  const scan: Scan = { text, spans: [], section: 'none', serviceIndent: -1, services: -1, keyIndent: -1 };
  return scanLines(scan, 0, 0) ? finished(scan) : undefined;
}

/** The state of a scan: the spans so far, the section its lines are in, the indentation of service keys (-1 until known in the section). */
interface Scan {
  text: string;
  spans: ChunkSpan[];
  section: 'none' | 'top' | 'services';
  serviceIndent: number;
  /** Position of the `services:` span, -1 until seen. */
  services: number;
  /** The indentation of the service keys seen, -1 for none. */
  keyIndent: number;
}

/**
 * Reads lines from `start` (line number `line`) to the end, opening spans; false when the layout is
 * not one to split. `stop`, asked about each span it opens, may end the scan there (true).
 */
function scanLines(scan: Scan, start: number, line: number, stop?: (span: ChunkSpan) => boolean): boolean {
  const { text, spans } = scan;
  const open = (kind: ChunkKind, at: number, number: number): boolean => {
    if (spans.length > 0) spans[spans.length - 1].end = at;
    const span = { kind, start: at, end: text.length, line: number };
    spans.push(span);
    return stop?.(span) ?? false;
  };
  for (; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const next = newline < 0 ? text.length : newline + 1;
    const end = newline < 0 ? text.length : text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    let at = start;
    while (at < end && text.charCodeAt(at) === 32) at++;
    const indent = at - start;
    const lineStart = start;
    start = next;
    // Most lines are inside a service: deeper than its key, and nothing to decide.
    if (scan.section === 'services' && scan.serviceIndent >= 0 && indent > scan.serviceIndent && text.charCodeAt(at) !== 9) continue;
    const first = at < end ? text[at] : '';
    if (first === '\t') {
      if (text.slice(at, end).trim() !== '') return false;
      continue;
    }
    if (indent === 0 && (first === '%' || MARKER.test(text.slice(at, Math.min(end, at + 4))))) return false;
    if (first === '' || first === '#') {
      if (spans.length === 0 && open('preamble', lineStart, line)) return true;
      continue;
    }
    const keyLike = !NOT_A_KEY.has(first) && !text.startsWith('<<', at);
    if (indent === 0) {
      if (first === '-' && scan.section === 'top') continue;
      if (!keyLike) return false;
      const header = SERVICES_HEADER.test(text.slice(at, end));
      if (header && scan.services >= 0) return false;
      if (header) scan.services = spans.length;
      scan.section = header ? 'services' : 'top';
      scan.serviceIndent = -1;
      if (open(header ? 'services' : 'top', lineStart, line)) return true;
      continue;
    }
    if (scan.section === 'none') return false;
    if (scan.section === 'top') continue;
    if (scan.serviceIndent < 0) scan.serviceIndent = indent;
    if (indent < scan.serviceIndent) return false;
    if (!keyLike) return false;
    scan.keyIndent = indent;
    if (open('service', lineStart, line)) return true;
  }
  return true;
}

/** The split a scan made, or undefined without a service (service spans follow `services:`). */
function finished(scan: Scan): ComposeSplit | undefined {
  const { spans, services } = scan;
  return services >= 0 && spans[services + 1]?.kind === 'service' ? { spans, services, serviceIndent: scan.keyIndent } : undefined;
}

/** `splitComposeFile` of an edit of the text `last` split (see there). */
function resplit(text: string, changed: ChangedRegion, last: ComposeSplit): ComposeSplit | undefined {
  const old = last.spans;
  // The part the edit starts in: every line before it is the last text's, and so is the scan's state there.
  let from = 0;
  while (from + 1 < old.length && old[from + 1].start <= changed.start) from++;
  const previous = old[from - 1] as ChunkSpan | undefined;
  const spans = old.slice(0, from);
  // The part before is closed again by the first part the scan opens.
  if (previous) spans[from - 1] = { ...previous, end: text.length };
  const sawServices = last.services >= 0 && last.services < from;
  const scan: Scan = {
    text, spans,
    section: !previous || previous.kind === 'preamble' ? 'none' : previous.kind === 'top' ? 'top' : 'services',
    serviceIndent: previous?.kind === 'service' ? last.serviceIndent : -1,
    services: sawServices ? last.services : -1,
    keyIndent: last.serviceIndent,
  };
  let match = from;
  let rejoined = false;
  const rejoins = (span: ChunkSpan): boolean => {
    if (span.start < changed.end) return false;
    const before = span.start - changed.delta;
    while (match < old.length && old[match].start < before) match++;
    const same = old[match] as ChunkSpan | undefined;
    if (!same || same.start !== before || same.kind !== span.kind) return false;
    // The state after opening it: the section follows from the kind; the rest must be what the last scan had.
    rejoined = (scan.services >= 0) === (last.services >= 0 && last.services <= match) && scan.serviceIndent === (span.kind === 'service' ? last.serviceIndent : -1);
    return rejoined;
  };
  if (!scanLines(scan, old[from].start, old[from].line, rejoins)) return undefined;
  if (rejoined) {
    // The span just opened is the last split's `match`, and so are those after it, moved by the edit.
    const at = spans.length - 1;
    const lineDelta = spans[at].line - old[match].line;
    spans.pop();
    for (let i = match; i < old.length; i++) spans.push(changed.delta === 0 && lineDelta === 0 ? old[i] : moved(old[i], changed.delta, lineDelta));
    if (scan.services < 0 && last.services >= match) scan.services = last.services - match + at;
  }
  return finished(scan);
}

/** A span of the last split where an edit before it put it. */
function moved(span: ChunkSpan, delta: number, lineDelta: number): ChunkSpan {
  return { kind: span.kind, start: span.start + delta, end: span.end + delta, line: span.line + lineDelta };
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
