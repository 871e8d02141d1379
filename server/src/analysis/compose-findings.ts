/**
 * Findings of Compose rules as `analyze()` makes them (analyze.ts), for the incremental analyzer,
 * which runs rules on parts of a document: the same finding per report, the same order, the same
 * suppression comments.
 */
import type { ComposeDoc } from './compose-doc';
import { formatMessage, type Rule, type RuleContext } from './rule';
import { isSuppressed, readSuppressions } from './suppressions';
import type { Finding, Severity } from './types';

const SEVERITY_ORDER: readonly Severity[] = ['hint', 'info', 'warning', 'error'];

/** Runs one rule; each finding comes with the service its report names (`data.service`), if any. Throws what the rule throws. */
export function runComposeRule(rule: Rule<'compose'>, doc: ComposeDoc, severity: Severity, ctx: RuleContext, onFinding: (finding: Finding, service: string | undefined) => void): void {
  rule.check(doc, (report) => {
    const template = rule.messages[report.messageId];
    if (template === undefined) throw new Error(`Rule ${rule.id} reported unknown message id ${report.messageId}`);
    const capped = report.severity && SEVERITY_ORDER.indexOf(report.severity) < SEVERITY_ORDER.indexOf(severity) ? report.severity : severity;
    const finding: Finding = { rule: rule.id, aliases: rule.aliases, severity: capped, messageId: report.messageId,
      message: formatMessage(template, report.data), range: report.range, fixes: report.fixes ?? [], ...(report.pin ? { pin: report.pin } : {}) };
    const service = report.data?.service;
    onFinding(finding, typeof service === 'string' ? service : undefined);
  }, ctx);
}

/** By start position; the sort is stable, so rules keep their order at equal positions. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Drops findings silenced by suppression comments (a comment above a key covers the key's whole block). */
export function withoutSuppressed(findings: Finding[], doc: ComposeDoc, rules: readonly Rule[], suppressible = mayHaveSuppressions(doc.text)): Finding[] {
  if (!suppressible) return findings;
  const suppressions = readSuppressions(doc.lines, (line) => doc.blockEndLine(line));
  const byId = new Map<string, Rule>();
  for (const rule of rules) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  return findings.filter((finding) => {
    const rule = byId.get(finding.rule);
    return !rule || !isSuppressed(suppressions, rule, finding.range.start.line);
  });
}

/** `mayHaveSuppressions` of a text whose lines away from `changed` are those of a text without suppression comments. */
export function suppressionsNear(text: string, changed: { start: number; end: number }): boolean {
  const start = text.lastIndexOf('\n', changed.start - 1) + 1;
  const end = text.indexOf('\n', changed.end);
  return mayHaveSuppressions(text.slice(start, end < 0 ? text.length : end));
}

/** False when no comment names `ignore`, `dclint` or `check`, which every suppression comment does. */
export function mayHaveSuppressions(text: string): boolean {
  return /#[^\n]*(?:ignore|dclint|check)/i.test(text);
}
