import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseVersionTag, compareVersions, mayHaveMoreSpecificTag, parseVersionTag, trackOf } from '../../server/src/registry/versions';

describe('version tags', () => {
  const parsed: [string, ReturnType<typeof parseVersionTag>][] = [
    ['17', { tag: '17', version: [17], variant: '', prefixedV: false, prerelease: false }],
    ['17.2-alpine', { tag: '17.2-alpine', version: [17, 2], variant: '-alpine', prefixedV: false, prerelease: false }],
    ['3.12.8-slim-bookworm', { tag: '3.12.8-slim-bookworm', version: [3, 12, 8], variant: '-slim-bookworm', prefixedV: false, prerelease: false }],
    ['v1.2.3', { tag: 'v1.2.3', version: [1, 2, 3], variant: '', prefixedV: true, prerelease: false }],
    ['20.18.1-alpine3.20', { tag: '20.18.1-alpine3.20', version: [20, 18, 1], variant: '-alpine3.20', prefixedV: false, prerelease: false }],
    ['2.0.0-rc1', { tag: '2.0.0-rc1', version: [2, 0, 0], variant: '-rc1', prefixedV: false, prerelease: true }],
    ['3.13.0b1', { tag: '3.13.0b1', version: [3, 13, 0], variant: 'b1', prefixedV: false, prerelease: true }],
    ['1.0-beta.2-alpine', { tag: '1.0-beta.2-alpine', version: [1, 0], variant: '-beta.2-alpine', prefixedV: false, prerelease: true }],
    ['5.0-alpha', { tag: '5.0-alpha', version: [5, 0], variant: '-alpha', prefixedV: false, prerelease: true }],
    ['12.2.0-devel-ubuntu22.04', { tag: '12.2.0-devel-ubuntu22.04', version: [12, 2, 0], variant: '-devel-ubuntu22.04', prefixedV: false, prerelease: false }],
    ['latest', null],
    ['alpine', null],
    ['1.2.', null],
    ['1.2-', null],
  ];
  for (const [tag, expected] of parsed) {
    it(`parses ${tag}`, () => assert.deepEqual(parseVersionTag(tag), expected));
  }

  const comparisons: [number[], number[], '<' | '=' | '>'][] = [
    [[1, 10], [1, 9], '>'],
    [[1, 10, 0], [1, 9, 9], '>'],
    [[1, 2], [1, 2, 0], '='],
    [[2], [1, 99, 99], '>'],
    [[1, 2, 3], [1, 2, 3, 1], '<'],
  ];
  for (const [a, b, relation] of comparisons) {
    it(`${a.join('.')} ${relation} ${b.join('.')} (numbers, not strings)`, () => {
      const sign = Math.sign(compareVersions(a, b));
      assert.equal(sign, relation === '<' ? -1 : relation === '=' ? 0 : 1);
    });
  }
});

describe('tag tracks (which tags may replace the current one)', () => {
  const tracks: [string | null, ReturnType<typeof trackOf>][] = [
    [null, { variant: '', versionPrefix: [], prefixedV: null }],
    ['latest', { variant: '', versionPrefix: [], prefixedV: null }],
    ['alpine', { variant: '-alpine', versionPrefix: [], prefixedV: null }],
    ['slim-bookworm', { variant: '-slim-bookworm', versionPrefix: [], prefixedV: null }],
    ['latest-alpine', { variant: '-alpine', versionPrefix: [], prefixedV: null }],
    ['17-alpine', { variant: '-alpine', versionPrefix: [17], prefixedV: false }],
    ['v2', { variant: '', versionPrefix: [2], prefixedV: true }],
    ['lts', null],
    ['lts-alpine', null],
    ['stable', null],
    ['2.0.0-rc1', null],
    ['beta', null],
  ];
  for (const [tag, expected] of tracks) {
    it(`${tag ?? '(no tag)'}`, () => assert.deepEqual(trackOf(tag), expected));
  }
});

describe('choosing the version tag to pin to', () => {
  const NODE = ['latest', 'alpine', 'lts', 'lts-alpine', '23', '23.3', '23.3.0', '23.3.0-alpine', '23-alpine', '22.11.0', '22.11.0-alpine', '22.11', '22',
    '24.0.0-rc.1', '24.0.0-rc.1-alpine', '23.3.0-slim', '23.3-slim', '20.18.1-alpine3.20', '20.18.1-alpine3.21', '20.18.1-bookworm-slim'];
  const cases: { name: string; current: string | null; tags: string[]; expected: string | null }[] = [
    { name: 'latest -> newest plain version', current: 'latest', tags: NODE, expected: '23.3.0' },
    { name: 'no tag behaves as latest', current: null, tags: NODE, expected: '23.3.0' },
    { name: 'variant word keeps its variant', current: 'alpine', tags: NODE, expected: '23.3.0-alpine' },
    { name: 'a version stays in its line', current: '22', tags: NODE, expected: '22.11.0' },
    { name: '17-alpine style: more specific, same suffix', current: '23-alpine', tags: NODE, expected: '23.3.0-alpine' },
    { name: 'suffixes match exactly (alpine3.20 is not alpine3.21)', current: '20-alpine3.20', tags: NODE, expected: '20.18.1-alpine3.20' },
    { name: 'multi-word variant', current: '23-slim', tags: NODE, expected: '23.3.0-slim' },
    { name: 'release-line aliases are not guessed', current: 'lts', tags: NODE, expected: null },
    { name: 'numbers, not strings: 1.10.0 beats 1.9.9', current: 'latest', tags: ['1.9.9', '1.10.0', '1.2.3'], expected: '1.10.0' },
    { name: 'pre-releases are never chosen', current: 'latest', tags: ['1.10.0', '2.0.0-rc1', '2.0.0-beta', '2.0.0alpha1', '2.0.0b2'], expected: '1.10.0' },
    { name: 'most specific among equal versions', current: 'latest', tags: ['1', '1.10', '1.10.0'], expected: '1.10.0' },
    { name: 'most specific among equal versions, any order', current: 'latest', tags: ['1.10.0', '1.10', '1'], expected: '1.10.0' },
    { name: 'date tags are not the version line of latest', current: 'latest', tags: ['3.20.3', '20240606', '20250108'], expected: '3.20.3' },
    { name: 'years as major versions are fine', current: 'latest', tags: ['2023.2', '2024.1'], expected: '2024.1' },
    { name: 'v-prefixed line stays v-prefixed', current: 'v1', tags: ['1.5.0', 'v1.4.0', 'v1.3.9'], expected: 'v1.4.0' },
    { name: 'without v preferred on a tie', current: 'latest', tags: ['v1.2.3', '1.2.3'], expected: '1.2.3' },
    { name: 'nothing of that variant', current: 'windowsservercore', tags: NODE, expected: null },
    { name: 'only pre-releases in the line', current: '24', tags: NODE, expected: null },
    { name: 'already the most specific', current: '22.11.0', tags: NODE, expected: '22.11.0' },
    { name: 'empty tag list', current: 'latest', tags: [], expected: null },
  ];
  for (const { name, current, tags, expected } of cases) {
    it(name, () => assert.equal(chooseVersionTag(current, tags), expected));
  }

  const offered: [string | null, boolean][] = [[null, true], ['latest', true], ['alpine', true], ['17', true], ['17.2-alpine', true], ['17.2.1', false], ['lts', false], ['2.0.0-rc1', false]];
  for (const [tag, expected] of offered) {
    it(`a version-tag pin is ${expected ? '' : 'not '}offered for ${tag ?? '(no tag)'} before any look-up`, () => assert.equal(mayHaveMoreSpecificTag(tag), expected));
  }
});
