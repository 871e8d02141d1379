// The --fix loop and the dry-run diff, in-process with rules made for the purpose.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRule, type Rule } from '../../server/src/analysis/rule';
import { insertAt, replace } from '../../server/src/analysis/text';
import { defaultSettings, type AnalysisContext } from '../../server/src/analysis/types';
import { unifiedDiff } from '../../server/src/cli/diff';
import { fixDocument, MAX_FIX_PASSES } from '../../server/src/cli/fix';

/** `install` without `-y` gets ` -y` inserted after it. */
const addYes = defineRule({
  id: 'test-add-yes', kind: 'dockerfile', title: 't', severity: 'warning', aliases: [], fixable: true,
  messages: { m: 'add -y' },
  check(doc, report) {
    for (let line = 0; line < doc.lines.lineCount; line++) {
      const at = doc.lines.lineText(line).indexOf('install');
      if (at < 0 || doc.lines.lineText(line).includes('install -y')) continue;
      const end = { line, character: at + 'install'.length };
      report({ range: { start: { line, character: at }, end }, messageId: 'm', fixes: [{ title: 'Add -y', edits: [insertAt(end, ' -y')], safe: true }] });
    }
  },
});

/** Two rules that rewrite the same word: only one can win a pass. */
function rewriteWord(id: string, from: string, to: string, safe = true): Rule<'dockerfile'> {
  return defineRule({
    id, kind: 'dockerfile', title: 't', severity: 'warning', aliases: [], fixable: true, messages: { m: `${from} -> ${to}` },
    check(doc, report) {
      const offset = doc.text.indexOf(from);
      if (offset < 0) return;
      const range = doc.lines.rangeOf(offset, offset + from.length);
      report({ range, messageId: 'm', fixes: [{ title: `Use ${to}`, edits: [replace(range, to)], safe }] });
    },
  });
}

/** Needs a `.dockerignore` line; creates the file when there is none. */
const ignoreGit = defineRule({
  id: 'test-ignore-git', kind: 'dockerfile', title: 't', severity: 'warning', aliases: [], fixable: true, messages: { m: 'ignore .git' },
  check(doc, report, ctx) {
    const current = ctx.context.dockerignore;
    if (current === undefined || current?.split(/\r?\n/).includes('.git')) return;
    const end = current === null ? { line: 0, character: 0 } : { line: current.split('\n').length - 1, character: current.split('\n').at(-1)!.length };
    report({ range: doc.lines.rangeOf(0, 4), messageId: 'm', fixes: [{ title: 'Ignore .git', edits: [], safe: true,
      sideFiles: [{ path: '.dockerignore', create: current === null, edits: [insertAt(end, `${current && !current.endsWith('\n') ? '\n' : ''}.git\n`)] }] }] });
  },
});

/** Never satisfied: every pass appends another character. */
const restless = defineRule({
  id: 'test-restless', kind: 'dockerfile', title: 't', severity: 'warning', aliases: [], fixable: true, messages: { m: 'more' },
  check(doc, report) {
    const end = doc.lines.positionAt(doc.text.length);
    report({ range: { start: end, end }, messageId: 'm', fixes: [{ title: 'More', edits: [insertAt(end, '#')], safe: true }] });
  },
});

function fix(text: string, rules: Rule<'dockerfile'>[], context: AnalysisContext = {}, sideFiles: Record<string, string> = {}) {
  return fixDocument({ text, kind: 'dockerfile', settings: defaultSettings, context, readSideFile: (path) => sideFiles[path] ?? null, analyzeOptions: { rules } });
}

describe('fix engine', () => {
  it('applies the safe fix of every finding and reports what is left', () => {
    const result = fix('FROM debian:12\nRUN apt-get install curl\nRUN apt-get install git\n', [addYes]);
    assert.equal(result.text, 'FROM debian:12\nRUN apt-get install -y curl\nRUN apt-get install -y git\n');
    assert.equal(result.fixedCount, 2);
    assert.deepEqual(result.remaining, []);
  });

  it('keeps CRLF line breaks', () => {
    assert.equal(fix('FROM debian:12\r\nRUN apt-get install curl\r\n', [addYes]).text, 'FROM debian:12\r\nRUN apt-get install -y curl\r\n');
  });

  it('never applies fixes that are not marked safe', () => {
    const result = fix('FROM alpine:latest\n', [rewriteWord('test-unsafe', 'latest', '3.20', false)]);
    assert.equal(result.text, 'FROM alpine:latest\n');
    assert.equal(result.fixedCount, 0);
    assert.equal(result.remaining.length, 1);
  });

  it('skips a fix overlapping one already taken, and retries it on the next pass', () => {
    // The first rule turns "latest" into "edge"; the second then sees "edge" and turns it into "3.20".
    const result = fix('FROM alpine:latest\n', [rewriteWord('test-a', 'latest', 'edge'), rewriteWord('test-b', 'latest', 'stable'), rewriteWord('test-c', 'edge', '3.20')]);
    assert.equal(result.text, 'FROM alpine:3.20\n');
    assert.equal(result.fixedCount, 2);
  });

  it('stops after the pass limit when fixes keep producing findings', () => {
    const result = fix('FROM alpine:3.20\n', [restless]);
    assert.equal(result.fixedCount, MAX_FIX_PASSES);
    assert.equal(result.text, `FROM alpine:3.20\n${'#'.repeat(MAX_FIX_PASSES)}`);
    assert.equal(result.remaining.length, 1);
  });

  it('creates or extends side files, and re-analyses with them', () => {
    const created = fix('FROM alpine:3.20\n', [ignoreGit], { dockerignore: null });
    assert.deepEqual(created.sideFiles, [{ path: '.dockerignore', before: null, after: '.git\n' }]);
    assert.deepEqual(created.remaining, []);
    const extended = fix('FROM alpine:3.20\n', [ignoreGit], { dockerignore: 'node_modules' }, { '.dockerignore': 'node_modules' });
    assert.deepEqual(extended.sideFiles, [{ path: '.dockerignore', before: 'node_modules', after: 'node_modules\n.git\n' }]);
  });
});

describe('dry-run diff', () => {
  it('shows changed lines with context in unified form', () => {
    const before = ['FROM debian:12', 'RUN a', 'RUN b', 'RUN c', 'RUN d', 'RUN e', 'RUN f', 'RUN g', 'RUN h', 'RUN apt-get install x', ''].join('\n');
    const after = before.replace('RUN a', 'RUN a2').replace('install x', 'install -y x');
    assert.equal(unifiedDiff('a/Dockerfile', 'b/Dockerfile', before, after), [
      '--- a/Dockerfile', '+++ b/Dockerfile',
      '@@ -1,5 +1,5 @@', ' FROM debian:12', '-RUN a', '+RUN a2', ' RUN b', ' RUN c', ' RUN d',
      '@@ -7,4 +7,4 @@', ' RUN f', ' RUN g', ' RUN h', '-RUN apt-get install x', '+RUN apt-get install -y x', '',
    ].join('\n'));
  });

  it('shows a created file against /dev/null, and nothing for no change', () => {
    assert.equal(unifiedDiff('/dev/null', 'b/.dockerignore', '', '.git\n'), '--- /dev/null\n+++ b/.dockerignore\n@@ -0,0 +1,1 @@\n+.git\n');
    assert.equal(unifiedDiff('a', 'b', 'same\n', 'same\n'), '');
  });
});
