/**
 * The engine status bar item: which context (or DOCKER_HOST) the CLI talks to and whether the
 * engine answers; click to choose a context. Checked at start, when settings or trust change, after
 * a context switch, and every minute; never in Restricted Mode.
 */
import { MarkdownString, StatusBarAlignment, ThemeColor, window, workspace, type Disposable, type StatusBarItem } from 'vscode';
import { describeError, type EngineStatus } from '../engine';
import type { CommandServices } from '../commands/support';
import { ENGINE_SETTING_KEYS } from '../settings';
import { code } from '../model/reports';

const REFRESH_MS = 60_000;

export interface EngineStatusItem extends Disposable {
  refresh(): Promise<EngineStatus | undefined>;
}

export function describeStatus(status: EngineStatus): { text: string; tooltip: string } {
  const where = status.endpointSource === 'DOCKER_HOST' ? `DOCKER_HOST ${code(status.endpoint ?? '')}` : `context ${code(status.context ?? 'unknown')}${status.endpoint ? ` (${code(status.endpoint)})` : ''}`;
  if (status.answers) {
    return { text: `$(vm-running) ${status.endpointSource === 'DOCKER_HOST' ? 'DOCKER_HOST' : status.context ?? 'engine'}`, tooltip: `Container engine ${status.serverVersion ?? ''} answers at ${where}.\n\nClick to choose a Docker context.` };
  }
  return { text: `$(vm-outline) ${status.context ?? 'engine'}: not answering`, tooltip: `${status.problem ?? 'The engine does not answer.'}\n\nTried ${where}. Click to choose a Docker context.` };
}

export function createEngineStatusItem(services: CommandServices): EngineStatusItem {
  const item: StatusBarItem = window.createStatusBarItem('containerHygiene.engineStatus', StatusBarAlignment.Left, 10);
  item.name = 'Container Engine';
  item.command = 'containerHygiene.selectContext';
  let running: Promise<EngineStatus | undefined> | undefined;

  const refresh = (): Promise<EngineStatus | undefined> => {
    if (!workspace.isTrusted) {
      item.text = '$(shield) Engine: Restricted Mode';
      item.tooltip = 'Container Hygiene runs no container command in an untrusted workspace. Trust the workspace to see the engine status.';
      item.backgroundColor = undefined;
      item.show();
      return Promise.resolve(undefined);
    }
    running ??= (async () => {
      try {
        const status = await services.engine().status();
        const shown = describeStatus(status);
        item.text = shown.text;
        item.tooltip = new MarkdownString(shown.tooltip);
        item.backgroundColor = status.answers ? undefined : new ThemeColor('statusBarItem.warningBackground');
        return status;
      } catch (error) {
        item.text = '$(vm-outline) Engine: settings problem';
        item.tooltip = describeError(error);
        item.backgroundColor = new ThemeColor('statusBarItem.errorBackground');
        return undefined;
      } finally {
        item.show();
        running = undefined;
      }
    })();
    return running;
  };

  const timer = setInterval(() => {
    if (window.state.focused) void refresh();
  }, REFRESH_MS);
  const listeners = [
    workspace.onDidChangeConfiguration((event) => {
      if (ENGINE_SETTING_KEYS.some((key) => event.affectsConfiguration(key))) void refresh();
    }),
    workspace.onDidGrantWorkspaceTrust(() => void refresh()),
  ];
  void refresh();
  return {
    refresh,
    dispose: () => {
      clearInterval(timer);
      listeners.forEach((listener) => listener.dispose());
      item.dispose();
    },
  };
}
