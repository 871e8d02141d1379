import { deleteEntry, replaceScalar } from '../../analysis/compose-edits';
import { isRootUser, serviceSettings, suggestedUser } from '../../analysis/compose-hardening';
import { dropsPrivilegesInEntrypoint, familiarName } from '../../analysis/images';
import { defineRule } from '../../analysis/rule';

/** `user: root` undoes whatever non-root user the image chose: an escape or a file-write bug becomes root's. */
export const serviceRootUser = defineRule({
  id: 'service-root-user',
  kind: 'compose',
  title: 'Service explicitly runs as root',
  severity: 'warning',
  aliases: [],
  messages: {
    root: 'Service "{service}" runs as "{user}", which is root; use a non-root user (and give it the files it must write).',
    rootDropsPrivileges: 'Service "{service}" sets user "{user}", which is what the "{image}" entrypoint starts as anyway before stepping down to its own user; remove the line.',
  },
  fixable: true,
  check(doc, report) {
    for (const { service, settings, image } of serviceSettings(doc)) {
      const node = service.get('user');
      const user = node?.text;
      // Only when this value is what Compose runs: an override file may set another user.
      if (!node || user === undefined || node.isInterpolated || !isRootUser(user) || String(settings.user) !== user) continue;
      if (image && dropsPrivilegesInEntrypoint(image)) {
        const edits = deleteEntry(node);
        const fixes = edits ? [{ title: 'Remove "user:"', edits, safe: false, preferred: true }] : [];
        report({ range: node.range, messageId: 'rootDropsPrivileges', severity: 'info', data: { service: service.name, user, image: familiarName(image) }, fixes });
        continue;
      }
      const choice = suggestedUser(image);
      const edit = replaceScalar(node, choice.user);
      const fixes = edit ? [{ title: `Run as ${choice.shipped ? `the image's user "${choice.user}"` : `UID:GID ${choice.user}`}`, edits: [edit], safe: false, preferred: true }] : [];
      report({ range: node.range, messageId: 'root', data: { service: service.name, user }, fixes });
    }
  },
});
