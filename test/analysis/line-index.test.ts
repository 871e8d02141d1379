import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detachedSlice, LineIndex } from '../../server/src/analysis/text';

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
