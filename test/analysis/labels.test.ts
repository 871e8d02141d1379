import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileDoc } from '../../server/src/analysis/dockerfile-doc';
import { dependsOnBuildArgs, isSpdxExpression, isValidLabelValue, labelPairs } from '../../server/src/analysis/labels';

describe('label pairs', () => {
  it('reads unquoted keys and values with their ranges, across continuations', () => {
    const doc = new DockerfileDoc('FROM a\nLABEL "com.x"="v 1" b=\'q\' \\\n  c=plain\nLABEL legacy some value\nONBUILD LABEL skipped=1');
    const pairs = labelPairs(doc.instructions);
    assert.deepEqual(pairs.map((pair) => [pair.key, pair.value]), [['com.x', 'v 1'], ['b', 'q'], ['c', 'plain'], ['legacy', 'some value']]);
    assert.equal(doc.textOf(pairs[0].keyRange), '"com.x"');
    assert.equal(doc.textOf(pairs[2].range), 'plain');
  });
  it('uses the key range when a pair has no value', () => {
    const doc = new DockerfileDoc('FROM a\nLABEL lonely');
    const [pair] = labelPairs(doc.instructions);
    assert.equal(pair.value, null);
    assert.deepEqual(pair.range, pair.keyRange);
  });
});

describe('label value formats', () => {
  const cases: [Parameters<typeof isValidLabelValue>[0], string[], string[]][] = [
    ['url', ['https://example.com', 'mailto:a@b.c', 'git+ssh://git@host/x.git'], ['not-url', 'example.com', 'https://a b', '']],
    ['rfc3339', ['2021-03-10T10:26:33.564595127+01:00', '2024-02-29T00:00:00Z', '2016-12-31T23:59:60Z'], ['2023-02-29T00:00:00Z', '2024-05-01', '2024-05-01T24:00:00Z', '2024-05-01T12:00:00+25:00']],
    ['hash', ['2dbfae9', '43c572f1272b6b3171dd1db9e41b7027128ce080', 'a'.repeat(64)], ['2dbfae', 'xyz1234', 'a'.repeat(41)]],
    ['semver', ['1.0.0', '2.0.1-rc1', '1.0.0+20130313144700'], ['1.0', 'v1.0.0', '1.0.0-', '01.0.0']],
    ['email', ['abcd@google.com', 'a.b+c@x-y.example', '"a b"@example.com'], ['not-email', 'a@', '@b.c', 'a..b@c.d', 'A <a@b.c>']],
    ['text', ['', 'anything'], []],
  ];
  for (const [format, good, bad] of cases) {
    it(`${format}: accepts ${good.length} and rejects ${bad.length} values`, () => {
      for (const value of good) assert.ok(isValidLabelValue(format, value), `${format} should accept ${value}`);
      for (const value of bad) assert.ok(!isValidLabelValue(format, value), `${format} should reject ${value}`);
    });
  }
  it('spdx: ids, case-insensitive, +, LicenseRef, AND/OR/WITH and parentheses', () => {
    for (const value of ['MIT', 'mit', 'BSD-3-Clause', 'GPL-2.0+', 'LicenseRef-acme-1', '(MIT OR Apache-2.0) AND Zlib', 'GPL-2.0-only WITH Classpath-exception-2.0']) {
      assert.ok(isSpdxExpression(value), value);
    }
    for (const value of ['not-spdx', '', 'MIT OR', 'AND MIT', '(MIT', 'MIT)', 'MIT WITH MIT', 'Apache 2.0']) assert.ok(!isSpdxExpression(value), value);
  });
  it('values with build arguments are left alone', () => {
    assert.ok(dependsOnBuildArgs('${BUILD_DATE}'));
    assert.ok(dependsOnBuildArgs('v$VERSION'));
    assert.ok(!dependsOnBuildArgs('costs $5'));
  });
});
