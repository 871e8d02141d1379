import { flagRemovalRange, flagValue } from '../../analysis/flags';
import { defineRule } from '../../analysis/rule';
import { remove } from '../../analysis/text';

const KNOWN_OS = new Set(['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'plan9', 'wasip1', 'js']);

/** A constant --platform pins one architecture, so the image breaks (or runs emulated) on every other one. */
export const fromPlatformFlag = defineRule({
  id: 'from-platform-flag',
  kind: 'dockerfile',
  title: 'FROM --platform uses a constant value',
  severity: 'warning',
  aliases: ['DL3029', 'FromPlatformFlagConstDisallowed'],
  messages: { constant: 'FROM --platform={platform} pins the stage to one platform, so builds for other platforms get the wrong base; drop the flag or use $BUILDPLATFORM / $TARGETPLATFORM.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const stage of doc.stages) {
      const flag = stage.from.getPlatformFlag();
      const platform = flag ? flagValue(flag) : '';
      if (!flag || platform === '' || platform.includes('$')) continue;
      // As BuildKit: a stage named after its OS or architecture (`AS build-arm64`) pins it on purpose.
      const [first, second] = platform.toLowerCase().split('/');
      const [os, arch] = second !== undefined || KNOWN_OS.has(first) ? [first, second] : [undefined, first];
      const name = stage.name ?? '';
      if ((os && name.includes(os)) || (arch && name.includes(arch))) continue;
      report({ range: flag.getRange(), messageId: 'constant', data: { platform },
        fixes: [{ title: `Remove --platform=${platform}`, edits: [remove(flagRemovalRange(doc, flag))], safe: false, preferred: true }] });
    }
  },
});
