import { flagRemovalRange, flagValue } from '../../analysis/flags';
import { defineRule } from '../../analysis/rule';
import { remove } from '../../analysis/text';

/** `--platform=$TARGETPLATFORM` restates the default and suggests a choice that is not one. */
export const fromPlatformRedundant = defineRule({
  id: 'from-platform-redundant',
  kind: 'dockerfile',
  title: 'FROM --platform=$TARGETPLATFORM is redundant',
  severity: 'info',
  aliases: ['DL3065', 'RedundantTargetPlatform'],
  messages: { redundant: 'FROM --platform=$TARGETPLATFORM repeats the default, since stages are built for the target platform anyway; remove the flag.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const stage of doc.stages) {
      const flag = stage.from.getPlatformFlag();
      const platform = flag ? flagValue(flag) : '';
      if (!flag || !/^\$(TARGETPLATFORM|\{TARGETPLATFORM\})$/.test(platform)) continue;
      report({ range: flag.getRange(), messageId: 'redundant',
        fixes: [{ title: `Remove --platform=${platform}`, edits: [remove(flagRemovalRange(doc, flag))], safe: true, preferred: true }] });
    }
  },
});
