import { commands, window, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerEngineFeatures } from './commands';
import { imageRepoDigests } from './engine';
import { createLanguageClient } from './language-client';
import { answerLocalImageDigests, engineSettingsFrom } from './pinning';

let client: LanguageClient | undefined;

/** Starts the language server without waiting for it, so activation stays fast. */
export function activate(context: ExtensionContext): void {
  const output = window.createOutputChannel('Container Hygiene');
  context.subscriptions.push(output);
  // Build, run, images, volumes, engine status: everything that runs the container CLI (trusted workspaces only).
  context.subscriptions.push(...registerEngineFeatures(context, output));
  client = createLanguageClient(context, output);
  // "Pin to digest" offline: the server asks for the local engine's RepoDigests (it never runs docker itself).
  context.subscriptions.push(answerLocalImageDigests(client, (ref) => imageRepoDigests(ref, engineSettingsFrom(workspace.getConfiguration('containerHygiene'))), () => workspace.isTrusted));
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
