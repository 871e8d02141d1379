import { defineRule } from '../../analysis/rule';
import { builtInUser } from '../../analysis/images';
import { stageBase } from '../../analysis/stage-base';
import { replace } from '../../analysis/text';

/** Kubernetes runAsNonRoot and host tooling see only UIDs: a user name cannot be checked outside the image. */
export const userNameUnresolvable = defineRule({
  id: 'user-name-unresolvable',
  kind: 'dockerfile',
  title: 'USER names a user instead of a numeric UID',
  severity: 'off',
  aliases: ['DL3066'],
  messages: {
    name: 'USER "{user}" is a name that only the image\'s /etc/passwd can resolve, so Kubernetes runAsNonRoot cannot verify it; use a numeric UID (and GID).',
  },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const user of doc.instructionsOf('USER')) {
      const arg = user.getArguments()[0];
      const value = arg?.getValue() ?? '';
      const name = value.split(':')[0];
      if (!arg || name === '' || /^\d+$/.test(name) || name.includes('$')) continue;
      const stage = doc.stageOf(user);
      const image = stage ? stageBase(doc, stage).image : null;
      const shipped = image ? builtInUser(image) : null;
      const fixes = shipped && value === shipped.name
        ? [{ title: `Use ${shipped.uid}:${shipped.gid} (the UID and GID of "${shipped.name}")`, edits: [replace(arg.getRange(), `${shipped.uid}:${shipped.gid}`)], safe: false }]
        : [];
      report({ range: arg.getRange(), messageId: 'name', data: { user: value }, fixes });
    }
  },
});
