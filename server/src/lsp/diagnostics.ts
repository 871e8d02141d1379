import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Fix, PinnableImage, Severity } from '../analysis/types';
import { ruleDocsUrl } from '../rules/docs-url';
import { isRange } from './pinning';

export { RULE_DOCS_BASE_URL, ruleDocsUrl } from '../rules/docs-url';
export const DIAGNOSTIC_SOURCE = 'container-hygiene';

/**
 * What a diagnostic carries back to the code-action handler. Fixes stay in the server (the linter
 * keeps the findings it published): sent along, they made every publish a third larger.
 */
export interface DiagnosticData {
  rule: string;
  /** The document version the finding was computed for; fixes apply only to that version. */
  version: number;
  /** Fixes carried in the diagnostic itself (older servers sent them); empty when the linter holds them. */
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

export function toDiagnostic(finding: Finding, version: number): Diagnostic {
  const data: Omit<DiagnosticData, 'fixes'> = { rule: finding.rule, version, ...(finding.pin ? { pin: finding.pin } : {}) };
  return {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    message: finding.message,
    data,
  };
}

/** Reads back our own `data` from a diagnostic the client echoes; anything else (other sources, old shapes) gives undefined. */
export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = diagnostic.data as Partial<DiagnosticData> | null | undefined;
  if (!data || typeof data !== 'object' || typeof data.rule !== 'string' || typeof data.version !== 'number') return undefined;
  if (data.fixes !== undefined && !Array.isArray(data.fixes)) return undefined;
  const pin = isPinnableImage(data.pin) ? { pin: data.pin } : {};
  return { rule: data.rule, version: data.version, fixes: (data.fixes ?? []).filter(isFix), ...pin };
}

function isFix(value: unknown): value is Fix {
  const fix = value as Partial<Fix> | null;
  return !!fix && typeof fix.title === 'string' && Array.isArray(fix.edits) && (fix.sideFiles === undefined || Array.isArray(fix.sideFiles));
}

function isPinnableImage(value: unknown): value is PinnableImage {
  const pin = value as Partial<PinnableImage> | null | undefined;
  return !!pin && typeof pin === 'object' && typeof pin.image === 'string' && isRange(pin.range);
}
