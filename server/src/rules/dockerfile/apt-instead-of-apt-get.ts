import { findInvocations } from '../../analysis/package-commands';
import { defineRule } from '../../analysis/rule';
import { replace } from '../../analysis/text';

/** Subcommands apt-get also has with the same meaning, so swapping the program name keeps behaviour. */
const SHARED_WITH_APT_GET = new Set(['update', 'upgrade', 'install', 'remove', 'purge', 'autoremove', 'dist-upgrade', 'clean',
  'autoclean', 'build-dep', 'source', 'download', 'check', 'satisfy', 'changelog', 'autopurge']);

/** `apt` is for people at a terminal: its command-line interface is not stable and it warns when used in scripts. */
export const aptInsteadOfAptGet = defineRule({
  id: 'apt-instead-of-apt-get',
  kind: 'dockerfile',
  title: 'apt used instead of apt-get',
  severity: 'warning',
  aliases: ['DL3027', 'CKV_DOCKER_9'],
  messages: { apt: '"apt" has no stable interface for scripts; use "apt-get" (or "apt-cache" for queries).' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const call of findInvocations(doc, run, (tool) => tool === 'apt')) {
        const word = call.program;
        const swappable = call.subcommand !== undefined && SHARED_WITH_APT_GET.has(call.subcommand.value);
        report({
          range: word.range,
          messageId: 'apt',
          fixes: swappable
            ? [{ title: 'Use apt-get', edits: [replace(word.range, word.raw.replace(/apt(["']?)$/, 'apt-get$1'))], safe: true, preferred: true }]
            : [],
        });
      }
    }
  },
});
