import type { PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../analysis/analyze';
import type { Rule } from '../analysis/rule';
import type { Finding } from '../analysis/types';
import { toDiagnostic } from './diagnostics';
import { kindOfLanguage } from './language-kinds';
import type { EffectiveSettings, SettingsProvider } from './settings-provider';

export const DEFAULT_DEBOUNCE_MS = 150;

export type OpenDocuments = Pick<TextDocuments<TextDocument>, 'get' | 'all'>;

export interface LinterOptions {
  /** Quiet time after the last change before linting. */
  debounceMs: number;
  /** Restrict to these rules (tests); the registry otherwise. */
  rules?: readonly Rule[];
}

export interface LinterHost {
  publish(params: PublishDiagnosticsParams): void;
  /** Logs a problem in the server itself (a rule that threw, an unexpected error). */
  logError(message: string): void;
}

/**
 * Lints open documents a short while after they stop changing. Every change, close or settings
 * refresh takes a new ticket for the document; a lint whose ticket is no longer the latest when
 * its settings arrive is dropped, so diagnostics for an old version are never published.
 */
export class DocumentLinter {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly tickets = new Map<string, number>();
  private readonly failedRules = new Set<string>();
  private nextTicket = 0;

  constructor(
    private readonly documents: OpenDocuments,
    private readonly settings: SettingsProvider,
    private readonly host: LinterHost,
    private readonly options: LinterOptions,
  ) {}

  schedule(document: TextDocument): void {
    if (!kindOfLanguage(document.languageId)) return;
    const uri = document.uri;
    const ticket = this.takeTicket(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.lint(uri, ticket);
    }, this.options.debounceMs));
  }

  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document);
  }

  /** The document closed: forget pending work and clear its diagnostics. */
  close(uri: string): void {
    this.takeTicket(uri);
    this.tickets.delete(uri);
    this.settings.forget(uri);
    this.host.publish({ uri, diagnostics: [] });
  }

  /** Findings for the document's current text, computed now (for "fix all"). */
  async findingsNow(document: TextDocument): Promise<Finding[]> {
    return this.run(document, await this.settings.settingsFor(document.uri));
  }

  private async lint(uri: string, ticket: number): Promise<void> {
    try {
      if (!this.documents.get(uri)) return;
      const effective = await this.settings.settingsFor(uri);
      const document = this.documents.get(uri);
      if (!document || this.tickets.get(uri) !== ticket) return;
      const diagnostics = this.run(document, effective).map((finding) => toDiagnostic(finding, document.version));
      this.host.publish({ uri, version: document.version, diagnostics });
    } catch (error) {
      this.host.logError(`Linting ${uri} failed: ${describe(error)}`);
    }
  }

  private run(document: TextDocument, { settings, context }: EffectiveSettings): Finding[] {
    const kind = kindOfLanguage(document.languageId);
    if (!kind) return [];
    return analyze(document.getText(), kind, settings, { context, rules: this.options.rules, onRuleError: (ruleId, error) => this.ruleFailed(ruleId, error) });
  }

  private takeTicket(uri: string): number {
    const pending = this.timers.get(uri);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.delete(uri);
    const ticket = ++this.nextTicket;
    this.tickets.set(uri, ticket);
    return ticket;
  }

  private ruleFailed(ruleId: string, error: unknown): void {
    if (this.failedRules.has(ruleId)) return;
    this.failedRules.add(ruleId);
    this.host.logError(`Rule ${ruleId} threw and was skipped (reported once per session): ${describe(error)}`);
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
