/**
 * What every command shares: the engine (fresh from settings, logging each exact command to the
 * "Container Hygiene" output channel), the workspace-trust gate, and one way of reporting errors.
 */
import { commands, window, workspace, type Disposable, type ExtensionContext, type OutputChannel } from 'vscode';
import { Engine, EngineError, describeError } from '../engine';
import { cliName } from '../engine/errors';
import { readEngineSettings } from '../settings';

export type ChangeKind = 'volumes' | 'images' | 'context';

export interface CommandServices {
  context: ExtensionContext;
  output: OutputChannel;
  /** A fresh Engine from the current settings; throws EngineError('invalid-input') on bad settings. */
  engine(): Engine;
  /** Lets views and the status bar refresh after a command changed something. */
  changed(kind: ChangeKind): void;
}

export function createServices(context: ExtensionContext, output: OutputChannel, changed: (kind: ChangeKind) => void): CommandServices {
  return {
    context,
    output,
    engine: () => Engine.create(readEngineSettings(), (line) => output.appendLine(`$ ${line}`)),
    changed,
  };
}

function cliInUse(): string {
  return cliName(readEngineSettings().command ?? 'docker');
}

/** The message shown when a command is used in Restricted Mode. */
export function untrustedMessage(title: string): string {
  return `"${title}" is disabled in Restricted Mode: it runs ${cliInUse()}, and this workspace is not trusted. Trust the workspace to use it.`;
}

/** Arguments tests pass may ask for errors to be thrown instead of shown. */
function wantsThrow(args: readonly unknown[]): boolean {
  const first = args[0];
  return typeof first === 'object' && first !== null && (first as { throwOnError?: unknown }).throwOnError === true;
}

async function showError(services: CommandServices, error: unknown): Promise<void> {
  const message = describeError(error);
  services.output.appendLine(`! ${message}`);
  if (error instanceof EngineError && error.kind === 'cli-missing') {
    if (await window.showErrorMessage(message, 'Open Settings') === 'Open Settings') {
      await commands.executeCommand('workbench.action.openSettings', 'containerHygiene.containerCommand');
    }
  } else if (error instanceof EngineError && error.kind === 'engine-down') {
    const choice = await window.showErrorMessage(message, 'Choose Context', 'Show Output');
    if (choice === 'Choose Context') await commands.executeCommand('containerHygiene.selectContext');
    if (choice === 'Show Output') services.output.show(true);
  } else {
    void window.showErrorMessage(message);
  }
}

/**
 * Registers a command that runs only in a trusted workspace (otherwise it says why and offers the
 * trust editor) and shows EngineErrors as one message with a next step; cancellation is silent.
 */
export function registerEngineCommand<R>(services: CommandServices, id: string, title: string, handler: (...args: unknown[]) => Promise<R>): Disposable {
  return commands.registerCommand(id, async (...args: unknown[]): Promise<R | undefined> => {
    if (!workspace.isTrusted) {
      const choice = await window.showWarningMessage(untrustedMessage(title), 'Manage Workspace Trust');
      if (choice) await commands.executeCommand('workbench.trust.manage');
      return undefined;
    }
    try {
      return await handler(...args);
    } catch (error) {
      if (wantsThrow(args)) throw error;
      if (error instanceof EngineError && error.kind === 'cancelled') return undefined;
      await showError(services, error);
      return undefined;
    }
  });
}

/** Reads an optional string field from a command's argument object. */
export function stringArg(args: unknown, key: string): string | undefined {
  const value = typeof args === 'object' && args !== null ? (args as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

export function booleanArg(args: unknown, key: string): boolean | undefined {
  const value = typeof args === 'object' && args !== null ? (args as Record<string, unknown>)[key] : undefined;
  return typeof value === 'boolean' ? value : undefined;
}

/** Thrown when the user dismisses a prompt: the command stops quietly. */
export function cancelled(): EngineError {
  return new EngineError('cancelled', 'Cancelled.');
}

/** `await ask(window.showInputBox(...))`: the value, or a quiet stop when dismissed. */
export async function ask<T>(prompt: Thenable<T | undefined>): Promise<T> {
  const value = await prompt;
  if (value === undefined) throw cancelled();
  return value;
}
