/** Container operations the commands need: run detached, list, remove. */
import type { ContainerCli, ExecOptions } from './cli';
import { JSON_FORMAT, labelFilterArgs, type LabelFilter } from './images';
import { parseContainerSummary, type ContainerSummary } from './records';
import { runArgs, runEnvironment, type RunOptions } from './run-args';
import { checkContainerName } from './validate';

/** Runs `--detach` and returns the new container's id. Environment values go through `secretEnv`. */
export async function runDetached(cli: ContainerCli, options: RunOptions, exec: ExecOptions = {}): Promise<string> {
  const args = runArgs({ ...options, mode: 'detached' });
  const output = await cli.text(args, { ...exec, secretEnv: runEnvironment(options), timeoutMs: exec.timeoutMs ?? Math.max(cli.settings.timeoutMs, 60_000) });
  return output.trim().split(/\r?\n/).pop() ?? '';
}

export async function listContainers(cli: ContainerCli, options: ExecOptions & { label?: LabelFilter } = {}): Promise<ContainerSummary[]> {
  return cli.jsonLines(['container', 'ls', '--all', '--no-trunc', ...labelFilterArgs(options.label), ...JSON_FORMAT], parseContainerSummary, options);
}

export async function removeContainer(cli: ContainerCli, nameOrId: string, options: ExecOptions & { force?: boolean } = {}): Promise<void> {
  checkContainerName(nameOrId);
  await cli.exec(['container', 'rm', ...(options.force ? ['--force'] : []), '--', nameOrId], options);
}
