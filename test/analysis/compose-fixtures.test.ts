import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { ComposeDoc } from '../../server/src/analysis/compose-doc';
import { composeFileRole, composeSideFileNames, documentKindOf } from '../../server/src/analysis/document-kind';
import { applyEdits, comparePositions, LineIndex } from '../../server/src/analysis/text';
import type { AnalysisContext, ComposeSideFile, Finding, Range } from '../../server/src/analysis/types';
import { repoRoot } from '../helpers/fixtures';

const ROOT = join(repoRoot, 'test', 'fixtures', 'compose');

/**
 * Exact findings per fixture file (`line:column rule`), every Compose rule included: when a rule
 * is added, its findings on these realistic projects are reviewed here.
 */
const EXPECTED: Record<string, string[]> = {
  'seed-postgres/compose.yaml': [
    '2:1 compose-version-obsolete',
    '5:3 service-user-missing',
    '5:3 service-rootfs-writable',
    '5:3 service-no-new-privileges',
    '5:3 service-cap-drop-missing',
    '5:3 service-healthcheck-missing',
    '6:21 service-image-latest',
    '10:7 service-secret-in-environment',
    '12:10 service-port-all-interfaces',
    '14:9 reference-undefined',
    '14:16 database-volume-wrong-path',
  ],
  'shop/compose.yaml': [
    '11:3 service-rootfs-writable',
    '11:3 service-no-new-privileges',
    '11:3 service-cap-drop-missing',
    '11:3 service-healthcheck-missing',
    '13:5 build-and-image',
    '18:10 host-port-duplicate',
    '18:10 service-port-all-interfaces',
    '29:3 service-user-missing',
    '29:3 service-rootfs-writable',
    '29:3 service-no-new-privileges',
    '29:3 service-cap-drop-missing',
    '44:3 service-user-missing',
    '44:3 service-rootfs-writable',
    '44:3 service-no-new-privileges',
    '44:3 service-cap-drop-missing',
    '44:3 service-healthcheck-missing',
    '46:12 service-image-untagged',
    '52:3 service-user-missing',
    '52:3 service-rootfs-writable',
    '52:3 service-no-new-privileges',
    '52:3 service-cap-drop-missing',
    '52:3 service-healthcheck-missing',
    '54:22 reference-undefined',
  ],
  'shop/compose.override.yaml': [
    '6:3 service-user-missing',
    '6:3 service-rootfs-writable',
    '6:3 service-no-new-privileges',
    '6:3 service-cap-drop-missing',
    '6:3 service-healthcheck-missing',
    '7:28 service-image-latest',
    '9:10 host-port-duplicate',
    '9:10 service-port-all-interfaces',
  ],
  'homelab/compose.yaml': [
    '11:3 service-user-missing',
    '11:3 service-no-new-privileges',
    '11:3 service-cap-drop-missing',
    '11:3 service-healthcheck-missing',
    '15:10 service-port-all-interfaces',
    '16:10 service-port-all-interfaces',
    '18:9 service-docker-socket',
    '21:3 service-user-missing',
    '21:3 service-rootfs-writable',
    '21:3 service-no-new-privileges',
    '21:3 service-cap-drop-missing',
    '21:3 service-healthcheck-missing',
    '23:5 service-privileged',
    '27:9 service-docker-socket',
    '28:9 service-sensitive-host-mount',
    '31:3 service-user-missing',
    '31:3 service-rootfs-writable',
    '31:3 service-no-new-privileges',
    '31:3 service-cap-drop-missing',
    '31:3 service-healthcheck-missing',
    '33:19 service-host-namespace',
    '35:9 service-cap-add',
    '36:9 service-cap-add',
    '39:9 service-sensitive-host-mount',
  ],
  'homelab/compose.override.yaml': [],
  'monitoring/docker-compose.yml': [
    '1:1 compose-version-obsolete',
    '3:3 service-rootfs-writable',
    '3:3 service-no-new-privileges',
    '3:3 service-cap-drop-missing',
    '3:3 service-healthcheck-missing',
    '9:14 service-port-all-interfaces',
    '12:3 service-rootfs-writable',
    '12:3 service-no-new-privileges',
    '12:3 service-cap-drop-missing',
    '12:3 service-healthcheck-missing',
    '13:12 service-image-untagged',
    '14:21 container-name-duplicate',
    '17:9 service-port-all-interfaces',
    '22:3 service-rootfs-writable',
    '22:3 service-no-new-privileges',
    '22:3 service-cap-drop-missing',
    '22:3 service-healthcheck-missing',
    '23:31 service-image-latest',
    '24:10 service-host-namespace',
    '27:20 host-port-duplicate',
    '27:20 service-port-all-interfaces',
    '29:9 service-sensitive-host-mount',
  ],
  'blog/compose.yaml': [
    '5:3 service-rootfs-writable',
    '5:3 service-no-new-privileges',
    '5:3 service-cap-drop-missing',
    '5:3 service-healthcheck-missing',
    '9:9 service-path-missing',
    '13:9 service-secret-in-environment',
    '22:3 service-user-missing',
    '22:3 service-rootfs-writable',
    '22:3 service-no-new-privileges',
    '22:3 service-cap-drop-missing',
    '27:9 service-secret-in-environment',
    '29:9 database-bind-mount',
    '34:3 service-user-missing',
    '34:3 service-rootfs-writable',
    '34:3 service-no-new-privileges',
    '34:3 service-cap-drop-missing',
    '34:3 service-healthcheck-missing',
    '38:3 service-rootfs-writable',
    '38:3 service-no-new-privileges',
    '38:3 service-cap-drop-missing',
    '38:3 service-healthcheck-missing',
  ],
  'blog/compose.override.yaml': [
    '6:3 service-user-missing',
    '6:3 service-rootfs-writable',
    '6:3 service-no-new-privileges',
    '6:3 service-cap-drop-missing',
    '6:3 service-healthcheck-missing',
  ],
  'broken/compose.yaml': [
    '7:17 compose-yaml-syntax',
  ],
};

