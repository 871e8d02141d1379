import type { Copy, Instruction } from 'dockerfile-ast';
import type { DockerfileDoc } from './dockerfile-doc';
import { heredocsOf } from './instruction-text';
import { comparePositions } from './text';
import type { Range } from './types';

/** A COPY/ADD path with quotes removed and the range of its raw text. */
export interface PathArgument {
  value: string;
  /** The source text without surrounding quotes and with escapes kept (Windows paths such as c:\app), given the document. */
  raw: string;
  range: Range;
}

/**
 * Sources and destination of a COPY or ADD (shell form, JSON form or heredoc form), flags left out.
 * Pass the document for exact texts: `raw` with escapes kept, JSON strings with their spaces.
 */
export function copyPaths(instruction: Instruction, doc?: DockerfileDoc): { sources: PathArgument[]; destination: PathArgument | undefined } {
  const copy = instruction as Copy;
  const json = 'getJSONStrings' in copy ? copy.getJSONStrings() : [];
  let paths: PathArgument[];
  if (json.length > 0) {
    paths = json.map((arg) => {
      const value = doc ? jsonString(doc.textOf(arg.getRange())) ?? arg.getJSONValue() : arg.getJSONValue();
      return { value, raw: value, range: arg.getRange() };
    });
  } else {
    const bodies = heredocsOf(copy)
      .flatMap((heredoc) => [heredoc.getContentRange(), heredoc.getDelimiterRange()])
      .filter((range): range is Range => range !== null);
    paths = instruction.getArguments()
      .filter((arg) => !bodies.some((body) => contains(body, arg.getRange())))
      .map((arg) => ({ value: unquote(arg.getValue()), raw: unquote(doc ? doc.textOf(arg.getRange()) : arg.getValue()), range: arg.getRange() }));
  }
  return { sources: paths.slice(0, -1), destination: paths.length > 1 ? paths[paths.length - 1] : undefined };
}

function contains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

/** dockerfile-ast drops spaces inside JSON strings ("a b" -> ab), so the text is decoded here. */
function jsonString(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function unquote(value: string): string {
  return /^(["']).*\1$/s.test(value) && value.length >= 2 ? value.slice(1, -1) : value;
}

/** Value of `--from=` wherever it sits among the flags (dockerfile-ast's getFromFlag only sees it first). */
export function copyFromValue(instruction: Instruction): string | undefined {
  const flags = 'getFlags' in instruction ? (instruction as Copy).getFlags() : [];
  return flags.find((flag) => flag.getName().toLowerCase() === 'from')?.getValue() ?? undefined;
}
