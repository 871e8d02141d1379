import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { note } from '../report';
import { extension, waitUntil, workspaceUri } from './helpers';

// Build Image, Run Container and Inspect Volume against the real engine, their inputs given as command
// arguments (documented atop client/src/commands/*.ts). The `tiny` image builds offline from busybox.
const COMMANDS = {
  build: 'containerHygiene.buildImage',
  run: 'containerHygiene.runContainer',
  inspectVolume: 'containerHygiene.inspectVolume',
} as const;

const suffix = `${process.pid}-${Date.now().toString(36)}`;
const IMAGE_NAME = 'container-hygiene-editor-test/tiny';
const IMAGE_TAG = `t-${suffix}`;
const IMAGE = `${IMAGE_NAME}:${IMAGE_TAG}`;
const CONTAINER = `ch-editor-${suffix}`;
const VOLUME = `ch-editor-${suffix}`;

/** The test's own view of the engine, independent of the extension's engine module. */
function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function dockerOrUndefined(...args: string[]): string | undefined {
  try {
    return docker(...args);
  } catch {
    return undefined;
  }
}

/** The command is in the palette (contributed) and registered once the extension is active. */
async function requireCommand(id: string): Promise<void> {
  const contributed = (extension().packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? [];
  assert.ok(contributed.some((command) => command.command === id), `Command ${id} is not contributed in package.json: the engine-commands issue adds it.`);
  await extension().activate();
  const registered = await vscode.commands.getCommands(true);
  assert.ok(registered.includes(id), `Command ${id} is contributed but not registered by the extension.`);
}

describe('engine commands against the real engine', () => {
  before(function () {
    this.timeout(30_000);
    const version = dockerOrUndefined('version', '--format', '{{.Server.Version}}');
    assert.ok(version, 'The container engine is not answering (docker version failed); start it with `bash scripts/ci/start-engine.sh`.');
    note(`engine ${version}`);
  });

  after(() => {
    dockerOrUndefined('rm', '--force', CONTAINER);
    dockerOrUndefined('volume', 'rm', '--force', VOLUME);
    dockerOrUndefined('image', 'rm', '--force', IMAGE);
  });

  it('Build Image builds tiny/Dockerfile as name:tag in a task and reports the exact command', async function () {
    this.timeout(180_000);
    await requireCommand(COMMANDS.build);
    const dockerfile = workspaceUri('tiny/Dockerfile').fsPath;
    const result = await vscode.commands.executeCommand<{ image: string; exitCode: number | undefined; commandLine: string }>(COMMANDS.build, {
      dockerfile, name: IMAGE_NAME, tag: IMAGE_TAG, buildArgs: {}, target: null, offerRun: false, throwOnError: true,
    });
    assert.ok(result, 'Build Image returned nothing.');
    note(`Build Image ran: ${result.commandLine}`);
    assert.equal(result.image, IMAGE);
    assert.equal(result.exitCode, 0, `docker build exited with ${result.exitCode}.`);
    assert.match(result.commandLine, /\bbuild\b.*--tag container-hygiene-editor-test\/tiny:t-/);
    const created = docker('image', 'inspect', '--format', '{{.Id}}', IMAGE);
    assert.match(created, /^sha256:/, `${IMAGE} is not in the engine after the build.`);
  });

  it('Run Container runs the image with a named volume mounted, and the container does its work', async function () {
    this.timeout(120_000);
    await requireCommand(COMMANDS.run);
    assert.ok(dockerOrUndefined('image', 'inspect', IMAGE), `${IMAGE} is missing: the Build Image test must pass first.`);
    docker('volume', 'create', VOLUME);
    const result = await vscode.commands.executeCommand<{ commandLine: string; containerId?: string }>(COMMANDS.run, {
      image: IMAGE,
      name: CONTAINER,
      command: ['sh', '-c', 'echo hello from the editor test > /data/greeting.txt && echo done'],
      mounts: [{ type: 'volume', source: VOLUME, target: '/data' }],
      mode: 'detached',
      hygiene: { remove: false }, // keep the stopped container, to read its exit code and logs
      throwOnError: true,
    });
    assert.ok(result, 'Run Container returned nothing.');
    note(`Run Container ran: ${result.commandLine}`);
    assert.match(result.commandLine, new RegExp(`\\brun\\b.*--name ${CONTAINER}`));
    assert.match(result.commandLine, new RegExp(`--mount type=volume,(src|source)=${VOLUME},(dst|destination|target)=/data`));
    assert.match(result.containerId ?? '', /^[0-9a-f]{12,}$/, 'A detached run should return the container id.');
    const state = await waitUntil(`container ${CONTAINER} to exit`, () => {
      const status = dockerOrUndefined('inspect', '--format', '{{.State.Status}} {{.State.ExitCode}}', CONTAINER);
      return status?.startsWith('exited') ? status : undefined;
    }, 60_000);
    assert.equal(state, 'exited 0', `The container ended as "${state}".`);
    assert.equal(docker('logs', CONTAINER), 'done');
    const mounts = docker('inspect', '--format', '{{range .Mounts}}{{.Type}}:{{.Name}}:{{.Destination}} {{end}}', CONTAINER);
    assert.match(mounts, new RegExp(`volume:${VOLUME}:/data`));
  });

  it('Inspect Volume shows the volume, the container using it and its files', async function () {
    this.timeout(120_000);
    await requireCommand(COMMANDS.inspectVolume);
    assert.ok(dockerOrUndefined('volume', 'inspect', VOLUME), `Volume ${VOLUME} is missing: the Run Container test must pass first.`);
    const result = await vscode.commands.executeCommand<{ uri: string; markdown: string }>(COMMANDS.inspectVolume, {
      volume: VOLUME, helperImage: IMAGE, throwOnError: true,
    });
    assert.ok(result, 'Inspect Volume returned nothing.');
    assert.match(result.markdown, new RegExp(VOLUME));
    assert.match(result.markdown, new RegExp(CONTAINER), 'The report should name the container that uses the volume.');
    assert.match(result.markdown, /greeting\.txt/, 'The report should list the files in the volume.');
    const shown = vscode.workspace.textDocuments.find((document) => document.uri.toString() === result.uri);
    assert.ok(shown, `The report ${result.uri} is not open in the editor.`);
  });
});
