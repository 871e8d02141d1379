/** Volume operations: list, inspect, who uses it, size, create, remove (never while used), prune. */
import type { ContainerCli, ExecOptions } from './cli';
import { EngineError } from './errors';
import { JSON_FORMAT, labelFilterArgs, type LabelFilter } from './images';
import { parseVolumeDetails, type VolumeDetails } from './inspect-records';
import {
  parseContainerSummary, parseDiskUsageVolumes, parseVolumeSummary, type ContainerSummary, type VolumeDiskUsage, type VolumeSummary,
} from './records';
import { parseHumanSize } from './sizes';
import { engineVersion } from './system';
import { checkLabelKey, checkValue, checkVolumeName } from './validate';

export async function listVolumes(cli: ContainerCli, options: ExecOptions & { label?: LabelFilter } = {}): Promise<VolumeSummary[]> {
  return cli.jsonLines(['volume', 'ls', ...labelFilterArgs(options.label), ...JSON_FORMAT], parseVolumeSummary, options);
}

export async function inspectVolume(cli: ContainerCli, name: string, options: ExecOptions = {}): Promise<VolumeDetails> {
  checkVolumeName(name);
  try {
    const [details] = await cli.jsonLines(['volume', 'inspect', ...JSON_FORMAT, '--', name], parseVolumeDetails, options);
    if (details) return details;
  } catch (error) {
    if (!(error instanceof EngineError && error.kind === 'not-found')) throw error;
  }
  throw new EngineError('not-found', `There is no volume named ${name} (it may have been removed); refresh the Volumes view.`);
}

/** Containers that mount the volume, running or stopped. */
export async function volumeUsers(cli: ContainerCli, name: string, options: ExecOptions = {}): Promise<ContainerSummary[]> {
  checkVolumeName(name);
  return cli.jsonLines(['container', 'ls', '--all', '--no-trunc', '--filter', `volume=${name}`, ...JSON_FORMAT], parseContainerSummary, options);
}

/** Sizes of all volumes as the engine accounts them (`system df -v`); local-driver volumes only. */
export async function volumeDiskUsage(cli: ContainerCli, options: ExecOptions = {}): Promise<VolumeDiskUsage[]> {
  const reports = await cli.jsonLines(['system', 'df', '--verbose', ...JSON_FORMAT], parseDiskUsageVolumes, options);
  return reports.flat();
}

export async function volumeSize(cli: ContainerCli, name: string, options: ExecOptions = {}): Promise<VolumeDiskUsage | null> {
  checkVolumeName(name);
  return (await volumeDiskUsage(cli, options)).find((usage) => usage.name === name) ?? null;
}

export interface CreateVolumeOptions extends ExecOptions {
  labels?: Readonly<Record<string, string>>;
}

export async function createVolume(cli: ContainerCli, name: string, options: CreateVolumeOptions = {}): Promise<string> {
  checkVolumeName(name);
  const labels = Object.entries(options.labels ?? {}).flatMap(([key, value]) => ['--label', `${checkLabelKey(key)}=${checkValue('label value', value)}`]);
  return (await cli.text(['volume', 'create', ...labels, '--', name], options)).trim();
}

export function describeUsers(users: readonly ContainerSummary[]): string {
  return users.map((user) => `${user.names[0] ?? user.id.slice(0, 12)} (${user.state})`).join(', ');
}

/** Refuses, naming the containers, while any container (running or stopped) mounts the volume. */
export async function removeVolume(cli: ContainerCli, name: string, options: ExecOptions = {}): Promise<void> {
  const users = await volumeUsers(cli, name, options);
  if (users.length > 0) {
    const count = users.length === 1 ? '1 container' : `${users.length} containers`;
    throw new EngineError('in-use', `Volume ${name} is used by ${count}: ${describeUsers(users)}. Remove ${users.length === 1 ? 'it' : 'them'} first; the volume was kept.`);
  }
  await cli.exec(['volume', 'rm', '--', name], options);
}

export interface PruneResult {
  deleted: string[];
  reclaimedBytes: number | null;
  reclaimedText: string;
}

/** `Deleted Volumes:` names, then `Total reclaimed space: 5B`. */
export function parsePruneOutput(output: string): PruneResult {
  const deleted: string[] = [];
  let inList = false;
  let reclaimedText = '';
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trim();
    const total = /^Total reclaimed space:\s*(.+)$/i.exec(line);
    if (total) reclaimedText = total[1];
    else if (/^Deleted Volumes:$/i.test(line)) inList = true;
    else if (line === '') inList = false;
    else if (inList) deleted.push(line);
  }
  return { deleted, reclaimedBytes: parseHumanSize(reclaimedText), reclaimedText: reclaimedText || '0B' };
}

export interface PruneOptions extends ExecOptions {
  /** Named volumes too. Engines before API 1.42 always include them; newer ones need `--all`. */
  includeNamed?: boolean;
  label?: LabelFilter;
}

export async function pruneVolumes(cli: ContainerCli, options: PruneOptions = {}): Promise<PruneResult> {
  let all: string[] = [];
  if (options.includeNamed && cli.flavor === 'docker') {
    const version = await engineVersion(cli, options);
    if (apiAtLeast(version.serverApiVersion, 1, 42)) all = ['--all'];
  }
  const output = await cli.text(['volume', 'prune', '--force', ...all, ...labelFilterArgs(options.label)], options);
  return parsePruneOutput(output);
}

export function apiAtLeast(version: string | null, major: number, minor: number): boolean {
  const match = /^(\d+)\.(\d+)/.exec(version ?? '');
  if (!match) return false;
  return Number(match[1]) > major || (Number(match[1]) === major && Number(match[2]) >= minor);
}

/** Whether a prune would remove unused named volumes too (so the confirmation can say so). */
export async function pruneRemovesNamedVolumes(cli: ContainerCli, includeNamed: boolean, options: ExecOptions = {}): Promise<boolean> {
  if (includeNamed || cli.flavor !== 'docker') return true;
  const version = await engineVersion(cli, options);
  return !apiAtLeast(version.serverApiVersion, 1, 42);
}
