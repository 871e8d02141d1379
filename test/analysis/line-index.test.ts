import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { changedRegion } from '../../server/src/analysis/compose-chunks';
import { detachedSlice, LineIndex } from '../../server/src/analysis/text';

/** Every offset's position (the line starts and ends as the index sees them). */
function positions(index: LineIndex): string {
  return Array.from({ length: index.text.length + 1 }, (_, offset) => {
    const { line, character } = index.positionAt(offset);
    return `${line}:${character}`;
  }).join(' ');
}

describe('LineIndex after an edit', () => {
  it('is the index of the new text, whatever the edit does to line breaks (\\n, \\r\\n, lone \\r)', () => {
    const piece = fc.constantFrom('', 'x', '\n', '\r\n', '\r', 'a\nb', '\n\n', 'é\n');
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), piece), { minLength: 1, maxLength: 30 }), (edits) => {
      let text = 'a\nb\r\nc\n';
      let index = new LineIndex(text);
      for (const [at, length, inserted] of edits) {
        const offset = at % (text.length + 1);
        const next = text.slice(0, offset) + inserted + text.slice(offset + length);
        index = new LineIndex(next, index, changedRegion(text, next));
        assert.equal(positions(index), positions(new LineIndex(next)), JSON.stringify(next));
        text = next;
      }
    }), { numRuns: 300 });
  });
});

describe('LineIndex.eol', () => {
  it('is the document\'s line break, found once (fixes ask for it per edit, on large files too)', () => {
    assert.equal(new LineIndex('a\nb\n').eol, '\n');
    assert.equal(new LineIndex('a\r\nb\r\n').eol, '\r\n');
    const big = new LineIndex('x: 1\n'.repeat(400_000));
    const started = Date.now();
    for (let i = 0; i < 100_000; i++) assert.equal(big.eol, '\n');
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });
});

describe('detachedSlice', () => {
  it('is the slice of the text, short or long, at either end', () => {
    const text = 'services:\n  web:\n    image: nginx:1.27\n';
    for (const [start, end] of [[0, 0], [0, 3], [10, 18], [0, text.length], [18, text.length]]) assert.equal(detachedSlice(text, start, end), text.slice(start, end));
  });
});
