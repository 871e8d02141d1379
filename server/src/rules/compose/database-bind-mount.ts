import { databaseMounts, databaseServices, namedVolumeFix, type DatabaseMount } from '../../analysis/compose-databases';
import { replaceInScalar, replaceScalar } from '../../analysis/compose-edits';
import { defineRule } from '../../analysis/rule';
import type { TextEdit } from '../../analysis/types';

/** Database files on a host folder: slower heavy I/O (notably Docker Desktop's file sharing) and host-owned files. */
export const databaseBindMount = defineRule({
  id: 'database-bind-mount',
  kind: 'compose',
  title: 'Database data on a bind mount',
  severity: 'info',
  aliases: [],
  messages: {
    bind: 'Service "{service}" keeps its {database} data in the host folder "{source}": heavy database I/O is slower through a bind mount (notably with Docker Desktop) and the files take host ownership; prefer a named volume.',
  },
  fixable: true,
  check(doc, report) {
    for (const { service, db } of databaseServices(doc)) {
      for (const entry of databaseMounts(service, db).covering) {
        const { mount, node } = entry;
        if (!node || mount.type !== 'bind' || !mount.source || mount.sourceInterpolated) continue;
        const fixes = namedVolumeFix(doc, service.name, (name) => toNamedVolume(entry, name), (name) => ({ title: `Use a named volume "${name}" (the data in ${mount.source} is not moved)`, safe: false }));
        const range = node.kind === 'scalar' && mount.sourceSpan ? node.subRange(...mount.sourceSpan) : (node.get('source')?.range ?? node.headRange);
        report({ range, messageId: 'bind', data: { service: service.name, database: db.label, source: mount.source }, fixes });
      }
    }
  },
});

/** `./pgdata:/var/lib/postgresql/data` -> `db-data:/var/lib/postgresql/data`; long syntax: `type: volume`, `source: db-data`. */
function toNamedVolume(entry: DatabaseMount, name: string): TextEdit[] | undefined {
  const { node, mount } = entry;
  if (!node) return undefined;
  if (node.kind === 'scalar') {
    const edit = mount.sourceSpan && replaceInScalar(node, mount.sourceSpan[0], mount.sourceSpan[1], name);
    return edit ? [edit] : undefined;
  }
  // Bind options (`bind: {propagation: ...}`) mean nothing on a volume: leave such entries to the user.
  const type = node.get('type');
  const source = node.get('source');
  if (node.has('bind') || !type || !source) return undefined;
  const edits = [replaceScalar(type, 'volume'), replaceScalar(source, name)];
  return edits.every((edit): edit is TextEdit => edit !== undefined) ? edits : undefined;
}
