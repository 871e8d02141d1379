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

const FROM_LINE = /^[ \t]*from(?:[ \t]|$)/i;

/** The pieces, or undefined when the text is not safe to cut (heredocs, mixed line breaks, no FROM). */
export function cutStages(text: string): CutDockerfile | undefined {
  // A heredoc body may hold a line starting with FROM; line breaks must pad identically everywhere.
  if (text.includes('<<')) return undefined;
  const crlf = text.includes('\r');
  if (crlf && /\r(?!\n)|(?<!\r)\n/.test(text)) return undefined;
  const starts: { offset: number; line: number }[] = [];
  let continued = false;
  let line = 0;
  for (let offset = 0; offset < text.length; line++) {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline;
    const content = text.slice(offset, crlf && newline >= 0 ? end - 1 : end);
    const trimmed = content.trim();
    if (!continued && FROM_LINE.test(content)) starts.push({ offset, line });
    // Blank and comment lines neither start nor end a continuation; either escape character counts,
    // whatever the directive says (one cut fewer is only slower).
    if (trimmed !== '' && !trimmed.startsWith('#')) continued = trimmed.endsWith('\\') || trimmed.endsWith('`');
    else if (trimmed.endsWith('\\') || trimmed.endsWith('`')) continued = true;
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
