import type { AnalysisContext, AnalysisSettings, DocumentKind, Fix, PinnableImage, Range, Severity, SeveritySetting } from './types';
import type { ComposeDoc } from './compose-doc';
import type { DockerfileDoc } from './dockerfile-doc';

/** What each kind of rule receives: the document parsed once for all rules. */
export interface ParsedDocuments {
  dockerfile: DockerfileDoc;
  compose: ComposeDoc;
}

export interface ReportDescriptor {
  range: Range;
  messageId: string;
  data?: Record<string, string | number>;
  fixes?: Fix[];
  /** Caps this finding's severity for a milder case of the rule (e.g. 'info'); never raises the configured one. */
  severity?: Severity;
  /** The image the adapters may offer to pin (a registry look-up they make only when asked). */
  pin?: PinnableImage;
}

export interface RuleContext {
  settings: AnalysisSettings;
  context: AnalysisContext;
}

export interface Rule<K extends DocumentKind = DocumentKind> {
  id: string;
  kind: K;
  title: string;
  /** Default severity; 'off' rules run only when a setting turns them on. */
  severity: SeveritySetting;
  aliases: readonly string[];
  messages: Record<string, string>;
  fixable: boolean;
  /**
   * 'stage' (Dockerfile rules only) promises that each finding on a stage's lines depends only on the
   * lines before the first FROM, that stage and the stages it is built FROM (findings before the first
   * FROM: on those lines and the first stage). The editor then re-runs the rule only on the stages an edit touched
   * (dockerfile-incremental.ts). Omitted: the rule sees the whole document on every change.
   */
  scope?: 'stage';
  check(doc: ParsedDocuments[K], report: (descriptor: ReportDescriptor) => void, ctx: RuleContext): void;
}

export function defineRule<K extends DocumentKind>(rule: Rule<K>): Rule<K> {
  return Object.freeze(rule);
}

/** Fills `{name}` placeholders of a message template. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
