/** The prompts of Run Container, one per choice: ports, environment, mounts, mode, hygiene options. */
import { Uri, window, workspace } from 'vscode';
import type { Engine, EnvVar, HygieneChoice, ImageDetails, Mount, PortMapping, RunMode } from '../engine';
import { checkContainerPath, checkEnvName } from '../engine/validate';
import { parseDotenv } from '../model/dotenv';
import { parsePortList, portListFromExposed } from '../model/port-list';
import { ask, cancelled, type CommandServices } from './support';

export async function askPorts(details: ImageDetails): Promise<PortMapping[]> {
  const text = await ask(window.showInputBox({
    title: 'Ports', prompt: 'host:container, comma separated (published on 127.0.0.1; write 0.0.0.0:host:container for all interfaces). Empty: none.',
    value: portListFromExposed(details.exposedPorts),
    validateInput: (value) => { const parsed = parsePortList(value); return parsed.ok ? null : parsed.problem; },
  }));
  const parsed = parsePortList(text);
  return parsed.ok ? parsed.ports : [];
}

/** Reads a .env file; problems name lines only, never values. */
export async function readEnvFile(path: string, services: CommandServices): Promise<EnvVar[]> {
  const text = Buffer.from(await workspace.fs.readFile(Uri.file(path))).toString('utf8');
  const { variables, problems } = parseDotenv(text);
  for (const problem of problems) services.output.appendLine(`! ${workspace.asRelativePath(path)}: ${problem}`);
  return variables;
}

export async function askEnvironment(services: CommandServices): Promise<EnvVar[]> {
  const source = await ask(window.showQuickPick([
    { label: 'No environment variables', key: 'none' },
    { label: '$(file) From a .env file…', key: 'file' },
    { label: '$(edit) Enter variables…', key: 'enter', detail: 'Values are typed hidden and never shown in the command' },
  ], { title: 'Environment variables' }));
  if (source.key === 'none') return [];
  if (source.key === 'file') {
    const found = await workspace.findFiles('**/{.env,*.env,.env.*}', '**/node_modules/**', 50);
    const picked = found.length > 0
      ? (await ask(window.showQuickPick(found.map((uri) => ({ label: workspace.asRelativePath(uri), uri })), { placeHolder: '.env file' }))).uri
      : (await window.showOpenDialog({ title: '.env file', canSelectMany: false }))?.[0];
    if (!picked) throw cancelled();
    return readEnvFile(picked.fsPath, services);
  }
  const names = await ask(window.showInputBox({
    title: 'Environment variables', prompt: 'Names, separated by spaces (values are asked next, hidden)', placeHolder: 'DATABASE_URL API_TOKEN',
    validateInput: (value) => value.split(/\s+/).filter(Boolean).find((name) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) ? 'Names are letters, digits and _, not starting with a digit.' : null,
  }));
  const variables: EnvVar[] = [];
  for (const name of names.split(/\s+/).filter(Boolean)) {
    checkEnvName(name);
    variables.push({ name, value: await ask(window.showInputBox({ title: name, prompt: `Value of ${name}`, password: true })) });
  }
  return variables;
}

async function askTarget(details: ImageDetails): Promise<string> {
  return ask(window.showInputBox({
    title: 'Mount target', prompt: 'Path inside the container', value: details.volumes[0] ?? '/data',
    validateInput: (value) => { try { checkContainerPath(value); return null; } catch (error) { return (error as Error).message; } },
  }));
}

export async function askMounts(engine: Engine, details: ImageDetails, services: CommandServices): Promise<Mount[]> {
  const kind = await ask(window.showQuickPick([
    { label: 'No volume', key: 'none' },
    { label: '$(database) Named volume…', key: 'volume', detail: 'Data managed by the engine; survives the container' },
    { label: '$(folder) Bind mount a folder…', key: 'bind', detail: 'A folder of this machine, seen inside the container' },
  ], { title: 'Volume' }));
  if (kind.key === 'none') return [];
  if (kind.key === 'bind') {
    const folder = (await window.showOpenDialog({ title: 'Folder to mount', canSelectFiles: false, canSelectFolders: true, canSelectMany: false }))?.[0];
    if (!folder) throw cancelled();
    const readOnly = (await ask(window.showQuickPick(['Read-only', 'Read-write'], { title: 'Access' }))) === 'Read-only';
    return [{ type: 'bind', source: folder.fsPath, target: await askTarget(details), readOnly }];
  }
  const volumes = await engine.listVolumes();
  const picked = await ask(window.showQuickPick([
    { label: '$(add) New volume…', name: '' },
    ...volumes.map((volume) => ({ label: volume.name, description: volume.driver, name: volume.name })),
  ], { title: 'Named volume' }));
  let name = picked.name;
  if (name === '') {
    name = await ask(window.showInputBox({ title: 'New volume', prompt: 'Volume name', validateInput: (value) => (/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(value) ? null : 'At least two of a-z A-Z 0-9 _ . -, starting with a letter or digit.') }));
    await engine.createVolume(name);
    services.changed('volumes');
  }
  return [{ type: 'volume', source: name, target: await askTarget(details) }];
}

export async function askMode(): Promise<RunMode> {
  const picked = await ask(window.showQuickPick([
    { label: 'Detached', description: '--detach', detail: 'Runs in the background; the container id is shown', mode: 'detached' as RunMode },
    { label: 'Interactive', description: '--interactive --tty', detail: 'A terminal connected to the container', mode: 'interactive' as RunMode },
    { label: 'Attached', description: '(foreground)', detail: 'Output in a terminal until it stops', mode: 'attached' as RunMode },
  ], { title: 'How to run' }));
  return picked.mode;
}

export async function askHygiene(choices: readonly HygieneChoice[]): Promise<HygieneChoice[]> {
  const picked = await ask(window.showQuickPick(
    choices.map((choice) => ({ label: choice.flags, detail: choice.reason, picked: choice.on, choice })),
    { canPickMany: true, title: 'Hardening options', placeHolder: 'On by default where they cannot break a typical image' },
  ));
  const on = new Set(picked.map((item) => item.choice.option));
  return choices.map((choice) => ({ ...choice, on: on.has(choice.option) }));
}
