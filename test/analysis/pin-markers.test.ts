import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { ComposeDoc } from '../../server/src/analysis/compose-doc';
import { serviceImage } from '../../server/src/analysis/compose-image';
import { pinnableServiceImage } from '../../server/src/analysis/pinning';
import { defaultSettings } from '../../server/src/analysis/types';

/** Which findings carry a pin marker (the image text and its exact range), and which do not. */
function pins(text: string, rule: string): unknown[] {
  const settings = { ...defaultSettings, severityOverrides: { 'image-digest-unpinned': 'warning' as const } };
  return analyze(text, 'dockerfile', settings).filter((finding) => finding.rule === rule).map((finding) => finding.pin ?? null);
}

const at = (line: number, start: number, end: number): { start: { line: number; character: number }; end: { line: number; character: number } } =>
  ({ start: { line, character: start }, end: { line, character: end } });

describe('pin markers on image findings', () => {
  it('image-latest-tag marks the whole reference, not just the word latest', () => {
    assert.deepEqual(pins('FROM postgres:latest\n', 'image-latest-tag'), [{ image: 'postgres:latest', range: at(0, 5, 20) }]);
  });

  it('image-untagged marks a literal image, after flags', () => {
    assert.deepEqual(pins('FROM --platform=linux/amd64 127.0.0.1:5055/library/tiny AS x\n', 'image-untagged'), [{ image: '127.0.0.1:5055/library/tiny', range: at(0, 28, 55) }]);
  });

  it('image-digest-unpinned marks the reference', () => {
    assert.deepEqual(pins('FROM alpine:3.20\r\nRUN true\r\nFROM node:22-alpine\r\n', 'image-digest-unpinned'),
      [{ image: 'alpine:3.20', range: at(0, 5, 16) }, { image: 'node:22-alpine', range: at(2, 5, 19) }]);
  });

  it('no marker where the reference is not written in place: ARG defaults', () => {
    assert.deepEqual(pins('ARG BASE=debian\nFROM $BASE\n', 'image-untagged'), [null]);
    assert.deepEqual(pins('ARG BASE=node:20\nFROM ${BASE}\n', 'image-digest-unpinned'), [null]);
    assert.deepEqual(pins('ARG REG=ghcr.io\nFROM ${REG}/app:latest\n', 'image-latest-tag'), [null]);
  });

  it('a reference on a continuation line is marked where it is', () => {
    assert.deepEqual(pins('FROM \\\n  postgres:latest\n', 'image-latest-tag'), [{ image: 'postgres:latest', range: at(1, 2, 17) }]);
  });
});

describe('pin markers for Compose service images (for service-image-untagged / service-image-latest)', () => {
  const marker = (text: string): unknown => {
    const image = serviceImage(new ComposeDoc(text).services[0]);
    return image ? pinnableServiceImage(image) ?? null : 'no image';
  };

  it('plain and quoted values: the range is the reference, inside the quotes', () => {
    assert.deepEqual(marker('services:\n  db:\n    image: postgres:latest\n'), { image: 'postgres:latest', range: at(2, 11, 26) });
    assert.deepEqual(marker('services:\n  db:\n    image: "postgres"\n'), { image: 'postgres', range: at(2, 12, 20) });
  });

  it('no marker for interpolated references or values that are not written in place', () => {
    assert.equal(marker('services:\n  db:\n    image: ${REGISTRY}/postgres:latest\n'), null);
    assert.equal(marker('x-db: &db postgres:latest\nservices:\n  db:\n    image: *db\n'), null);
  });
});
