import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/analysis/text';
import type { Finding, Fix, TextEdit } from '../../server/src/analysis/types';
import { editCapabilities, fixAllEdits, fixToWorkspaceEdit } from '../../server/src/lsp/workspace-edits';

const at = (line: number, start: number, end = start) => ({ start: { line, character: start }, end: { line, character: end } });
const edit = (line: number, start: number, end: number, newText: string): TextEdit => ({ range: at(line, start, end), newText });

function finding(...fixes: Fix[]): Finding {
  return { rule: 'some-rule', aliases: [], severity: 'warning', message: 'm', messageId: 'm', range: at(0, 0), fixes };
}

describe('fixAllEdits', () => {
  const text = 'from alpine\nworkdir app\n';

  it('takes the preferred safe fix of each finding and skips unsafe ones', () => {
    const edits = fixAllEdits(text, [
      finding({ title: 'upper FROM', edits: [edit(0, 0, 4, 'FROM')], safe: true }),
      finding({ title: 'absolute', edits: [edit(1, 8, 11, '/app')], safe: false, preferred: true }, { title: 'upper WORKDIR', edits: [edit(1, 0, 7, 'WORKDIR')], safe: true }),
    ]);
    assert.equal(applyEdits(text, edits), 'FROM alpine\nWORKDIR app\n');
  });

  it('prefers the preferred one among several safe fixes', () => {
    const edits = fixAllEdits(text, [finding({ title: 'a', edits: [edit(0, 0, 4, 'A')], safe: true }, { title: 'b', edits: [edit(0, 0, 4, 'B')], safe: true, preferred: true })]);
    assert.equal(applyEdits(text, edits), 'B alpine\nworkdir app\n');
  });

  it('drops a fix that overlaps one already taken, and fixes that touch other files', () => {
    const edits = fixAllEdits(text, [
      finding({ title: 'first', edits: [edit(0, 0, 5, 'FROM ')], safe: true }),
      finding({ title: 'overlaps', edits: [edit(0, 2, 8, 'x')], safe: true }),
      finding({ title: 'same insertion point', edits: [edit(0, 0, 0, '# ')], safe: true }),
      finding({ title: 'side file', edits: [edit(1, 0, 7, 'WORKDIR')], sideFiles: [{ path: '.dockerignore', create: true, edits: [edit(0, 0, 0, '.git\n')] }], safe: true }),
      finding({ title: 'adjacent', edits: [edit(0, 5, 5, '[adjacent]')], safe: true }),
    ]);
    assert.equal(applyEdits(text, edits), 'FROM [adjacent]alpine\nworkdir app\n');
  });

  it('drops a fix whose own edits overlap', () => {
    assert.deepEqual(fixAllEdits(text, [finding({ title: 'self', edits: [edit(0, 0, 4, 'a'), edit(0, 2, 6, 'b')], safe: true })]), []);
  });
});

describe('fixToWorkspaceEdit', () => {
  const full = editCapabilities({ workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename'] } } });
  const noCreate = editCapabilities({ workspace: { workspaceEdit: { documentChanges: true } } });
  const plain = editCapabilities({});
  const target = { uri: 'file:///work/app/Dockerfile', version: 3 };
  const dockerignore: Fix = {
    title: 'Add .dockerignore',
    edits: [edit(0, 0, 0, '# see .dockerignore\n')],
    sideFiles: [{ path: '.dockerignore', create: true, edits: [edit(0, 0, 0, '.git\n.env\n')] }],
    safe: true,
  };

  it('reads what the client can apply', () => {
    assert.deepEqual(full, { documentChanges: true, createFiles: true });
    assert.deepEqual(noCreate, { documentChanges: true, createFiles: false });
    assert.deepEqual(plain, { documentChanges: false, createFiles: false });
  });

  it('creates a side file next to the document with CreateFile + TextDocumentEdit', () => {
    assert.deepEqual(fixToWorkspaceEdit(dockerignore, target, full), {
      documentChanges: [
        { textDocument: { uri: target.uri, version: 3 }, edits: dockerignore.edits },
        { kind: 'create', uri: 'file:///work/app/.dockerignore', options: { ignoreIfExists: true } },
        { textDocument: { uri: 'file:///work/app/.dockerignore', version: null }, edits: dockerignore.sideFiles![0].edits },
      ],
    });
  });

  it('is not offered when the client cannot create files, or the document has no folder', () => {
    assert.equal(fixToWorkspaceEdit(dockerignore, target, noCreate), undefined);
    assert.equal(fixToWorkspaceEdit(dockerignore, { uri: 'untitled:Untitled-1', version: 1 }, full), undefined);
  });

  it('extends an existing side file, resolving paths relative to the document folder', () => {
    const extend: Fix = { title: 'Ignore .env', edits: [], sideFiles: [{ path: '../.dockerignore', create: false, edits: [edit(2, 0, 0, '.env\n')] }], safe: true };
    assert.deepEqual(fixToWorkspaceEdit(extend, target, noCreate), {
      documentChanges: [{ textDocument: { uri: 'file:///work/.dockerignore', version: null }, edits: extend.sideFiles![0].edits }],
    });
    assert.deepEqual(fixToWorkspaceEdit(extend, target, plain), { changes: { [target.uri]: [], 'file:///work/.dockerignore': extend.sideFiles![0].edits } });
  });

  it('uses plain changes for a client without documentChanges', () => {
    const fix: Fix = { title: 'x', edits: [edit(0, 0, 4, 'FROM')], safe: true };
    assert.deepEqual(fixToWorkspaceEdit(fix, target, plain), { changes: { [target.uri]: fix.edits } });
    assert.deepEqual(fixToWorkspaceEdit(fix, target, full), { documentChanges: [{ textDocument: { uri: target.uri, version: 3 }, edits: fix.edits }] });
  });
});
