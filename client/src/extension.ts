import { commands, window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './language-client';

let client: LanguageClient | undefined;

/** Starts the language server without waiting for it, so activation stays fast. */
export function activate(context: ExtensionContext): void {
  const output = window.createOutputChannel('Container Hygiene');
  context.subscriptions.push(output);
  client = createLanguageClient(context, output);
  const started = client.start();
  started.catch((error: unknown) => output.appendLine(`The language server did not start: ${String(error)}`));
  context.subscriptions.push(commands.registerCommand('containerHygiene.restartServer', async () => {
    if (!client) return;
    output.appendLine('Restarting the language server.');
    await client.restart();
  }));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
