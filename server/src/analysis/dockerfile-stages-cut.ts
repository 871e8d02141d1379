/**
 * Cuts a Dockerfile's text where its stages start, with a line scan cheap enough to run on every
 * keystroke. A cut is made only where a FROM surely starts an instruction: merging two stages into
 * one piece is always correct (just slower), a cut inside an instruction never is.
 */
export interface StagePiece {
  /** Offset of the piece's first character, and its first line. */
  offset: number;
  line: number;
  text: string;
}

export interface CutDockerfile {
  /** The line break every padding line uses. */
  eol: string;
  /** Lines before the first FROM (parser directives, global ARGs, comments); may be empty. */
  prelude: StagePiece;
  /** One piece per stage (or per run of stages that could not be cut apart), in order. */
  stages: StagePiece[];
}

/** The pieces, or undefined when the text is not safe to cut (heredocs, mixed line breaks, no FROM). */
export function cutStages(text: string): CutDockerfile | undefined {
  // A heredoc body may hold a line starting with FROM; line breaks must pad identically everywhere.
  if (text.includes('<<')) return undefined;
  const crlf = text.includes('\r');
  if (crlf && /\r(?!\n)|(?<!\r)\n/.test(text)) return undefined;
  const starts: { offset: number; line: number }[] = [];
  let continued = false;
  let line = 0;
  // Lines are read in place, character by character: no copy of each line at every keystroke.
  for (let offset = 0; offset < text.length; line++) {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : crlf ? newline - 1 : newline;
    if (!continued && startsWithFrom(text, offset, end)) starts.push({ offset, line });
    let first = offset;
    while (first < end && isBlank(text.charCodeAt(first))) first++;
    let last = end - 1;
    while (last >= first && isBlank(text.charCodeAt(last))) last--;
    const escaped = last >= first && (text[last] === '\\' || text[last] === '`');
    // Blank and comment lines neither start nor end a continuation; either escape character counts,
    // whatever the directive says (one cut fewer is only slower).
    if (first < end && text[first] !== '#') continued = escaped;
    else if (escaped) continued = true;
    offset = newline < 0 ? text.length : newline + 1;
  }
  if (starts.length === 0) return undefined;
  const piece = (from: { offset: number; line: number }, to: number): StagePiece => ({ offset: from.offset, line: from.line, text: text.slice(from.offset, to) });
  return {
    eol: crlf ? '\r\n' : '\n',
    prelude: piece({ offset: 0, line: 0 }, starts[0].offset),
    stages: starts.map((start, index) => piece(start, starts[index + 1]?.offset ?? text.length)),
  };
}

/** `[ \t]*from` and then a blank or the end of the line, in any case (as /^[ \t]*from(?:[ \t]|$)/i). */
function startsWithFrom(text: string, start: number, end: number): boolean {
  let at = start;
  while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
  // Setting bit 0x20 lower-cases an ASCII letter and maps no other character onto one.
  if (end - at < 4 || (text.charCodeAt(at) | 0x20) !== 0x66 || (text.charCodeAt(at + 1) | 0x20) !== 0x72
    || (text.charCodeAt(at + 2) | 0x20) !== 0x6f || (text.charCodeAt(at + 3) | 0x20) !== 0x6d) return false;
  return at + 4 === end || text[at + 4] === ' ' || text[at + 4] === '\t';
}

/** What String.prototype.trim removes: white space and line terminators. */
function isBlank(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
