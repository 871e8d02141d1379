/**
 * Container Hygiene: Build Image — builds the active or chosen Dockerfile in a task terminal:
 * `docker build --file F --tag NAME:TAG [--build-arg NAME]... [--target STAGE] -- CONTEXT`, with a
 * progress notification; offers "Run" when done. Name, tag and target are remembered per
 * Dockerfile (workspaceState); build-arg values are passed through the environment, never shown.
 * Arguments: a Dockerfile Uri (explorer/editor menus), or
 *   { dockerfile?: string, contextDir?: string, name?: string, tag?: string,
 *     buildArgs?: Record<string, string>, target?: string | null, offerRun?: boolean, throwOnError?: boolean }
 * With `name` given it is a scripted call that asks nothing: the tag defaults to none (warned
 * about), build args to none and the target to the last stage (`target: null` says so explicitly).
 * Otherwise every missing choice is asked for.
 * Returns { image: string, exitCode: number | undefined, commandLine: string }.
 */
import { basename, dirname } from 'node:path';
import { commands, Uri, window, workspace } from 'vscode';
import type { BuildArg } from '../engine';
import { describeDockerfile, targetStages, type DockerfileInfo } from '../model/dockerfile-info';
import { imageNameProblem, imageReference, suggestImageName, tagInputProblem, tagProblem, tagWarning } from '../model/image-naming';
import { runInTask } from '../tasks';
import { RUN_CONTAINER } from './runContainer';
import { ask, cancelled, registerEngineCommand, stringArg, type CommandServices } from './support';

export const BUILD_IMAGE = 'containerHygiene.buildImage';
const DOCKERFILE_GLOB = '**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,Dockerfile.*,Containerfile.*}';
const SECRET_NAME = /pass|secret|token|key|credential|auth/i;

interface Remembered {
  name?: string;
  tag?: string;
  target?: string | null;
}

type BuildArgsInput = { [key: string]: unknown };

async function resolveDockerfile(args: unknown): Promise<Uri> {
  if (args instanceof Uri) return args;
  const given = stringArg(args, 'dockerfile');
  if (given) return Uri.file(given);
  const active = window.activeTextEditor?.document;
  if (active && active.languageId === 'dockerfile' && active.uri.scheme === 'file') return active.uri;
  const found = await workspace.findFiles(DOCKERFILE_GLOB, '**/node_modules/**', 100);
  if (found.length === 1) return found[0];
  if (found.length === 0) {
    const chosen = await window.showOpenDialog({ title: 'Dockerfile to build', canSelectMany: false, openLabel: 'Build' });
    if (!chosen?.[0]) throw cancelled();
    return chosen[0];
  }
  const picked = await ask(window.showQuickPick(found.map((uri) => ({ label: workspace.asRelativePath(uri), uri })), { placeHolder: 'Dockerfile to build' }));
  return picked.uri;
}

async function askTag(initial: string, name: string): Promise<string> {
  let value = initial;
  for (;;) {
    value = await ask(window.showInputBox({ title: `Build ${name}`, prompt: 'Tag (a version such as 1.0.0)', value, placeHolder: '1.0.0', validateInput: tagInputProblem }));
    const problem = tagProblem(value);
    if (!problem) return value;
    const choice = await window.showWarningMessage(tagWarning(problem, name), 'Change Tag', 'Build Anyway');
    if (choice === 'Build Anyway') return value;
    if (choice === undefined) throw cancelled();
  }
}

async function askBuildArgs(info: DockerfileInfo): Promise<BuildArg[]> {
  if (info.buildArgs.length === 0) return [];
  const picked = await ask(window.showQuickPick(
    info.buildArgs.map((arg) => ({ label: arg.name, description: arg.hasDefault ? 'has a default' : 'no default', picked: false })),
    { canPickMany: true, title: 'Build arguments', placeHolder: 'Pick the ARGs to set (none: use the defaults)' },
  ));
  const result: BuildArg[] = [];
  for (const item of picked) {
    const value = await ask(window.showInputBox({ title: `Build arg ${item.label}`, prompt: `Value of ${item.label}`, password: SECRET_NAME.test(item.label) }));
    result.push({ name: item.label, value });
  }
  return result;
}

