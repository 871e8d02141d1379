import { DockerfileDoc } from './dockerfile-doc';
import { ComposeDoc, COMPOSE_SYNTAX_RULE_ID } from './compose-doc';
import { formatMessage, type ParsedDocuments, type ReportDescriptor, type Rule } from './rule';
import { isSuppressed, readSuppressions } from './suppressions';
import { LineIndex } from './text';
import { defaultSettings, type AnalysisContext, type AnalysisSettings, type DocumentKind, type Finding, type Severity, type SeveritySetting } from './types';
import { rulesFor } from '../rules/registry';
import { unanalyzableReason } from './input-guard';
import { fileNotAnalyzed } from '../rules/file-not-analyzed';

export interface AnalyzeOptions {
  context?: AnalysisContext;
  /** Called once per rule that throws; the other rules still report. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Restrict to these rules (tests). */
  rules?: readonly Rule[];
  /**
   * A ComposeDoc of this very text built with `context` (the adapters parse once to learn which
   * paths to stat; see config/compose-context.ts): reused instead of parsing again. Ignored otherwise.
   */
  composeDoc?: ComposeDoc;
}

/** Lints one document: parse once, run every enabled rule, apply settings and suppression comments. */
export function analyze(text: string, kind: DocumentKind, settings: AnalysisSettings = defaultSettings, options: AnalyzeOptions = {}): Finding[] {
  const reason = unanalyzableReason(text, settings.maxFileSize);
  if (reason) {
    const severity = severityFor(fileNotAnalyzed, settings);
    if (!severity) return [];
    return [{ rule: fileNotAnalyzed.id, aliases: fileNotAnalyzed.aliases, severity, messageId: reason.messageId,
      message: formatMessage(fileNotAnalyzed.messages[reason.messageId], reason.data), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes: [] }];
  }
  if (kind === 'compose') return analyzeCompose(text, settings, options);
  const doc = new DockerfileDoc(text);
  const rules = (options.rules ?? rulesFor(kind)) as readonly Rule<'dockerfile'>[];
  return withoutSuppressedDockerfile(doc, rules, runRules(doc, rules, settings, options));
}

/** Drops the findings a suppression comment of the Dockerfile covers. */
export function withoutSuppressedDockerfile(doc: DockerfileDoc, rules: readonly Rule[], findings: Finding[]): Finding[] {
  const suppressions = readSuppressions(doc.lines, (line) => instructionEndLine(doc, line));
  if (suppressions.file.size === 0 && suppressions.byLine.size === 0) return findings;
  return findings.filter((finding) => {
    const rule = rules.find((candidate) => candidate.id === finding.rule);
    return !rule || !isSuppressed(suppressions, rule, finding.range.start.line);
  });
}

/** Compose: broken YAML gets only its syntax findings; a comment above a key covers the key's whole block. */
function analyzeCompose(text: string, settings: AnalysisSettings, options: AnalyzeOptions): Finding[] {
  const given = options.composeDoc;
  const doc = given && given.text === text && given.context === options.context ? given : new ComposeDoc(text, options.context);
  const all = (options.rules ?? rulesFor('compose')) as readonly Rule<'compose'>[];
  const rules = doc.usable ? all : all.filter((rule) => rule.id === COMPOSE_SYNTAX_RULE_ID);
  const findings = runRules(doc, rules, settings, options);
  const suppressions = readSuppressions(doc.lines, (line) => doc.blockEndLine(line));
  return findings.filter((finding) => {
    const rule = rules.find((candidate) => candidate.id === finding.rule);
    return !rule || !isSuppressed(suppressions, rule, finding.range.start.line);
  });
}

/**
 * The finding each frozen descriptor gave, and its rule. A rule that keeps its reports (frozen: never
 * changed) and reports one again, as the Dockerfile rules keeping theirs per segment do at every edit
 * (rpm-checks.ts), gets that finding back under the same rule and severity: nothing to format again.
 */
