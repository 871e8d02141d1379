import { appendItem, insertEntries, insertKey, replaceScalar } from '../../analysis/compose-edits';
import { isTrue, serviceSettings } from '../../analysis/compose-hardening';
import type { ComposeNode } from '../../analysis/compose-node';
import { parseVolumeSpec } from '../../analysis/compose-volumes';
import { officialName } from '../../analysis/images';
import { isInterpolated } from '../../analysis/interpolation';
import { defineRule } from '../../analysis/rule';
import type { TextEdit } from '../../analysis/types';

/** Paths official images write at run time besides /tmp (tmpfs mounts the fix adds with `read_only`). */
const WRITABLE_PATHS: Record<string, string[]> = {
  nginx: ['/var/cache/nginx', '/var/run'],
  postgres: ['/var/run/postgresql'],
  mysql: ['/var/run/mysqld'],
  mariadb: ['/run/mysqld'],
};

/** A writable root filesystem lets an intruder change binaries and configuration of the running container. */
export const serviceRootfsWritable = defineRule({
  id: 'service-rootfs-writable',
  kind: 'compose',
  title: 'Service root filesystem is writable',
  severity: 'info',
  aliases: [],
  messages: {
    writable: 'Service "{service}" has a writable root filesystem; set "read_only: true" and give it tmpfs mounts or volumes for the paths it writes.',
  },
  fixable: true,
  check(doc, report) {
    for (const { service, settings, image, reportsMissing } of serviceSettings(doc)) {
      const node = service.get('read_only');
      if (isTrue(settings.read_only) || isInterpolated(settings.read_only)) continue;
      // An explicit `read_only: false` here is reported here; a missing one only in the file that owns the service.
      const explicit = node && settings.read_only === node.value ? node : undefined;
      if (!explicit && !reportsMissing) continue;
      const wanted = ['/tmp', ...(image ? WRITABLE_PATHS[officialName(image) ?? ''] ?? [] : [])].filter((path) => !isWritable(settings, path));
      const edits = fixEdits(service.node, explicit, service.get('tmpfs'), wanted);
      report({
        range: explicit ? explicit.headRange : service.keyRange,
        messageId: 'writable',
        data: { service: service.name },
        fixes: edits ? [{ title: `Set read_only: true${wanted.length > 0 ? ` with tmpfs ${wanted.join(', ')}` : ''}`, edits, safe: false, preferred: true }] : [],
      });
    }
  },
});

/** `read_only: true` (inserted, or flipped from false) plus tmpfs mounts for `wanted`, extending a `tmpfs:` the service has. */
function fixEdits(service: ComposeNode, explicit: ComposeNode | undefined, tmpfs: ComposeNode | undefined, wanted: string[]): TextEdit[] | undefined {
  const flip = explicit && !explicit.isNull ? replaceScalar(explicit, true) : undefined;
  if (explicit && !flip) return undefined;
  const readOnly = (): TextEdit[] | undefined => (flip ? [flip] : insertKey(service, 'read_only', true));
  if (wanted.length === 0) return readOnly();
  if (!tmpfs) return flip ? all([flip], insertKey(service, 'tmpfs', wanted)) : insertEntries(service, { read_only: true, tmpfs: wanted });
  // A list inherited through `<<` cannot be extended in place; several inserts at one offset keep their order.
  if (!tmpfs.isLocal || (tmpfs.kind === 'scalar' && wanted.length > 1)) return undefined;
  return all(...wanted.map((path) => appendItem(tmpfs, path)), readOnly());
}

function all(...parts: (TextEdit[] | undefined)[]): TextEdit[] | undefined {
  return parts.every((part) => part !== undefined) ? parts.flatMap((part) => part ?? []) : undefined;
}

/** Whether the service already has a tmpfs or a volume at `path`. */
function isWritable(settings: Record<string, unknown>, path: string): boolean {
  const tmpfs = Array.isArray(settings.tmpfs) ? settings.tmpfs : [];
  if (tmpfs.some((entry) => typeof entry === 'string' && entry.split(':')[0].replace(/\/+$/, '') === path)) return true;
  const volumes = Array.isArray(settings.volumes) ? settings.volumes : [];
  return volumes.some((entry) => parseVolumeSpec(entry)?.target?.replace(/\/+$/, '') === path);
}
