/**
 * The engine module's front door: one object bound to one CLI configuration. Nothing under
 * client/src/engine imports `vscode`, so all of it runs (and is tested) under plain node.
 */
import { buildArgs, buildEnvironment, type BuildOptions } from './build-args';
import { ContainerCli, type ExecOptions, type Invocation } from './cli';
import { listContainers, removeContainer, runDetached } from './containers';
import { imageUsers } from './image-users';
import { imageRepoDigests as repoDigests, inspectImage, listImages, removeImage, type LabelFilter, type ListImagesOptions } from './images';
import { runArgs, runEnvironment, type RunOptions } from './run-args';
import type { EngineSettings } from './settings';
import { currentContext, engineStatus, engineVersion, listContexts, useContext } from './system';
import { listVolumeFiles, type ListVolumeFilesOptions } from './volume-files';
import {
  createVolume, inspectVolume, listVolumes, pruneRemovesNamedVolumes, pruneVolumes, removeVolume, volumeSize, volumeUsers,
  type CreateVolumeOptions, type PruneOptions,
} from './volumes';

export class Engine {
  constructor(readonly cli: ContainerCli) {}

  static create(settings: Partial<EngineSettings> = {}, log?: (line: string) => void): Engine {
    return new Engine(new ContainerCli(settings, log));
  }

  /** The exact command text for a task or a log line (values of secrets are never in argv). */
  commandLine(args: readonly string[]): string {
    return this.cli.commandLine(args);
  }

  version(options?: ExecOptions) { return engineVersion(this.cli, options); }
  status(options?: ExecOptions) { return engineStatus(this.cli, options); }
  listContexts(options?: ExecOptions) { return listContexts(this.cli, options); }
  currentContext(options?: ExecOptions) { return currentContext(this.cli, options); }
  useContext(name: string, options?: ExecOptions) { return useContext(this.cli, name, options); }

  listImages(options?: ListImagesOptions) { return listImages(this.cli, options); }
  inspectImage(image: string, options?: ExecOptions) { return inspectImage(this.cli, image, options); }
  imageRepoDigests(image: string, options?: ExecOptions) { return repoDigests(this.cli, image, options); }
  imageUsers(image: string, options?: ExecOptions) { return imageUsers(this.cli, image, options); }
  removeImage(image: string, options?: ExecOptions & { force?: boolean }) { return removeImage(this.cli, image, options); }

  listVolumes(options?: ExecOptions & { label?: LabelFilter }) { return listVolumes(this.cli, options); }
  inspectVolume(name: string, options?: ExecOptions) { return inspectVolume(this.cli, name, options); }
  volumeUsers(name: string, options?: ExecOptions) { return volumeUsers(this.cli, name, options); }
  volumeSize(name: string, options?: ExecOptions) { return volumeSize(this.cli, name, options); }
  listVolumeFiles(name: string, options?: ListVolumeFilesOptions) { return listVolumeFiles(this.cli, name, options); }
  createVolume(name: string, options?: CreateVolumeOptions) { return createVolume(this.cli, name, options); }
  removeVolume(name: string, options?: ExecOptions) { return removeVolume(this.cli, name, options); }
  pruneVolumes(options?: PruneOptions) { return pruneVolumes(this.cli, options); }
  pruneRemovesNamedVolumes(includeNamed: boolean, options?: ExecOptions) { return pruneRemovesNamedVolumes(this.cli, includeNamed, options); }

  listContainers(options?: ExecOptions & { label?: LabelFilter }) { return listContainers(this.cli, options); }
  removeContainer(nameOrId: string, options?: ExecOptions & { force?: boolean }) { return removeContainer(this.cli, nameOrId, options); }
  runDetached(options: RunOptions, exec?: ExecOptions) { return runDetached(this.cli, options, exec); }

  /** Build Image as a task runs it: argv from `buildArgs`, build-arg values in `env`. */
  buildInvocation(options: BuildOptions): Invocation {
    return this.cli.invocation(buildArgs(options), buildEnvironment(options));
  }

  /** Run Container (interactive or attached) as a task runs it. */
  runInvocation(options: RunOptions): Invocation {
    return this.cli.invocation(runArgs(options), runEnvironment(options));
  }
}

/**
 * RepoDigests of a local image (`repository@sha256:…`), empty when the image is absent or has none.
 * For pinning offline; throws EngineError with a user-facing message when the engine cannot be asked.
 */
export function imageRepoDigests(ref: string, settings: Partial<EngineSettings> = {}, options: ExecOptions = {}): Promise<string[]> {
  return Engine.create(settings).imageRepoDigests(ref, options);
}

export { buildArgs, buildEnvironment, type BuildArg, type BuildOptions } from './build-args';
export { ContainerCli, quoteArgument, type ExecOptions, type Invocation } from './cli';
export { EngineError, describeError, type EngineErrorKind } from './errors';
export { applyHygiene, hygieneChoices, type HygieneChoice, type HygieneOption } from './hygiene';
export { parsePasswd, suggestRunUser, type PasswdEntry } from './image-users';
export type { ImageDetails, VolumeDetails } from './inspect-records';
export type { ContainerSummary, ContextSummary, ImageSummary, VersionInfo, VolumeDiskUsage, VolumeSummary } from './records';
export { DEFAULT_HOST_IP, runArgs, runEnvironment, type EnvVar, type Mount, type PortMapping, type RunMode, type RunOptions } from './run-args';
export { DEFAULT_HELPER_IMAGE, DEFAULT_SETTINGS, cliFlavor, resolveSettings, type EngineSettings } from './settings';
export { formatAge, formatBytes, parseHumanSize } from './sizes';
export type { EngineStatus } from './system';
export type { VolumeFile, VolumeFileList } from './volume-files';
export type { PruneResult } from './volumes';
export type { LabelFilter } from './images';
