import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../analysis/rule';
import type { Fix, Range, Severity, SeveritySetting, TextEdit } from '../analysis/types';
import { allRules } from '../rules/registry';
import type { FileReport } from './lint';
import { normalizeSidePath } from './fix';
import { sarifUri } from './paths';
import { HOMEPAGE, ruleDocsUrl, version } from './version';

/** SARIF 2.1.0, as GitHub code scanning (upload-sarif) accepts it. */
export function formatSarif(reports: readonly FileReport[], cwd: string): string {
  const rules = allRules;
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'container-hygiene',
          version,
          semanticVersion: version,
          informationUri: HOMEPAGE,
          rules: rules.map(sarifRule),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
      columnKind: 'utf16CodeUnits',
      results: reports.flatMap((report) => report.findings.map((finding) => ({
        ruleId: finding.rule,
        ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: sarifUri(report.path, cwd), region: resultRegion(finding.range) } }],
        ...sarifFixes(finding.fixes, report.path, cwd),
      }))),
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function sarifRule(rule: Rule) {
  const url = ruleDocsUrl(rule.id);
  return {
    id: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.title },
    helpUri: url,
    help: { text: `${rule.title}. See ${url}`, markdown: `${rule.title}. [Documentation](${url})` },
    defaultConfiguration: defaultConfiguration(rule.severity),
    properties: { tags: [...rule.aliases] },
  };
}

function defaultConfiguration(severity: SeveritySetting): { level: string; enabled?: boolean } {
  return severity === 'off' ? { level: 'warning', enabled: false } : { level: LEVEL[severity] };
}

interface SarifRegion { startLine: number; startColumn?: number; endLine?: number; endColumn?: number }

/** SARIF regions are 1-based with an exclusive end column; an empty finding range means the whole line. */
function resultRegion(range: Range): SarifRegion {
  const empty = range.start.line === range.end.line && range.start.character === range.end.character;
  return empty ? { startLine: range.start.line + 1 } : region(range);
}

function region(range: Range): Required<SarifRegion> {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function replacements(edits: readonly TextEdit[]) {
  return edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } }));
}

function sarifFixes(fixes: readonly Fix[], file: string, cwd: string) {
  const converted = fixes.map((fix) => {
    const changes = fix.edits.length > 0 ? [{ artifactLocation: sarifUri(file, cwd), replacements: replacements(fix.edits) }] : [];
    for (const side of fix.sideFiles ?? []) {
      const path = normalizeSidePath(side.path);
      if (path !== undefined && side.edits.length > 0) changes.push({ artifactLocation: sarifUri(join(dirname(file), path), cwd), replacements: replacements(side.edits) });
    }
    return { description: { text: fix.title }, artifactChanges: changes };
  }).filter((fix) => fix.artifactChanges.length > 0);
  return converted.length > 0 ? { fixes: converted } : {};
}
