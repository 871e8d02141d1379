import { Uri, type Diagnostic } from 'vscode';
import { DIAGNOSTIC_SOURCE, ruleDocsUrl } from '../../server/src/rules/docs-url';

/**
 * The client asks the server for compact diagnostics (`initializationOptions.compactDiagnostics`): each
 * publish then leaves out every diagnostic's source and rule link, a third of its bytes, which the
 * extension host would parse again on every keystroke. They are put back here, before VS Code shows
 * the diagnostics, so the Problems view and hovers read as before: "container-hygiene(rule-id)" with
 * the rule id linking to its page. One link per rule, parsed once.
 */
export class DiagnosticLinks {
  private readonly links = new Map<string, Uri>();

  complete(diagnostics: Diagnostic[]): Diagnostic[] {
    for (const diagnostic of diagnostics) {
      // A diagnostic with a source came complete (a server that ignored the option).
      if (diagnostic.source !== undefined || typeof diagnostic.code !== 'string') continue;
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = { value: diagnostic.code, target: this.linkOf(diagnostic.code) };
    }
    return diagnostics;
  }

  private linkOf(rule: string): Uri {
    let link = this.links.get(rule);
    if (!link) {
      link = Uri.parse(ruleDocsUrl(rule));
      this.links.set(rule, link);
    }
    return link;
  }
}
