import type { Diagnostic, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../analysis/analyze';
import { ComposeIncrementalAnalyzer } from '../analysis/compose-incremental';
import { DockerfileIncrementalAnalyzer } from '../analysis/dockerfile-incremental';
import type { Rule } from '../analysis/rule';
import type { DocumentKind, Finding } from '../analysis/types';
import { ComposeProjectFiles } from './compose-files';
import { toDiagnostic } from './diagnostics';
import { kindOfDocument, kindOfLanguage, mayLintLanguage } from './language-kinds';
import type { EffectiveSettings, SettingsProvider } from './settings-provider';

export const DEFAULT_DEBOUNCE_MS = 150;

export type OpenDocuments = Pick<TextDocuments<TextDocument>, 'get' | 'all'>;

export interface LinterOptions {
  /** Quiet time after the last change before linting. */
  debounceMs: number;
  /** Restrict to these rules (tests); the registry otherwise. */
  rules?: readonly Rule[];
  /** Leave each diagnostic's source and rule link to the client (see InitOptions). */
  compactDiagnostics?: boolean;
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
  private readonly timers = new Map<string, ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate>>();
  private readonly tickets = new Map<string, number>();
  private readonly failedRules = new Set<string>();
  private readonly dockerfileAnalyzers = new Map<string, DockerfileIncrementalAnalyzer>();
  private readonly composeAnalyzers = new Map<string, ComposeIncrementalAnalyzer>();
  /** The findings behind the diagnostics last published for each document: their fixes are looked up here. */
  private readonly published = new Map<string, { version: number; findings: readonly Finding[] }>();
  /** Documents diagnostics were published for: a YAML file that stops being a Compose file (settings) gets them cleared. */
  private readonly linted = new Set<string>();
  private nextTicket = 0;

  constructor(
    private readonly documents: OpenDocuments,
    private readonly settings: SettingsProvider,
    private readonly host: LinterHost,
    private readonly options: LinterOptions,
    private readonly composeFiles = new ComposeProjectFiles(documents, false),
  ) {}

  /** Lints the document soon, and the open Compose files whose project includes it (an override and its base). */
  schedule(document: TextDocument): void {
    this.scheduleOne(document);
    this.scheduleDependents(document.uri);
  }

  private scheduleOne(document: TextDocument): void {
    if (!mayLintLanguage(document.languageId)) return;
    const uri = document.uri;
    // A document just opened has no typing to wait out: lint it at once (the debounce is for edits).
    const delay = this.tickets.has(uri) ? this.options.debounceMs : 0;
    const ticket = this.takeTicket(uri);
    const run = (): void => {
      this.timers.delete(uri);
      void this.lint(uri, ticket);
    };
    // setTimeout waits at least 1 ms even for 0; setImmediate still lets queued changes arrive first.
    this.timers.set(uri, delay > 0 ? setTimeout(run, delay) : setImmediate(run));
  }

  scheduleAll(): void {
    for (const document of this.documents.all()) this.scheduleOne(document);
  }

  /** The document closed: forget pending work and clear its diagnostics. */
  close(uri: string): void {
    this.takeTicket(uri);
    this.tickets.delete(uri);
    this.settings.forget(uri);
    this.linted.delete(uri);
    this.dockerfileAnalyzers.delete(uri);
    this.composeAnalyzers.delete(uri);
    this.published.delete(uri);
    this.host.publish({ uri, diagnostics: [] });
    // Its base or override now reads the text on disk.
    this.scheduleDependents(uri);
  }

  /** The document's kind: by language, or for plain YAML by file name and `containerHygiene.composeFilePatterns`. */
  async kindOf(document: TextDocument): Promise<DocumentKind | undefined> {
    const byLanguage = kindOfLanguage(document.languageId);
    if (byLanguage || !mayLintLanguage(document.languageId)) return byLanguage;
    return kindOfDocument(document.languageId, document.uri, await this.settings.composePatternsFor(document.uri));
  }

  /**
   * The finding behind a diagnostic the client echoes: same rule, range and message among those last
   * published, provided they were computed for the document's current version (else undefined: a
   * fix or a suppression line computed for another text could land anywhere).
   */
  publishedFinding(uri: string, version: number, diagnostic: Pick<Diagnostic, 'code' | 'range' | 'message'>): Finding | undefined {
    const published = this.published.get(uri);
    if (!published || published.version !== version) return undefined;
    const { start, end } = diagnostic.range;
    return published.findings.find((candidate) => candidate.rule === diagnostic.code && candidate.message === diagnostic.message
      && candidate.range.start.line === start.line && candidate.range.start.character === start.character
      && candidate.range.end.line === end.line && candidate.range.end.character === end.character);
  }

  /** Findings for the document's current text, computed now (for "fix all"). */
  async findingsNow(document: TextDocument): Promise<Finding[]> {
    const kind = await this.kindOf(document);
    return kind ? this.run(document, kind, await this.settings.settingsFor(document.uri)) : [];
  }

  private async lint(uri: string, ticket: number): Promise<void> {
    try {
      const opened = this.documents.get(uri);
      if (!opened) return;
      const kind = await this.kindOf(opened);
      if (!kind) {
        // Plain YAML that is not (or no longer) a Compose file: clear what an earlier lint published.
        if (this.tickets.get(uri) === ticket && this.linted.delete(uri)) this.host.publish({ uri, diagnostics: [] });
        return;
      }
      const effective = await this.settings.settingsFor(uri);
      const document = this.documents.get(uri);
      if (!document || this.tickets.get(uri) !== ticket) return;
      const findings = this.run(document, kind, effective);
      const compact = this.options.compactDiagnostics === true;
      const diagnostics = findings.map((finding) => toDiagnostic(finding, compact));
      this.published.set(uri, { version: document.version, findings });
      this.linted.add(uri);
      this.host.publish({ uri, version: document.version, diagnostics });
    } catch (error) {
      this.host.logError(`Linting ${uri} failed: ${describe(error)}`);
    }
  }

  private run(document: TextDocument, kind: DocumentKind, { settings, context }: EffectiveSettings): Finding[] {
    const text = document.getText();
    const options = { context, rules: this.options.rules, onRuleError: (ruleId: string, error: unknown) => this.ruleFailed(ruleId, error) };
    if (kind === 'dockerfile') return analyzerFor(this.dockerfileAnalyzers, document.uri, () => new DockerfileIncrementalAnalyzer()).analyze(text, settings, options);
    if (kind !== 'compose') return analyze(text, kind, settings, options);
    // Compose: the project's other files (open text first) and the paths that exist, not the .dockerignore.
    // One analyzer per document parses only what changed, for the paths to stat and for the rules.
    const composeAnalyzer = analyzerFor(this.composeAnalyzers, document.uri, () => new ComposeIncrementalAnalyzer());
    const compose = this.composeFiles.analysisInput(document.uri, text, settings.maxFileSize, (source, context) => composeAnalyzer.document(source, context));
    return composeAnalyzer.analyze(text, settings, { ...options, context: compose?.context ?? {} });
  }

  private scheduleDependents(uri: string): void {
    for (const dependent of this.composeFiles.dependents(uri)) {
      const document = this.documents.get(dependent);
      if (document) this.scheduleOne(document);
    }
  }

  private takeTicket(uri: string): number {
    const pending = this.timers.get(uri);
    if (pending !== undefined) {
      clearTimeout(pending as ReturnType<typeof setTimeout>);
      clearImmediate(pending as ReturnType<typeof setImmediate>);
    }
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

/** The open document's incremental analyzer (one per URI, forgotten on close), made on first use. */
function analyzerFor<A>(analyzers: Map<string, A>, uri: string, create: () => A): A {
  let analyzer = analyzers.get(uri);
  if (!analyzer) {
    analyzer = create();
    analyzers.set(uri, analyzer);
  }
  return analyzer;
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
