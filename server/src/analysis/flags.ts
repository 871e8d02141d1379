import type { Flag } from 'dockerfile-ast';
import type { DockerfileDoc } from './dockerfile-doc';
import type { Range } from './types';

/** A flag (`--platform=linux/amd64`) and the blanks after it, so that removing it leaves `FROM image`. */
export function flagRemovalRange(doc: DockerfileDoc, flag: Flag): Range {
  const range = flag.getRange();
  const end = doc.lines.offsetAt(range.end);
  const blanks = /^[ \t]*/.exec(doc.text.slice(end))?.[0].length ?? 0;
  return { start: range.start, end: doc.lines.positionAt(end + blanks) };
}

/** A flag value without its surrounding quotes (`"$BUILDPLATFORM"` -> `$BUILDPLATFORM`). */
export function flagValue(flag: Flag): string {
  return (flag.getValue() ?? '').replace(/^(["'])(.*)\1$/, '$2');
}
