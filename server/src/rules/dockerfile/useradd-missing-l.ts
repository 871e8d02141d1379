import { defineRule } from '../../analysis/rule';
import { findInvocations, hasOption, insertArgumentAfter } from '../../analysis/package-commands';

/** useradd options that take a value, so that `-mu 123456` reads as -m -u 123456. */
const USERADD_SYNTAX = { valueOptions: ['b', 'c', 'd', 'e', 'f', 'g', 'G', 'k', 'K', 'p', 'R', 'P', 's', 'u', 'Z', 'uid', 'gid', 'groups', 'home-dir', 'base-dir', 'comment', 'shell', 'key', 'password', 'root', 'prefix', 'expiredate', 'inactive', 'skel', 'selinux-user'] };

/** useradd records a high UID in the sparse lastlog/faillog files, which Docker stores at full size: gigabytes in a layer. */
export const useraddMissingL = defineRule({
  id: 'useradd-missing-l',
  kind: 'dockerfile',
  title: 'useradd with a high UID needs -l',
  severity: 'warning',
  aliases: ['DL3046'],
  messages: { noLogInit: 'useradd with UID {uid} writes a huge sparse /var/log/lastlog into the layer; add -l (--no-log-init).' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      const script = doc.shell(run);
      for (const useradd of findInvocations(doc, run, (tool) => tool === 'useradd', USERADD_SYNTAX)) {
        if (hasOption(useradd, 'l', 'no-log-init')) continue;
        const uidOption = useradd.options.find((option) => /^(u|uid)$/.test(option.names[option.names.length - 1]) && /^\d{6,}$/.test(option.value ?? ''));
        if (!uidOption) continue;
        report({
          range: { start: uidOption.word.range.start, end: (uidOption.valueWord ?? uidOption.word).range.end },
          messageId: 'noLogInit',
          data: { uid: uidOption.value ?? '' },
          fixes: [{ title: 'Add -l (--no-log-init)', edits: [insertArgumentAfter(script, useradd.program, '-l')], safe: true, preferred: true }],
        });
      }
    }
  },
});
