/**
 * Runs long, user-visible container commands (build, run in the foreground) as VS Code tasks with a
 * ProcessExecution: the terminal shows the output, no shell is involved, and a progress
 * notification (cancellable) lasts until the process exits.
 */
import { ProcessExecution, ProgressLocation, Task, TaskRevealKind, TaskScope, tasks, window, type WorkspaceFolder } from 'vscode';
import type { Invocation } from './engine';

export const TASK_TYPE = 'container-hygiene';

export interface TaskRequest {
  /** Shown in the terminal tab and the progress notification. */
  title: string;
  /** `build` or `run`: the task definition's `command`. */
  kind: 'build' | 'run';
  invocation: Invocation;
  cwd?: string;
  folder?: WorkspaceFolder;
  /** Wait for the process to end (build); a foreground run returns once it has started. */
  waitForExit: boolean;
}

/** The exit code when waited for (undefined when cancelled or not waited for). */
export async function runInTask(request: TaskRequest): Promise<number | undefined> {
  const execution = new ProcessExecution(request.invocation.command, request.invocation.args, { cwd: request.cwd, env: request.invocation.env });
  const task = new Task({ type: TASK_TYPE, command: request.kind }, request.folder ?? TaskScope.Workspace, request.title, 'Container Hygiene', execution, []);
  task.presentationOptions = { reveal: TaskRevealKind.Always, clear: true, echo: true, showReuseMessage: false };
  const running = await tasks.executeTask(task);
  if (!request.waitForExit) return undefined;
  return window.withProgress({ location: ProgressLocation.Notification, title: request.title, cancellable: true }, (_progress, token) =>
    new Promise<number | undefined>((resolve) => {
      const ended = tasks.onDidEndTaskProcess((event) => {
        if (event.execution !== running) return;
        ended.dispose();
        resolve(event.exitCode);
      });
      token.onCancellationRequested(() => {
        running.terminate();
        ended.dispose();
        resolve(undefined);
      });
    }));
}
