import { version } from '../../../package.json';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

export const USAGE = `container-hygiene-language-server ${version}
Language server for Dockerfiles (LSP). Editors start it; it is not meant to be run by hand.

Usage: container-hygiene-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>
  --stdio      talk LSP over stdin/stdout (most editors, e.g. Neovim, Helix, Emacs)
  --node-ipc   talk over Node IPC (the VS Code extension)
  --version    print the version
With no transport and piped stdin, --stdio is assumed.
For linting from a terminal or CI, use: container-hygiene lint <paths>`;

export type StartupDecision = { action: 'serve'; argv: string[] } | { action: 'print'; text: string; exitCode: number };

/**
 * Reads the command line. Without a transport the server assumes stdio when stdin is piped (an
 * editor forgot `--stdio`), but explains itself and exits 2 when someone runs it in a terminal.
 */
export function decideStartup(argv: readonly string[], stdinIsTerminal: boolean): StartupDecision {
  const args = argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return { action: 'print', text: USAGE, exitCode: 0 };
  if (args.includes('--version') || args.includes('-v')) return { action: 'print', text: version, exitCode: 0 };
  if (args.some((arg) => TRANSPORTS.includes(arg.split('=')[0]))) return { action: 'serve', argv: [...argv] };
  if (stdinIsTerminal) return { action: 'print', text: USAGE, exitCode: 2 };
  return { action: 'serve', argv: [...argv, '--stdio'] };
}
