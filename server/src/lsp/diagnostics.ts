import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Fix, PinnableImage, Severity } from '../analysis/types';
import { DIAGNOSTIC_SOURCE, ruleDocsUrl } from '../rules/docs-url';
import { isRange } from './pinning';

export { DIAGNOSTIC_SOURCE, RULE_DOCS_BASE_URL, ruleDocsUrl } from '../rules/docs-url';

/**
 * What the code-action handler reads back from one of our diagnostics. The rule is its `code`; fixes
 * stay in the server (the linter keeps the findings it published, see DocumentLinter.publishedFinding):
 * sent along, fixes and a version in every diagnostic made each publish a third larger.
 */
export interface DiagnosticData {
  rule: string;
  /** Only in diagnostics of older servers: the document version the fixes were computed for. */
  version?: number;
  /** Only in diagnostics of older servers: the fixes themselves. */
  fixes: Fix[];
  /** The image a "Pin to ..." action may rewrite (looked up only in codeAction/resolve). */
  pin?: PinnableImage;
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Findings reused between edits (the incremental analyzers return the same objects) keep their diagnostic.
 * Diagnostics are frozen: the stdio transport caches each one's JSON (message-json.ts).
 */
const diagnosticOf = new WeakMap<Finding, Diagnostic>();
const compactDiagnosticOf = new WeakMap<Finding, Diagnostic>();

/**
 * The finding as a diagnostic. Compact, it leaves out `source` and `codeDescription`, which a client that
 * asked for that (`compactDiagnostics`) derives from the `code`: the rule's docs link alone is a quarter of
 * a publish's bytes, the same in every diagnostic of a rule.
 */
export function toDiagnostic(finding: Finding, compact = false): Diagnostic {
  const cache = compact ? compactDiagnosticOf : diagnosticOf;
  let diagnostic = cache.get(finding);
  if (!diagnostic) {
    diagnostic = makeDiagnostic(finding, compact);
    cache.set(finding, diagnostic);
  }
  return diagnostic;
}

function makeDiagnostic(finding: Finding, compact: boolean): Diagnostic {
  return Object.freeze({
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    ...(compact ? {} : { source: DIAGNOSTIC_SOURCE }),
    code: finding.rule,
    ...(compact ? {} : { codeDescription: Object.freeze({ href: ruleDocsUrl(finding.rule) }) }),
    message: finding.message,
    ...(finding.pin ? { data: { pin: finding.pin } } : {}),
  });
}

/** Reads back one of our diagnostics as the client echoes it; other sources and malformed data give undefined. */
export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') return undefined;
  const data = (diagnostic.data ?? {}) as Partial<DiagnosticData> | null;
  if (!data || typeof data !== 'object') return undefined;
  if ((data.version !== undefined && typeof data.version !== 'number') || (data.fixes !== undefined && !Array.isArray(data.fixes))) return undefined;
  const pin = isPinnableImage(data.pin) ? { pin: data.pin } : {};
  const version = data.version === undefined ? {} : { version: data.version };
  return { rule: diagnostic.code, ...version, fixes: (data.fixes ?? []).filter(isFix), ...pin };
}

function isFix(value: unknown): value is Fix {
  const fix = value as Partial<Fix> | null;
  return !!fix && typeof fix.title === 'string' && Array.isArray(fix.edits) && (fix.sideFiles === undefined || Array.isArray(fix.sideFiles));
}

function isPinnableImage(value: unknown): value is PinnableImage {
  const pin = value as Partial<PinnableImage> | null | undefined;
  return !!pin && typeof pin === 'object' && typeof pin.image === 'string' && isRange(pin.range);
}
