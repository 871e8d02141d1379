import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { note } from '../report';
import { open, revertAndCloseAll, ruleOf, waitForDiagnostics } from './helpers';

interface ServerProcess { pid: number; args: string[] }

/** Our language servers: child processes of this extension host running dist/server.js (read from /proc, Linux). */
function serverProcesses(): ServerProcess[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((name) => {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name in parentheses: state, then the parent pid.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').filter(Boolean);
      return parent === process.pid && args.some((arg) => /dist[\\/]server\.js$/.test(arg)) ? [{ pid: Number(name), args }] : [];
    } catch {
      return []; // the process ended while we looked
    }
  });
}

async function waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the language server process', () => {
  after(revertAndCloseAll);

  it('runs over stdio with the memory flags and allocator settings, and comes back after it is killed, serving the open document', async () => {
    const editor = await open('db/Dockerfile');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, 'the first diagnostics', (found) => found.some((d) => ruleOf(d) === 'image-latest-tag'));
    const [server, ...others] = serverProcesses();
    assert.ok(server, 'No child process of the extension host runs dist/server.js');
    assert.equal(others.length, 0, `More than one server: ${JSON.stringify([server, ...others])}`);
    assert.ok(server.args.includes('--stdio'), `Server command line: ${server.args.join(' ')}`);
    for (const flag of ['--max-semi-space-size=2', '--expose-gc', '--v8-pool-size=1', '--single-threaded-gc']) assert.ok(server.args.includes(flag), `${flag} missing from the server command line: ${server.args.join(' ')}`);
    const environment = readFileSync(`/proc/${server.pid}/environ`, 'utf8').split('\0');
    for (const variable of ['MALLOC_ARENA_MAX=1', 'MALLOC_MMAP_THRESHOLD_=131072']) assert.ok(environment.includes(variable), `${variable} missing from the server's environment`);

    process.kill(server.pid, 'SIGKILL');
    const restarted = await waitFor('a new server process', () => serverProcesses().find((candidate) => candidate.pid !== server.pid));
    note(`server ${server.pid} killed; the client started ${restarted.pid}`);

    // The new server has the document again: an edit gets its diagnostics.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(editor.document.lineCount, 0), 'WORKDIR relative-after-restart\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(uri, 'workdir-relative from the restarted server', (found) => found.some((d) => ruleOf(d) === 'workdir-relative'));
  });
});
