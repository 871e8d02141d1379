import type { Instruction } from 'dockerfile-ast';
import type { DockerfileDoc } from '../../analysis/dockerfile-doc';
import { APK_SYNTAX, cacheMountTargets, callRange, findInvocations, hasOption, insertArgumentAfter } from '../../analysis/package-commands';
import { defineRule } from '../../analysis/rule';

/** `apk add` keeps the downloaded package index in /var/cache/apk; `--no-cache` leaves nothing behind in the layer. */
export const apkNoCache = defineRule({
  id: 'apk-no-cache',
  kind: 'dockerfile',
  title: 'apk add without --no-cache',
  severity: 'info',
  aliases: ['DL3019', 'DS-0025'],
  messages: { noCache: '"apk add" leaves its package index in the image layer; add --no-cache.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      if (cacheMountTargets(run).some((target) => target === '/var/cache/apk' || target.startsWith('/var/cache/apk/'))) continue;
      for (const call of findInvocations(doc, run, (tool) => tool === 'apk', APK_SYNTAX)) {
        if (call.subcommand?.value !== 'add' || hasOption(call, 'no-cache') || removesCacheAfter(doc, run, call.index)) continue;
        report({
          range: callRange(call),
          messageId: 'noCache',
          fixes: [{ title: 'Add --no-cache', edits: [insertArgumentAfter(doc.shell(run), call.subcommand, '--no-cache')], safe: true, preferred: true }],
        });
      }
    }
  },
});

/** `rm -rf /var/cache/apk/*` later in the same RUN cleans up just as well. */
function removesCacheAfter(doc: DockerfileDoc, run: Instruction, index: number): boolean {
  return findInvocations(doc, run, (tool) => tool === 'rm')
    .some((rm) => rm.index > index && [rm.subcommand, ...rm.operands].some((word) => word && /^\/var\/cache\/apk(\/|\/\*)?$/.test(word.value)));
}