/** What the adapters do: read the sibling files Compose merges, and stat the paths the file names. */
function contextFor(path: string, text: string): AnalysisContext {
  const folder = join(path, '..');
  const read = (names: string[]): ComposeSideFile[] => {
    const name = names.find((candidate) => existsSync(join(folder, candidate)));
    return name ? [{ path: name, text: readFileSync(join(folder, name), 'utf8') }] : [];
  };
  const sides = composeSideFileNames(path);
  const before = read(sides.before);
  const existing = new ComposeDoc(text).referencedPaths().map((ref) => ref.path).filter((ref) => existsSync(join(folder, ref)));
  return { compose: { before, after: read(sides.after), partial: composeFileRole(path) === 'override' && before.length === 0 }, existingPaths: new Set(existing) };
}

function composeFixtures(): string[] {
  return readdirSync(ROOT).sort().flatMap((folder) => readdirSync(join(ROOT, folder)).sort().filter((name) => documentKindOf(name) === 'compose').map((name) => join(ROOT, folder, name)));
}

function inside(range: Range, lines: LineIndex): boolean {
  const end = lines.positionAt(lines.text.length);
  const ok = (p: Range['start']): boolean => p.line >= 0 && p.character >= 0 && comparePositions(p, end) <= 0 && p.character <= lines.lineText(p.line).length;
  return ok(range.start) && ok(range.end) && comparePositions(range.start, range.end) <= 0;
}

describe('realistic Compose projects', () => {
  it('every fixture has expectations', () => {
    assert.deepEqual(composeFixtures().map((path) => relative(ROOT, path)).sort(), Object.keys(EXPECTED).sort());
  });

  for (const path of composeFixtures()) {
    const name = relative(ROOT, path);
    it(`${name}: exact findings; ranges inside; fixes local and effective`, () => {
      const text = readFileSync(path, 'utf8');
      const context = contextFor(path, text);
      const run = (input: string): Finding[] => analyze(input, 'compose', undefined, { context, onRuleError: (id, error) => assert.fail(`rule ${id} threw: ${String(error)}`) });
      const findings = run(text);
      assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule}`), EXPECTED[name]);
      const lines = new LineIndex(text);
      for (const finding of findings) {
        assert.ok(inside(finding.range, lines), `${finding.rule} range inside the document`);
        assert.ok(!/\{\w+\}/.test(finding.message.replace(/\$\{[^}]*\}/g, '')), `${finding.rule} message formatted`);
        for (const fix of finding.fixes) {
          const fixed = applyEdits(text, fix.edits);
          assert.ok(new ComposeDoc(fixed).usable, `${finding.rule}: "${fix.title}" leaves valid YAML`);
          const before = findings.filter((f) => f.rule === finding.rule).length;
          assert.ok(run(fixed).filter((f) => f.rule === finding.rule).length < before, `${finding.rule}: "${fix.title}" removes its finding`);
        }
      }
    });
  }
});
