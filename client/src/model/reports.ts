/**
 * The read-only Markdown documents Inspect Volume and Inspect Image open. Every value from the
 * engine is shown as inline code, so names and labels cannot inject Markdown or HTML.
 */
import type { ContainerSummary, ImageDetails, VolumeDetails, VolumeDiskUsage, VolumeFileList } from '../engine';
import { formatAge, formatBytes } from '../engine/sizes';

/** Inline code that holds any text: a fence longer than any backtick run inside, newlines flattened. */
export function code(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  if (flat === '') return '*(empty)*';
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function date(value: Date | null, now: Date): string {
  return value ? `${value.toISOString()} (${formatAge(value, now)})` : 'unknown';
}

function table(rows: [string, string][]): string[] {
  return ['| | |', '|---|---|', ...rows.map(([key, value]) => `| ${key} | ${value.replace(/\|/g, '\\|')} |`)];
}

function labelLines(labels: Readonly<Record<string, string>>): string[] {
  const entries = Object.entries(labels);
  return entries.length === 0 ? ['None.'] : entries.map(([key, value]) => `- ${code(key)} = ${code(value)}`);
}

export interface VolumeReportInput {
  details: VolumeDetails;
  users: readonly ContainerSummary[];
  size: VolumeDiskUsage | null;
  /** The file list, or why it could not be read. */
  files: VolumeFileList | { error: string };
  helperImage: string;
  now?: Date;
}

export function renderVolumeReport(input: VolumeReportInput): string {
  const { details, users, size } = input;
  const now = input.now ?? new Date();
  const lines = [`# Volume ${code(details.name)}`, ''];
  lines.push(...table([
    ['Driver', code(details.driver)],
    ['Mountpoint', code(details.mountpoint || 'unknown')],
    ['Created', date(details.createdAt, now)],
    ['Size', size?.sizeBytes !== null && size?.sizeBytes !== undefined ? formatBytes(size.sizeBytes) : 'unknown (the engine reports sizes of local volumes only)'],
    ['Anonymous', details.anonymous ? 'yes: created for a container, not named by anyone' : 'no: a named volume'],
    ['Scope', code(details.scope ?? 'local')],
  ]));
  lines.push('', '## Labels', '', ...labelLines(details.labels));
  if (Object.keys(details.options).length > 0) lines.push('', '## Driver options', '', ...labelLines(details.options));
  lines.push('', '## Used by', '');
  if (users.length === 0) lines.push('No container, running or stopped, uses this volume.');
  for (const user of users) lines.push(`- ${code(user.names[0] ?? user.id.slice(0, 12))} (${user.state}) from ${code(user.image)}`);
  lines.push('', '## Files', '');
  if ('error' in input.files) {
    lines.push(`Could not list the files: ${input.files.error}`);
  } else {
    lines.push(`Listed read-only by a short-lived helper container (${code(input.helperImage)}, no network).`, '');
    if (input.files.files.length === 0) lines.push('The volume is empty.');
    for (const file of input.files.files) {
      const suffix = file.type === 'directory' ? '/' : '';
      const note = file.type === 'file' ? ` ${formatBytes(file.sizeBytes)}` : file.type === 'symlink' ? ' (symbolic link)' : file.type === 'other' ? ' (special file)' : '';
      lines.push(`- ${code(file.path + suffix)}${note}`);
    }
    if (input.files.truncated) lines.push('', '*(list cut short; more files exist)*');
  }
  return `${lines.join('\n')}\n`;
}

export function renderImageReport(image: ImageDetails, now = new Date()): string {
  const lines = [`# Image ${code(image.repoTags[0] ?? image.id)}`, ''];
  lines.push(...table([
    ['Id', code(image.id)],
    ['Tags', image.repoTags.map(code).join(', ') || 'none'],
    ['Digests', image.repoDigests.map(code).join(', ') || 'none (never pushed or pulled)'],
    ['Created', date(image.created, now)],
    ['Size', formatBytes(image.sizeBytes)],
    ['Platform', code(`${image.os ?? '?'}/${image.architecture ?? '?'}`)],
    ['User', image.user ? code(image.user) : 'root (no USER set)'],
    ['Exposed ports', image.exposedPorts.map(code).join(', ') || 'none'],
    ['Entrypoint', image.entrypoint.length > 0 ? code(JSON.stringify(image.entrypoint)) : 'none'],
    ['Command', image.cmd.length > 0 ? code(JSON.stringify(image.cmd)) : 'none'],
    ['Working directory', image.workingDir ? code(image.workingDir) : '/'],
    ['Volumes', image.volumes.map(code).join(', ') || 'none'],
    ['Environment', image.envNames.map(code).join(', ') || 'none'],
  ]));
  lines.push('', '## Labels', '', ...labelLines(image.labels));
  return `${lines.join('\n')}\n`;
}
