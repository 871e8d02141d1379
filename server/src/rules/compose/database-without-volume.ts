import type { ComposeService } from '../../analysis/compose-doc';
import { addNamedVolume, databaseMounts, databaseServices, freshVolumeName, namedVolumeFix } from '../../analysis/compose-databases';
import { insertKey, replaceScalar } from '../../analysis/compose-edits';
import type { ComposeNode } from '../../analysis/compose-node';
import { defineRule } from '../../analysis/rule';
import type { Fix, TextEdit } from '../../analysis/types';

/** Without a named volume at its data path, a database starts empty after `docker compose down` and `up`. */
export const databaseWithoutVolume = defineRule({
  id: 'database-without-volume',
  kind: 'compose',
  title: 'Database without a named volume for its data',
  severity: 'warning',
  aliases: [],
  messages: {
    missing: 'Service "{service}" runs {database}, which keeps its data in "{path}"{note}, but no volume is mounted there: after "docker compose down" the next "up" starts with an empty database; mount a named volume at "{path}".',
    missingUnknownPath: 'Service "{service}" runs {database} without any volume, so its data does not survive "docker compose down"; mount a named volume at its data path.',
    cache: 'Service "{service}" runs {database} without a volume at "{path}", so its data is gone after "docker compose down"; fine for a pure cache (then suppress this), otherwise mount a named volume at "{path}".',
    anonymous: 'Service "{service}" keeps its {database} data in an anonymous volume, which the next "up" after "docker compose down" replaces with an empty one; give the volume a name.',
  },
  fixable: true,
  check(doc, report) {
    for (const { service, db } of databaseServices(doc)) {
      const mounts = databaseMounts(service, db);
      const data = { service: service.name, database: db.label, path: db.mountPath ?? '', note: db.versionNote };
      const anonymous = mounts.covering.filter((entry) => entry.mount.type === 'volume' && !entry.mount.source);
      if (anonymous.length === mounts.covering.length) {
        for (const entry of anonymous) {
          if (!entry.node) continue;
          const { node } = entry;
          const fixes = namedVolumeFix(doc, service.name, (name) => nameVolume(node, name, entry.target), (name) => ({ title: `Name the volume "${name}"`, safe: false, preferred: true }));
          report({ range: node.headRange, messageId: 'anonymous', data, fixes });
        }
      }
      if (mounts.covering.length > 0 || mounts.misplaced.length > 0 || !writesImage(service)) continue;
      if (mounts.undecidable) {
        if (db.mountPath === undefined && !hasAnyMount(service)) report({ range: service.keyRange, messageId: 'missingUnknownPath', data });
        continue;
      }
      const name = freshVolumeName(doc, service.name);
      const edits = addNamedVolume(doc, service, name, db.mountPath ?? '');
      const fixes: Fix[] = edits ? [{ title: `Mount a named volume "${name}" at ${db.mountPath}`, edits, safe: false, preferred: true }] : [];
      report({ range: service.keyRange, messageId: db.cache ? 'cache' : 'missing', data, fixes, ...(db.cache ? { severity: 'info' as const } : {}) });
    }
  },
});

/** The image is written in this file (not only in the base of an override): report the absence here once. */
function writesImage(service: ComposeService): boolean {
  const image = service.get('image');
  return !!image && image.value === service.effective.image;
}

function hasAnyMount(service: ComposeService): boolean {
  const { volumes, tmpfs, volumes_from: from } = service.effective;
  return (Array.isArray(volumes) && volumes.length > 0) || tmpfs !== undefined || from !== undefined;
}

/** `- /var/lib/mysql` -> `- db-data:/var/lib/mysql`; long syntax gets a `source:`. */
function nameVolume(item: ComposeNode, name: string, target: string): TextEdit[] | undefined {
  if (item.kind === 'scalar') {
    const edit = replaceScalar(item, `${name}:${item.text ?? target}`);
    return edit ? [edit] : undefined;
  }
  return insertKey(item, 'source', name, { after: 'type' });
}
