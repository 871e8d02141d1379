import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { applyEdits, comparePositions, LineIndex } from '../../server/src/analysis/text';
import type { Range } from '../../server/src/analysis/types';
import { dockerfileFixtures } from '../helpers/fixtures';

function inside(range: Range, lines: LineIndex): boolean {
  const end = lines.positionAt(lines.text.length);
  const ok = (p: Range['start']): boolean => p.line >= 0 && p.character >= 0 && comparePositions(p, end) <= 0 && p.character <= lines.lineText(p.line).length;
  return ok(range.start) && ok(range.end) && comparePositions(range.start, range.end) <= 0;
}

/** Properties every finding and fix must keep, checked over realistic, dirty Dockerfiles. */
describe('findings and fixes on fixtures', () => {
  for (const [name, text] of dockerfileFixtures()) {
    it(`${name}: ranges in the document, fixes local and effective`, () => {
      const lines = new LineIndex(text);
      const findings = analyze(text, 'dockerfile', undefined, { onRuleError: (id, error) => assert.fail(`rule ${id} threw: ${String(error)}`) });
      assert.ok(findings.length > 0, 'fixtures are written to have problems');
      for (const finding of findings) {
        assert.ok(inside(finding.range, lines), `${finding.rule} range ${JSON.stringify(finding.range)} lies inside the document`);
        for (const fix of finding.fixes) {
          for (const edit of fix.edits) assert.ok(inside(edit.range, lines), `${finding.rule} fix "${fix.title}" edit inside the document`);
          const fixed = applyEdits(text, fix.edits); // throws on overlapping edits
          const offsets = fix.edits.map((edit) => [lines.offsetAt(edit.range.start), lines.offsetAt(edit.range.end)]);
          const first = Math.min(...offsets.map(([s]) => s));
          const last = Math.max(...offsets.map(([, e]) => e));
          assert.equal(fixed.slice(0, first), text.slice(0, first), `${finding.rule}: text before the fix is untouched`);
          assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last), `${finding.rule}: text after the fix is untouched`);
          const sameRuleBefore = findings.filter((f) => f.rule === finding.rule).length;
          const sameRuleAfter = analyze(fixed, 'dockerfile').filter((f) => f.rule === finding.rule).length;
          assert.ok(sameRuleAfter < sameRuleBefore, `${finding.rule}: "${fix.title}" removes its finding (${sameRuleBefore} -> ${sameRuleAfter})`);
        }
      }
    });
  }
});
