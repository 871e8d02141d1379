import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';

/** The rules these cases are written around; findings of other rules (hardening suggestions on every service) are left out. */
const RULES = new Set(['compose-yaml-syntax', 'service-image-untagged', 'service-image-latest', 'reference-undefined']);

function rulesAt(text: string): string[] {
  return analyze(text, 'compose', undefined, { onRuleError: (id, error) => assert.fail(`${id}: ${String(error)}`) })
    .filter((f) => RULES.has(f.rule)).map((f) => `${f.range.start.line + 1}:${f.rule}`);
}

const APP = 'services:\n  web:\n    image: nginx\n    depends_on: [dbb]\n  db:\n    image: postgres:latest\n';

describe('suppression comments in Compose files', () => {
  it('without comments every finding shows', () => {
    assert.deepEqual(rulesAt(APP), ['3:service-image-untagged', '4:reference-undefined', '6:service-image-latest']);
  });

  it('# container-hygiene ignore= above a key covers its whole block', () => {
    const text = APP.replace('  web:\n', '  # container-hygiene ignore=service-image-untagged,reference-undefined\n  web:\n');
    assert.deepEqual(rulesAt(text), ['7:service-image-latest']);
  });

  it('above a nested key covers that key only', () => {
    const text = APP.replace('    image: nginx\n', '    # container-hygiene ignore=service-image-untagged\n    image: nginx\n');
    assert.deepEqual(rulesAt(text), ['5:reference-undefined', '7:service-image-latest']);
  });

  it('ignore-file and aliases', () => {
    assert.deepEqual(rulesAt('# container-hygiene ignore-file=service-image-require-explicit-tag\n' + APP), ['5:reference-undefined']);
  });

  it('dclint: disable-line on the line, on its own line (the next line), and disable at the top', () => {
    assert.deepEqual(rulesAt(APP.replace('image: nginx\n', 'image: nginx # dclint disable-line\n')), ['4:reference-undefined', '6:service-image-latest']);
    assert.deepEqual(rulesAt(APP.replace('    image: nginx\n', '    # dclint disable-line service-image-require-explicit-tag\n    image: nginx\n')), ['5:reference-undefined', '7:service-image-latest']);
    assert.deepEqual(rulesAt('# dclint disable service-image-require-explicit-tag\n' + APP), ['5:reference-undefined']);
    assert.deepEqual(rulesAt('# dclint disable-file\n' + APP), []);
    assert.deepEqual(rulesAt(APP + '# dclint disable\n'), ['3:service-image-untagged', '4:reference-undefined', '6:service-image-latest'], 'only on the first line');
  });

  it('broken YAML gets only its syntax diagnostic', () => {
    assert.deepEqual(rulesAt(APP + '  cache:\n    image: "redis\n'), ['8:compose-yaml-syntax']);
  });
});
