import { databaseMounts, databaseServices, type DatabaseMount } from '../../analysis/compose-databases';
import { replaceInScalar, replaceScalar } from '../../analysis/compose-edits';
import { defineRule } from '../../analysis/rule';
import type { Fix, Range, TextEdit } from '../../analysis/types';

/** A volume beside the data path persists nothing: postgres 18 moved its data, and `/var/lib/mysql/data` is not MySQL's. */
export const databaseVolumeWrongPath = defineRule({
  id: 'database-volume-wrong-path',
  kind: 'compose',
  title: 'Database volume mounted where the image keeps no data',
  severity: 'error',
  aliases: [],
  messages: {
    wrongPath: 'Service "{service}" mounts a volume at "{target}", but {database} keeps its data in "{path}"{note}, so the data is not persisted; mount the volume at "{path}".',
    postgres18: 'Service "{service}" mounts a volume at "/var/lib/postgresql/data", the data path of postgres 17 and older, but {database} keeps its data under "/var/lib/postgresql"{note}, so the data is not persisted; mount the volume at "/var/lib/postgresql".',
  },
  fixable: true,
  check(doc, report) {
    for (const { service, db } of databaseServices(doc)) {
      if (!db.mountPath) continue;
      const mounts = databaseMounts(service, db);
      if (mounts.covering.length > 0 || mounts.undecidable) continue;
      // Two misplaced mounts cannot both move to the data path.
      const fixable = mounts.misplaced.length === 1;
      for (const entry of mounts.misplaced) {
        const located = entry.node && targetOf(entry);
        if (!located) continue;
        const legacy = entry.target === '/var/lib/postgresql/data' && db.mountPath === '/var/lib/postgresql';
        const edit = fixable ? located.edit(db.mountPath) : undefined;
        const fixes: Fix[] = edit ? [{ title: `Mount it at ${db.mountPath}`, edits: [edit], safe: false, preferred: true }] : [];
        report({ range: located.range, messageId: legacy ? 'postgres18' : 'wrongPath', data: { service: service.name, target: entry.target, database: db.label, path: db.mountPath, note: db.versionNote }, fixes });
      }
    }
  },
});

/** The target as written (a word in `src:/target:ro`, or the `target:` value) and how to replace it. */
function targetOf(entry: DatabaseMount): { range: Range; edit: (path: string) => TextEdit | undefined } | undefined {
  const node = entry.node;
  if (!node) return undefined;
  if (node.kind === 'scalar') {
    const span = entry.mount.targetSpan;
    if (!span) return undefined;
    return { range: node.subRange(span[0], span[1]), edit: (path) => replaceInScalar(node, span[0], span[1], path) };
  }
  const target = node.get('target');
  if (!target) return undefined;
  return { range: target.range, edit: (path) => replaceScalar(target, path) };
}
