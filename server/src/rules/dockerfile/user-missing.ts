import { defineRule } from '../../analysis/rule';
import { builtInUser, distroFamily, dropsPrivilegesInEntrypoint, familiarName, runsAsNonRootByDefault } from '../../analysis/images';
import { stageBase } from '../../analysis/stage-base';
import { chooseNonRootUser, effectiveUser, insertUserEdits } from '../../analysis/stage-user';

/** Without USER a container runs as root, unless the base image already switches or drops privileges itself. */
export const userMissing = defineRule({
  id: 'user-missing',
  kind: 'dockerfile',
  title: 'Final image never sets a non-root USER',
  severity: 'warning',
  aliases: ['CKV_DOCKER_3', 'DS-0002'],
  messages: {
    missing: 'The final stage never sets USER, so containers run as root; switch to a non-root user with USER, creating one if the image has none.',
    missingBuiltIn: 'The final stage never sets USER, so containers run as root; "{image}" ships the non-root user "{user}", so add USER {user}.',
    dropsPrivileges: 'The final stage never sets USER, but the "{image}" entrypoint starts as root only to step down to its own service user; add USER only if you replace the entrypoint.',
  },
  fixable: true,
  check(doc, report) {
    const final = doc.finalStage;
    const range = final?.from.getImageRange();
    if (!final || !range) return;
    const base = stageBase(doc, final);
    const image = base.image;
    if (effectiveUser(base)) return;
    if (image && (runsAsNonRootByDefault(image) || distroFamily(image) === 'windows')) return;
    if (image && dropsPrivilegesInEntrypoint(image)) {
      report({ range, messageId: 'dropsPrivileges', severity: 'info', data: { image: familiarName(image) } });
      return;
    }
    const choice = chooseNonRootUser(doc, base);
    const shipped = image && builtInUser(image);
    const edits = insertUserEdits(doc, final, choice);
    const fixes = edits ? [{ title: choice.title, edits, safe: false, preferred: true }] : [];
    if (shipped && shipped.name === choice.user) report({ range, messageId: 'missingBuiltIn', data: { image: familiarName(image), user: shipped.name }, fixes });
    else report({ range, messageId: 'missing', fixes });
  },
});
