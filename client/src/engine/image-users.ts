/**
 * Which users an image ships, read from its /etc/passwd without running it: `create` a container
 * (never started), `cp` the file out as tar, remove the container. Works on images with no shell.
 */
import { randomBytes } from 'node:crypto';
import type { ContainerCli, ExecOptions } from './cli';
import { EngineError } from './errors';
import { firstFileInTar } from './tar';
import { checkImage } from './validate';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

export function parsePasswd(text: string): PasswdEntry[] {
  const entries: PasswdEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const fields = line.split(':');
    if (fields.length < 7 || line.startsWith('#')) continue;
    const uid = Number(fields[2]);
    const gid = Number(fields[3]);
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*\$?$/.test(fields[0]) || !Number.isInteger(uid) || !Number.isInteger(gid)) continue;
    entries.push({ name: fields[0], uid, gid, home: fields[5], shell: fields[6] });
  }
  return entries;
}

/** Names a created-only helper container; labelled so a crash leaves something findable. */
function probeName(): string {
  return `container-hygiene-probe-${randomBytes(6).toString('hex')}`;
}

/** The image's /etc/passwd entries; empty when it has none (scratch, distroless static). */
export async function imageUsers(cli: ContainerCli, image: string, options: ExecOptions = {}): Promise<PasswdEntry[]> {
  checkImage(image);
  const name = probeName();
  // A command is required by `create` for images without CMD; it is never started.
  await cli.exec(['container', 'create', '--name', name, '--label', 'container-hygiene.helper=1', '--network', 'none', '--', image, 'container-hygiene-probe'], options);
  try {
    const { stdout } = await cli.exec(['container', 'cp', '--', `${name}:/etc/passwd`, '-'], options);
    const file = firstFileInTar(stdout);
    return file ? parsePasswd(file.toString('utf8')) : [];
  } catch (error) {
    if (error instanceof EngineError && error.kind === 'not-found') return [];
    throw error;
  } finally {
    await cli.exec(['container', 'rm', '--force', '--', name], { timeoutMs: options.timeoutMs }).catch(() => undefined);
  }
}

const NOBODY = 65534;

/**
 * The non-root user to offer for `--user`: the image's own USER when it is not root; otherwise the
 * first regular account (uid 1000-59999) it ships; otherwise none (the choice stays the user's).
 */
export function suggestRunUser(imageUser: string, entries: readonly PasswdEntry[]): { user: string | null; reason: string } {
  const configured = imageUser.trim();
  const isRoot = configured === '' || configured === 'root' || configured === '0' || configured.startsWith('0:') || configured.startsWith('root:');
  if (!isRoot) return { user: null, reason: `the image already runs as "${configured}"` };
  const regular = entries.find((entry) => entry.uid >= 1000 && entry.uid < 60000 && entry.uid !== NOBODY);
  if (regular) return { user: regular.name, reason: `the image runs as root but ships the user "${regular.name}" (uid ${regular.uid})` };
  return { user: null, reason: 'the image runs as root and ships no regular user' };
}
