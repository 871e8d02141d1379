/**
 * Lists the files in a volume through a short-lived helper container: no network, read-only root
 * filesystem, the volume mounted read-only, every capability dropped except reading past file
 * permissions, removed when done (and on timeout or cancel). The helper image needs `find` and
 * `stat` (busybox, alpine and debian all have them).
 */
import { randomBytes } from 'node:crypto';
import type { ContainerCli, ExecOptions } from './cli';
import { EngineError, firstLines } from './errors';
import { checkImage, checkVolumeName } from './validate';
import { inspectVolume } from './volumes';

export interface VolumeFile {
  /** Path inside the volume, starting with `/`. */
  path: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
  sizeBytes: number;
  modified: Date | null;
}

export interface VolumeFileList {
  files: VolumeFile[];
  /** True when more entries existed than were kept. */
  truncated: boolean;
}

export interface ListVolumeFilesOptions extends ExecOptions {
  /** Directory levels below the volume root; default 4. */
  maxDepth?: number;
  /** Entries kept; default 500. */
  maxEntries?: number;
  /** Overrides the settings' helper image (tests pass a locally built one). */
  helperImage?: string;
  labels?: Readonly<Record<string, string>>;
}

const MOUNT = '/volume';
const STAT_FORMAT = '%F|%s|%Y|%n';

/** The exact argv of the helper container, for display and for tests. */
export function volumeFilesArgs(volume: string, helperImage: string, containerName: string, maxDepth: number): string[] {
  checkVolumeName(volume);
  checkImage(helperImage);
  return [
    'container', 'run', '--rm', '--name', containerName,
    '--network', 'none', '--read-only', '--cap-drop', 'ALL', '--cap-add', 'DAC_READ_SEARCH',
    '--security-opt', 'no-new-privileges', '--label', 'container-hygiene.helper=1',
    '--mount', `type=volume,source=${volume},target=${MOUNT},readonly`,
    '--entrypoint', 'find', '--', helperImage,
    MOUNT, '-mindepth', '1', '-maxdepth', String(maxDepth), '-exec', 'stat', '-c', STAT_FORMAT, '{}', '+',
  ];
}

export function parseStatLines(output: string, maxEntries: number): VolumeFileList {
  const files: VolumeFile[] = [];
  let truncated = false;
  for (const line of output.split('\n')) {
    const match = /^([^|]+)\|(\d+)\|(\d+)\|(.+)$/.exec(line);
    if (!match || !match[4].startsWith(`${MOUNT}/`)) continue;
    if (files.length >= maxEntries) {
      truncated = true;
      break;
    }
    files.push({
      path: match[4].slice(MOUNT.length),
      type: fileType(match[1]),
      sizeBytes: Number(match[2]),
      modified: new Date(Number(match[3]) * 1000),
    });
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, truncated };
}

function fileType(text: string): VolumeFile['type'] {
  if (/directory/i.test(text)) return 'directory';
  if (/symbolic link/i.test(text)) return 'symlink';
  if (/regular/i.test(text)) return 'file';
  return 'other';
}

export async function listVolumeFiles(cli: ContainerCli, volume: string, options: ListVolumeFilesOptions = {}): Promise<VolumeFileList> {
  const helperImage = options.helperImage ?? cli.settings.helperImage;
  const name = `container-hygiene-helper-${randomBytes(6).toString('hex')}`;
  const args = volumeFilesArgs(volume, helperImage, name, options.maxDepth ?? 4);
  const removeHelper = async (): Promise<void> => {
    await cli.exec(['container', 'rm', '--force', '--', name], { timeoutMs: 10_000 }).catch(() => undefined);
  };
  // `--mount type=volume` would create a missing volume; make sure it exists first.
  await inspectVolume(cli, volume, options);
  try {
    const output = await cli.text(args, { ...options, timeoutMs: options.timeoutMs ?? Math.max(cli.settings.timeoutMs, 60_000), cleanup: removeHelper });
    return parseStatLines(output, options.maxEntries ?? 500);
  } catch (error) {
    if (error instanceof EngineError && (error.kind === 'failed' || error.kind === 'not-found') && /Unable to find image|pull access denied|manifest unknown|executable file not found/i.test(error.details ?? '')) {
      throw new EngineError(error.kind,
        `The volume helper image ${helperImage} is not available or lacks find/stat (${firstLines(error.details ?? '')}). Set containerHygiene.volumeHelperImage to a local image that has find and stat, such as busybox.`, error.details);
    }
    throw error;
  }
}
