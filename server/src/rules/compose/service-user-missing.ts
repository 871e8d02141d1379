import { insertKey } from '../../analysis/compose-edits';
import { serviceSettings, suggestedUser } from '../../analysis/compose-hardening';
import { distroFamily, dropsPrivilegesInEntrypoint, familiarName, officialName, runsAsNonRootByDefault } from '../../analysis/images';
import { defineRule } from '../../analysis/rule';

/** Without `user:` a service runs as the image's default user, which for most images is root. */
export const serviceUserMissing = defineRule({
  id: 'service-user-missing',
  kind: 'compose',
  title: 'Service runs as the image\'s default user (often root)',
  severity: 'warning',
  aliases: [],
  messages: {
    missing: 'Service "{service}" sets no user and image "{image}" runs as root by default; set "user:" to a non-root UID:GID.',
    missingBuiltIn: 'Service "{service}" sets no user, so it runs as root; image "{image}" ships the non-root user "{user}", so set "user: {user}".',
    missingUnknown: 'Service "{service}" sets no user, so it runs as whatever user image "{image}" defaults to, often root; set "user:" to a non-root UID:GID unless the image already runs as non-root.',
    dropsPrivileges: 'Service "{service}" sets no user, but the "{image}" entrypoint starts as root only to step down to its own service user; set "user:" only if you also prepare its data directory for that user.',
  },
  fixable: true,
  check(doc, report) {
    for (const entry of serviceSettings(doc)) {
      const { service, settings, image } = entry;
      // Built images are judged by the Dockerfile rules (user-missing); variables hide the image.
      if (!entry.reportsMissing || entry.builds || !image || 'user' in settings) continue;
      if (runsAsNonRootByDefault(image) || distroFamily(image) === 'windows') continue;
      if (entry.tagHidden && distroFamily(image) === 'distroless') continue; // `:nonroot` may hide in the variable
      const data = { service: service.name, image: familiarName(image) };
      if (dropsPrivilegesInEntrypoint(image)) {
        report({ range: service.keyRange, messageId: 'dropsPrivileges', severity: 'info', data });
        continue;
      }
      const choice = suggestedUser(image);
      const edits = insertKey(service.node, 'user', choice.user, { after: 'image' });
      const fixes = edits ? [{ title: `Run as ${choice.shipped ? `the image's user "${choice.user}"` : `UID:GID ${choice.user}`}`, edits, safe: false, preferred: true }] : [];
      const known = officialName(image) !== null || choice.shipped;
      const messageId = choice.shipped ? 'missingBuiltIn' : known ? 'missing' : 'missingUnknown';
      report({ range: service.keyRange, messageId, data: { ...data, user: choice.user }, fixes, ...(known ? {} : { severity: 'info' as const }) });
    }
  },
});
