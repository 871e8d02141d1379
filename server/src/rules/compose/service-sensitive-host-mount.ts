import { isMap, isScalar } from 'yaml';
import type { ComposeDoc } from '../../analysis/compose-doc';
import type { ComposeNode } from '../../analysis/compose-node';
import { canonicalHostPath, hostMounts, serviceSettings } from '../../analysis/compose-hardening';
import { defineRule, type ReportDescriptor } from '../../analysis/rule';

/** Host folders that are sensitive themselves; their subfolders and files (`/etc/localtime`, `/dev/dri`) are not judged. */
const FOLDERS: Record<string, string> = {
  '/': 'root filesystem', '/etc': 'system configuration', '/dev': 'device files', '/run': 'runtime state and sockets',
  '/var/run': 'runtime state and sockets', '/var': 'variable data', '/var/log': 'system logs', '/usr': 'system programs',
  '/bin': 'system programs', '/sbin': 'system programs', '/lib': 'system libraries', '/lib64': 'system libraries',
  '/home': 'home folders', '~': 'home folder',
};

/** Host trees that are sensitive down to every file in them. */
const TREES: Record<string, string> = {
  '/proc': 'process information', '/sys': 'kernel interface', '/boot': 'boot files', '/root': 'root user\'s home',
  '/var/lib/docker': 'Docker data', '/var/lib/containerd': 'containerd data', '/var/lib/kubelet': 'kubelet data',
  '/etc/kubernetes': 'Kubernetes credentials', '/etc/ssh': 'SSH server keys', '/etc/shadow': 'password hashes',
  '/etc/gshadow': 'password hashes', '/etc/sudoers': 'sudo rules', '/etc/sudoers.d': 'sudo rules', '/etc/passwd': 'user database',
  '/etc/group': 'group database', '/lib/modules': 'kernel modules', '/usr/lib/modules': 'kernel modules',
  '~/.ssh': 'SSH keys', '~/.aws': 'AWS credentials', '~/.kube': 'Kubernetes credentials', '~/.docker': 'Docker credentials',
  '~/.gnupg': 'GnuPG keys', '~/.config/gcloud': 'Google Cloud credentials', '~/.azure': 'Azure credentials',
};

/** What a host path holds, when it is sensitive. */
function sensitive(path: string): string | undefined {
  // `/home/alice/.ssh` is `~/.ssh` of some user.
  const home = /^\/home\/[^/]+(\/.*)?$/.exec(path);
  for (const candidate of home ? [path, `~${home[1] ?? ''}`] : [path]) {
    if (Object.hasOwn(FOLDERS, candidate)) return FOLDERS[candidate];
    for (const [tree, what] of Object.entries(TREES)) if (candidate === tree || candidate.startsWith(`${tree}/`)) return what;
  }
  return undefined;
}

/** A bind mount of a system folder lets the container read host secrets or change the host. */
export const serviceSensitiveHostMount = defineRule({
  id: 'service-sensitive-host-mount',
  kind: 'compose',
  title: 'Service bind-mounts a sensitive host path',
  severity: 'warning',
  aliases: [],
  messages: {
    writable: 'Service "{service}" bind-mounts the host\'s {what} ("{path}") writable, so it can read secrets from and change the host; mount only the files it needs, read-only.',
    readOnly: 'Service "{service}" bind-mounts the host\'s {what} ("{path}") read-only, which still exposes host secrets and state; mount only the files it needs.',
    device: 'Volume "{volume}" binds the host\'s {what} ("{path}"), so services using it can change the host; point it at a dedicated folder.',
  },
  fixable: false,
  check(doc, report) {
    for (const entry of serviceSettings(doc)) {
      for (const { mount, range } of hostMounts(entry)) {
        const path = mount.source === undefined ? undefined : canonicalHostPath(mount.source);
        const what = path && sensitive(path);
        if (!what) continue;
        const data = { service: entry.service.name, what, path: mount.source ?? '' };
        report({ range, data, ...(mount.readOnly ? { messageId: 'readOnly', severity: 'info' } : { messageId: 'writable' }) });
      }
    }
    deviceVolumes(doc, report);
  },
});

/** Top-level volumes of the local driver that bind a host folder (`driver_opts: {o: bind, device: /etc}`). */
function deviceVolumes(doc: ComposeDoc, report: (descriptor: ReportDescriptor) => void): void {
  const volumes = doc.topLevel('volumes');
  if (!volumes || nothingToJudge(volumes)) return;
  for (const volume of volumes.entries()) {
    // Most volumes are declared with no settings (`data:`): nothing to read.
    if (!volume.isMap) continue;
    const driver = volume.get('driver')?.text;
    const options = volume.get('driver_opts');
    const device = options?.get('device');
    if ((driver !== undefined && driver !== 'local') || !/\bbind\b/.test(options?.get('o')?.text ?? '') || device?.text === undefined) continue;
    const path = canonicalHostPath(device.text);
    const what = path && sensitive(path);
    if (what) report({ range: device.range, messageId: 'device', data: { volume: String(volume.key), what, path: device.text } });
  }
}

/**
 * True when `volumes:` is no map, or every volume is written in place as a scalar or left empty
 * (`data:`, the usual case): none is a map, so `entries()` would find nothing to judge. Spares
 * building a node per volume at every edit (the rule runs whenever a service is checked again).
 * Aliases and `<<` merge keys are not scalars here: those go through `entries()` as before.
 */
function nothingToJudge(volumes: ComposeNode): boolean {
  return !isMap(volumes.yaml) || volumes.yaml.items.every((pair) => pair.value === null || isScalar(pair.value));
}
