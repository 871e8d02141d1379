/** A unified diff (3 lines of context) for `--fix-dry-run`; line-based, line breaks not shown. */
export function unifiedDiff(oldName: string, newName: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const hunks: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].op === ' ') { i++; continue; }
    // Grow a hunk over changes that are at most 2*context equal lines apart.
    const start = Math.max(0, i - context);
    let end = i;
    for (let j = i; j < ops.length; j++) {
      if (ops[j].op !== ' ') end = j;
      else if (j - end > 2 * context) break;
    }
    const stop = Math.min(ops.length, end + 1 + context);
    const slice = ops.slice(start, stop);
    const oldStart = ops[start].a;
    const newStart = ops[start].b;
    const oldCount = slice.filter((op) => op.op !== '+').length;
    const newCount = slice.filter((op) => op.op !== '-').length;
    hunks.push(`@@ -${oldStart + (oldCount ? 1 : 0)},${oldCount} +${newStart + (newCount ? 1 : 0)},${newCount} @@`);
    for (const op of slice) hunks.push(op.op + op.line);
    i = stop;
  }
  return [`--- ${oldName}`, `+++ ${newName}`, ...hunks].join('\n') + '\n';
}

interface Op {
  op: ' ' | '-' | '+';
  line: string;
  /** Lines of `a` / `b` before this one (0-based positions for hunk headers). */
  a: number;
  b: number;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Common prefix and suffix trimmed, then an LCS table over the middle (fixes change little). */
function diffLines(a: string[], b: string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const ops: Op[] = [];
  for (let k = 0; k < prefix; k++) ops.push({ op: ' ', line: a[k], a: k, b: k });
  ops.push(...middle(midA, midB, prefix));
  for (let k = 0; k < suffix; k++) {
    const ai = a.length - suffix + k;
    ops.push({ op: ' ', line: a[ai], a: ai, b: b.length - suffix + k });
  }
  return ops;
}

function middle(a: string[], b: string[], offset: number): Op[] {
  const ops: Op[] = [];
  if (a.length * b.length > 4_000_000) {
    // Too big for a table: show the middle as replaced wholesale.
    a.forEach((line, k) => ops.push({ op: '-', line, a: offset + k, b: offset }));
    b.forEach((line, k) => ops.push({ op: '+', line, a: offset + a.length, b: offset + k }));
    return ops;
  }
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { ops.push({ op: ' ', line: a[i], a: offset + i, b: offset + j }); i++; j++; }
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) { ops.push({ op: '-', line: a[i], a: offset + i, b: offset + j }); i++; }
    else { ops.push({ op: '+', line: b[j], a: offset + i, b: offset + j }); j++; }
  }
  return ops;
}
