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
    '6:21 service-image-latest',
    '14:9 reference-undefined',
  ],
  'shop/compose.yaml': [
    '13:5 build-and-image',
    '18:10 host-port-duplicate',
    '46:12 service-image-untagged',
    '54:22 reference-undefined',
  ],
  'shop/compose.override.yaml': [
    '7:28 service-image-latest',
    '9:10 host-port-duplicate',
  ],
  'monitoring/docker-compose.yml': [
    '1:1 compose-version-obsolete',
    '13:12 service-image-untagged',
    '14:21 container-name-duplicate',
    '23:31 service-image-latest',
    '27:20 host-port-duplicate',
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
