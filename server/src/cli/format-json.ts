import type { Finding } from '../analysis/types';
import type { FileReport } from './lint';
import { displayPath } from './paths';

/** The JSON output (a public interface): one entry per linted file, LSP-style 0-based ranges. */
export interface JsonFileResult {
  file: string;
  findings: JsonFinding[];
}

export interface JsonFinding {
  rule: string;
  aliases: string[];
  severity: Finding['severity'];
  message: string;
  range: Finding['range'];
  fixes: { title: string }[];
}

export function toJson(reports: readonly FileReport[], cwd: string): JsonFileResult[] {
  return reports.map((report) => ({
    file: displayPath(report.path, cwd),
    findings: report.findings.map((finding) => ({
      rule: finding.rule,
      aliases: [...finding.aliases],
      severity: finding.severity,
      message: finding.message,
      range: { start: { line: finding.range.start.line, character: finding.range.start.character }, end: { line: finding.range.end.line, character: finding.range.end.character } },
      fixes: finding.fixes.map((fix) => ({ title: fix.title })),
    })),
  }));
}

export function formatJson(reports: readonly FileReport[], cwd: string): string {
  return JSON.stringify(toJson(reports, cwd), null, 2) + '\n';
}
