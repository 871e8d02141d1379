import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';

const MAX_RESTARTS = 4;
const WINDOW_MS = 3 * 60 * 1000;

/**
 * vscode-languageclient's default policy (restart a server that exits, up to 4 times in 3 minutes),
 * except for one case: when the server dies, the client's next write fails with EPIPE on the stdio
 * stream, an error without a count, on which the default handler shuts the client down for good.
 * Here such an error waits for the close that follows, and the close restarts the server.
 */
export class RestartPolicy implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(private readonly name: string) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    return { action: count === undefined || count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length > 0 && now - this.restarts[0] > WINDOW_MS) this.restarts.shift();
    if (this.restarts.length <= MAX_RESTARTS) return { action: CloseAction.Restart };
    return { action: CloseAction.DoNotRestart, message: `The ${this.name} server stopped ${this.restarts.length} times in 3 minutes and will not be restarted; see the output channel, then run "Container Hygiene: Restart Language Server".` };
  }
}
