import type { Instruction, Run } from 'dockerfile-ast';
import type { DockerfileDoc } from './dockerfile-doc';
import type { Range } from './types';

/** A shell word: its unquoted value and where its raw text sits in the Dockerfile. */
export interface ShellWord {
  value: string;
  raw: string;
  start: number;
  end: number;
  range: Range;
}

/** A simple command and the operator that follows it (`&&`, `||`, `|`, `;`, `&`, newline, or ''). */
export interface ShellCommand {
  words: ShellWord[];
  operator: string;
  /** Leading `NAME=value` assignments are skipped: this is the index of the command name in words. */
  nameIndex: number;
  range: Range;
}

export interface ShellScript {
  form: 'shell' | 'exec' | 'heredoc' | 'empty';
  commands: ShellCommand[];
}

/** The command name (after env assignments), or '' for an empty command. */
export function commandName(command: ShellCommand): string {
  return command.words[command.nameIndex]?.value ?? '';
}

/** Words after the command name. */
export function commandArgs(command: ShellCommand): ShellWord[] {
  return command.words.slice(command.nameIndex + 1);
}

const OPERATORS = ['&&', '||', ';;', '|&', '|', ';', '&', '(', ')'];
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Reserved words that open a compound command: the simple command starts after them (`then sudo x` runs sudo). */
const OPENING_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{']);

/** Tokenises the script of a RUN into simple commands, mapping every word back to document offsets. */
export function parseShellCommands(doc: DockerfileDoc, run: Instruction): ShellScript {
  const argsRange = run.getArgumentsRange();
  if (!argsRange) return { form: 'empty', commands: [] };
  const jsonStrings = 'getJSONStrings' in run ? (run as Run).getJSONStrings() : [];
  const start = doc.lines.offsetAt(argsRange.start);
  const end = doc.lines.offsetAt(run.getRange().end);
  if (jsonStrings.length > 0 && doc.text[start] === '[') {
    const words = jsonStrings.map((arg) => {
      const range = arg.getRange();
      const s = doc.lines.offsetAt(range.start);
      const e = doc.lines.offsetAt(range.end);
      return { value: arg.getJSONValue(), raw: doc.text.slice(s, e), start: s, end: e, range };
    });
    return { form: 'exec', commands: [makeCommand(doc, words, '')] };
  }
  const tokenizer = new Tokenizer(doc, start, end, doc.ast.getEscapeCharacter());
  const heredocScript = /^<<-?\s*["']?([A-Za-z0-9_]+)/.exec(doc.text.slice(start, end));
  return { form: heredocScript ? 'heredoc' : 'shell', commands: tokenizer.commands() };
}

function makeCommand(doc: DockerfileDoc, words: ShellWord[], operator: string): ShellCommand {
  let nameIndex = 0;
  while (nameIndex < words.length - 1 && ASSIGNMENT.test(words[nameIndex].value)) nameIndex++;
  const first = words[0];
  const last = words[words.length - 1];
  return { words, operator, nameIndex, range: doc.lines.rangeOf(first?.start ?? 0, last?.end ?? 0) };
}

class Tokenizer {
  private pos: number;
  private readonly result: ShellCommand[] = [];
  private words: ShellWord[] = [];
  /** Heredoc delimiters seen on the current line, with whether their body is a shell script. */
  private pendingHeredocs: { delimiter: string; stripTabs: boolean; isScript: boolean }[] = [];

  constructor(private readonly doc: DockerfileDoc, start: number, private readonly end: number, private readonly escape: string) {
    this.pos = start;
  }

  commands(): ShellCommand[] {
    const text = this.doc.text;
    while (this.pos < this.end) {
      const ch = text[this.pos];
      if (this.skipContinuation()) continue;
      if (ch === ' ' || ch === '\t') { this.pos++; continue; }
      if (ch === '\n' || ch === '\r') { this.endLine(); continue; }
      if (ch === '#' ) { this.skipToLineEnd(); continue; }
      const op = OPERATORS.find((candidate) => text.startsWith(candidate, this.pos));
      if (op && !this.isRedirectionAmpersand()) { this.flush(op); this.pos += op.length; continue; }
      if (text.startsWith('<<', this.pos) && !text.startsWith('<<<', this.pos)) { this.readHeredocMarker(); continue; }
      this.readWord();
    }
    this.flush('');
    return this.result;
  }

  private flush(operator: string): void {
    if (this.words.length > 0) this.result.push(makeCommand(this.doc, this.words, operator));
    else if (this.result.length > 0 && operator && !this.result[this.result.length - 1].operator) this.result[this.result.length - 1].operator = operator;
    this.words = [];
  }

  /** Dockerfile line continuation: the escape character, optional blanks, a line break; comment lines after it vanish. */
  private skipContinuation(): boolean {
    const text = this.doc.text;
    if (text[this.pos] !== this.escape) return false;
    let cursor = this.pos + 1;
    while (text[cursor] === ' ' || text[cursor] === '\t') cursor++;
    if (text[cursor] !== '\n' && text[cursor] !== '\r') return false;
    if (this.pendingHeredocs.length > 0) return false;
    cursor += text.startsWith('\r\n', cursor) ? 2 : 1;
    this.pos = cursor;
    this.skipCommentLines();
    return true;
  }

  private skipCommentLines(): void {
    const text = this.doc.text;
    for (;;) {
      let cursor = this.pos;
      while (text[cursor] === ' ' || text[cursor] === '\t') cursor++;
      if (text[cursor] !== '#' || cursor >= this.end) return;
      this.pos = cursor;
      this.skipToLineEnd();
      if (this.pos < this.end) this.pos += text.startsWith('\r\n', this.pos) ? 2 : 1;
    }
  }

  private skipToLineEnd(): void {
    const text = this.doc.text;
    while (this.pos < this.end && text[this.pos] !== '\n' && text[this.pos] !== '\r') this.pos++;
  }

  /** A real line break: in a heredoc RUN it separates commands; pending heredoc bodies follow it. */
  private endLine(): void {
    const text = this.doc.text;
    this.pos += text.startsWith('\r\n', this.pos) ? 2 : 1;
    this.flush('\n');
    const heredocs = this.pendingHeredocs;
    this.pendingHeredocs = [];
    for (const heredoc of heredocs) {
      const bodyEnd = this.findDelimiterLine(heredoc.delimiter, heredoc.stripTabs);
      if (heredoc.isScript) {
        const nested = new Tokenizer(this.doc, this.pos, bodyEnd.bodyEnd, '\\');
        this.result.push(...nested.commands());
      }
      this.pos = bodyEnd.next;
    }
  }

  private findDelimiterLine(delimiter: string, stripTabs: boolean): { bodyEnd: number; next: number } {
    const text = this.doc.text;
    let lineStart = this.pos;
    while (lineStart < this.end) {
      let lineEnd = lineStart;
      while (lineEnd < this.end && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
      const line = text.slice(lineStart, lineEnd);
      if ((stripTabs ? line.replace(/^\t+/, '') : line).trim() === delimiter) return { bodyEnd: lineStart, next: lineEnd };
      lineStart = lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1);
    }
    return { bodyEnd: this.end, next: this.end };
  }

  private readHeredocMarker(): void {
    const text = this.doc.text;
    const match = /^<<(-?)\s*(["']?)([A-Za-z0-9_.-]+)\2/.exec(text.slice(this.pos, Math.min(this.end, this.pos + 200)));
    if (!match) { this.readWord(); return; }
    const isScript = this.words.length === 0 && this.result.length === 0;
    this.pendingHeredocs.push({ delimiter: match[3], stripTabs: match[1] === '-', isScript });
    this.pos += match[0].length;
  }

  private readWord(): void {
    const text = this.doc.text;
    const start = this.pos;
    let value = '';
    let depth = 0;
    while (this.pos < this.end) {
      const ch = text[this.pos];
      if (this.skipContinuation()) continue;
      if (depth === 0 && (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r')) break;
      if (depth === 0 && OPERATORS.some((op) => text.startsWith(op, this.pos)) && !this.isRedirectionAmpersand()) break;
      if (ch === "'") {
        const close = text.indexOf("'", this.pos + 1);
        const stop = close === -1 || close > this.end ? this.end : close;
        value += text.slice(this.pos + 1, stop);
        this.pos = Math.min(this.end, stop + 1);
      } else if (ch === '"') {
        this.pos++;
        while (this.pos < this.end && text[this.pos] !== '"') {
          if (this.skipContinuation()) continue;
          // Inside double quotes a backslash escapes only $ ` " and \ (POSIX); before anything else it is literal.
          if (text[this.pos] === '\\' && this.pos + 1 < this.end && '$`"\\'.includes(text[this.pos + 1])) this.pos++;
          value += text[this.pos++];
        }
        this.pos++;
      } else if (ch === '\\' && this.pos + 1 < this.end) {
        value += text[this.pos + 1];
        this.pos += 2;
      } else {
        if (text.startsWith('$(', this.pos)) { depth++; value += '$('; this.pos += 2; continue; }
        if (ch === ')' && depth > 0) depth--;
        value += ch;
        this.pos++;
      }
    }
    const end = Math.min(this.pos, this.end);
    const raw = text.slice(start, end);
    if (this.words.length === 0 && raw === value && OPENING_KEYWORDS.has(value)) return;
    this.words.push({ value, raw, start, end, range: this.doc.lines.rangeOf(start, end) });
  }

  /** `&` inside a redirection (`2>&1`, `<&3`, `&>/dev/null`) is not the background operator. */
  private isRedirectionAmpersand(): boolean {
    const text = this.doc.text;
    if (text[this.pos] !== '&' || text[this.pos + 1] === '&') return false;
    return text[this.pos - 1] === '>' || text[this.pos - 1] === '<' || text[this.pos + 1] === '>';
  }
}