const findingOfKept = new WeakMap<ReportDescriptor, { rule: Rule; finding: Finding }>();

/** Runs the rules on a parsed document; findings in document order (a stable sort: ties keep rule order). */
export function runRules<K extends DocumentKind>(doc: ParsedDocuments[K], rules: readonly Rule<K>[], settings: AnalysisSettings, options: AnalyzeOptions): Finding[] {
  const findings: Finding[] = [];
  const ctx = { settings, context: options.context ?? {} };
  const severityOf = severityResolver(settings);
  for (const rule of rules) {
    const severity = severityOf(rule);
    if (!severity) continue;
    try {
      rule.check(doc, (report) => {
        const kept = Object.isFrozen(report) ? findingOfKept.get(report) : undefined;
        if (kept?.rule === rule && kept.finding.severity === milder(severity, report.severity)) {
          findings.push(kept.finding);
          return;
        }
        const template = rule.messages[report.messageId];
        if (template === undefined) throw new Error(`Rule ${rule.id} reported unknown message id ${report.messageId}`);
        const finding: Finding = { rule: rule.id, aliases: rule.aliases, severity: milder(severity, report.severity), messageId: report.messageId,
          message: formatMessage(template, report.data), range: report.range, fixes: report.fixes ?? [], ...(report.pin ? { pin: report.pin } : {}) };
        if (Object.isFrozen(report)) findingOfKept.set(report, { rule, finding });
        findings.push(finding);
      }, ctx);
    } catch (error) {
      options.onRuleError?.(rule.id, error);
    }
  }
  return findings.sort(byPosition);
}

export function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

const SEVERITY_ORDER: readonly Severity[] = ['hint', 'info', 'warning', 'error'];

/** The milder of the configured severity and a rule's per-finding cap. */
function milder(configured: Severity, cap: Severity | undefined): Severity {
  return cap && SEVERITY_ORDER.indexOf(cap) < SEVERITY_ORDER.indexOf(configured) ? cap : configured;
}

/** Effective severity after settings: `ignored` and overrides match the rule id or any alias. */
export function severityFor(rule: Pick<Rule, 'id' | 'aliases' | 'severity'>, settings: AnalysisSettings): Exclude<SeveritySetting, 'off'> | undefined {
  return severityResolver(settings)(rule);
}

/**
 * severityFor for many rules under the same settings: the settings' names are lower-cased once, not
 * per rule (runRules asks for each of ninety rules at every edit). Read when called: nothing is kept.
 */
function severityResolver(settings: AnalysisSettings): (rule: Pick<Rule, 'id' | 'aliases' | 'severity'>) => Exclude<SeveritySetting, 'off'> | undefined {
  const ignored = new Set(settings.ignored.map((id) => id.toLowerCase()));
  const overrides = Object.entries(settings.severityOverrides).map(([key, value]) => [key.toLowerCase(), value] as const);
  return (rule) => {
    if (ignored.size > 0 && namesRule(rule, (name) => ignored.has(name))) return undefined;
    let severity: SeveritySetting = rule.severity;
    // The last override naming the rule wins, as each one is applied in turn.
    for (const [key, value] of overrides) {
      if (namesRule(rule, (name) => name === key)) severity = value;
    }
    return severity === 'off' ? undefined : severity;
  };
}

/** Whether the rule's id or one of its aliases, in lower case, passes the test. */
function namesRule(rule: Pick<Rule, 'id' | 'aliases'>, test: (lowerName: string) => boolean): boolean {
  return test(rule.id.toLowerCase()) || rule.aliases.some((alias) => test(alias.toLowerCase()));
}

function instructionEndLine(doc: DockerfileDoc, line: number): number {
  const instruction = doc.instructions.find((candidate) => candidate.getRange().start.line === line);
  return instruction ? instruction.getRange().end.line : line;
}

export { LineIndex };