async function askTarget(info: DockerfileInfo, remembered: string | null | undefined): Promise<string | null> {
  const named = targetStages(info);
  if (info.stages.length < 2 || named.length === 0) return null;
  const last = info.stages[info.stages.length - 1];
  const items = [
    { label: 'Last stage', description: last.name ? `${last.name} (default)` : '(default)', stage: null as string | null },
    ...named.map((stage) => ({ label: stage.name ?? '', description: `FROM ${stage.image}, line ${stage.line + 1}`, stage: stage.name })),
  ];
  const sorted = items.sort((a, b) => Number(b.stage === remembered) - Number(a.stage === remembered));
  return (await ask(window.showQuickPick(sorted, { title: 'Target stage', placeHolder: 'Stage to build (--target)' }))).stage;
}

function buildArgsFrom(value: unknown): BuildArg[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.entries(value as BuildArgsInput).map(([name, item]) => ({ name, value: String(item) }));
}

export function registerBuildImage(services: CommandServices) {
  return registerEngineCommand(services, BUILD_IMAGE, 'Build Image', async (args?: unknown) => {
    const engine = services.engine();
    const dockerfile = await resolveDockerfile(args);
    const info = describeDockerfile((await workspace.openTextDocument(dockerfile)).getText());
    const memoryKey = `containerHygiene.build:${dockerfile.fsPath}`;
    const remembered = services.context.workspaceState.get<Remembered>(memoryKey) ?? {};
    const name = stringArg(args, 'name') ?? await ask(window.showInputBox({
      title: 'Build Image', prompt: 'Image name (repository, without tag)', value: remembered.name ?? suggestImageName(basename(dirname(dockerfile.fsPath))),
      validateInput: imageNameProblem,
    }));
    const scripted = stringArg(args, 'name') !== undefined;
    const givenTag = stringArg(args, 'tag') ?? (scripted ? '' : undefined);
    const tag = givenTag ?? await askTag(remembered.tag ?? '', name);
    const problem = tagProblem(tag);
    if (problem && givenTag !== undefined) {
      services.output.appendLine(`! ${tagWarning(problem, name)}`);
      void window.showWarningMessage(tagWarning(problem, name));
    }
    const buildArgs = buildArgsFrom((args as { buildArgs?: unknown } | undefined)?.buildArgs) ?? (scripted ? [] : await askBuildArgs(info));
    const targetArg = (args as { target?: unknown } | undefined)?.target;
    const target = typeof targetArg === 'string' || targetArg === null ? targetArg : scripted ? null : await askTarget(info, remembered.target);
    await services.context.workspaceState.update(memoryKey, { name, tag, target } satisfies Remembered);

    const image = imageReference(name, tag);
    const contextDir = stringArg(args, 'contextDir') ?? dirname(dockerfile.fsPath);
    const invocation = engine.buildInvocation({ dockerfile: dockerfile.fsPath, contextDir, tags: [image], buildArgs, target: target ?? undefined });
    const commandLine = engine.commandLine(invocation.args);
    services.output.appendLine(`$ ${commandLine}`);
    if (buildArgs.length > 0) services.output.appendLine(`  (values of ${buildArgs.map((arg) => arg.name).join(', ')} are passed through the environment)`);
    const exitCode = await runInTask({ title: `Build ${image}`, kind: 'build', invocation, cwd: contextDir, folder: workspace.getWorkspaceFolder(dockerfile), waitForExit: true });
    if (exitCode === 0) {
      services.changed('images');
      if ((args as { offerRun?: unknown } | undefined)?.offerRun !== false) {
        void window.showInformationMessage(`Built ${image}.`, 'Run').then((choice) => choice === 'Run' && commands.executeCommand(RUN_CONTAINER, { image }));
      }
    } else if (exitCode !== undefined) {
      void window.showErrorMessage(`Building ${image} failed (exit code ${exitCode}); the terminal shows why.`);
    }
    return { image, exitCode, commandLine };
  });
}
