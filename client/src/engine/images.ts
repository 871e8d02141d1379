/** Image operations: list, inspect, local RepoDigests (for pinning), remove. */
import type { ContainerCli, ExecOptions } from './cli';
import { EngineError } from './errors';
import { parseImageDetails, type ImageDetails } from './inspect-records';
import { parseImageSummary, type ImageSummary } from './records';
import { checkImage, checkLabelKey, checkValue } from './validate';

export const JSON_FORMAT = ['--format', '{{json .}}'];

/** `key` or `key=value`, for `--filter label=...`. */
export interface LabelFilter {
  key: string;
  value?: string;
}

export function labelFilterArgs(filter: LabelFilter | undefined): string[] {
  if (!filter) return [];
  checkLabelKey(filter.key);
  const value = filter.value === undefined ? '' : `=${checkValue('label value', filter.value)}`;
  return ['--filter', `label=${filter.key}${value}`];
}

export interface ListImagesOptions extends ExecOptions {
  /** Include intermediate images (`-a`). */
  all?: boolean;
  label?: LabelFilter;
}

export async function listImages(cli: ContainerCli, options: ListImagesOptions = {}): Promise<ImageSummary[]> {
  const args = ['image', 'ls', ...(options.all ? ['--all'] : []), ...labelFilterArgs(options.label), ...JSON_FORMAT];
  return cli.jsonLines(args, parseImageSummary, options);
}

export async function inspectImage(cli: ContainerCli, image: string, options: ExecOptions = {}): Promise<ImageDetails> {
  checkImage(image);
  const [details] = await cli.jsonLines(['image', 'inspect', ...JSON_FORMAT, '--', image], parseImageDetails, options);
  if (!details) throw new EngineError('not-found', `No local image ${image}.`);
  return details;
}

/**
 * The local image's RepoDigests (`repository@sha256:…`): empty when the image is absent or was
 * never pushed or pulled. Engine trouble (down, CLI missing) still throws, with its message.
 */
export async function imageRepoDigests(cli: ContainerCli, image: string, options: ExecOptions = {}): Promise<string[]> {
  try {
    return (await inspectImage(cli, image, options)).repoDigests;
  } catch (error) {
    if (error instanceof EngineError && error.kind === 'not-found') return [];
    throw error;
  }
}

export interface RemovedImage {
  untagged: string[];
  deleted: string[];
}

/** `image rm` without --force unless asked: the engine refuses while a container uses the image. */
export async function removeImage(cli: ContainerCli, image: string, options: ExecOptions & { force?: boolean } = {}): Promise<RemovedImage> {
  checkImage(image);
  const output = await cli.text(['image', 'rm', ...(options.force ? ['--force'] : []), '--', image], options);
  const result: RemovedImage = { untagged: [], deleted: [] };
  for (const line of output.split(/\r?\n/)) {
    const match = /^(Untagged|Deleted):\s*(.+)$/.exec(line.trim());
    if (match) (match[1] === 'Untagged' ? result.untagged : result.deleted).push(match[2]);
  }
  return result;
}
