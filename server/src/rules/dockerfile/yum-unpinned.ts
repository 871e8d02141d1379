import { defineRule } from '../../analysis/rule';
import { declaredVariables, findRpmCalls, hasRpmVersion, installedPackages, isPinnedWord } from '../../analysis/rpm-commands';

/** An unpinned package installs whatever the repository has that day: builds stop being reproducible. */
export const yumUnpinned = defineRule({
  id: 'yum-unpinned',
  kind: 'dockerfile',
  title: 'Pin versions in yum install',
  severity: 'warning',
  aliases: ['DL3033'],
  messages: {
    package: 'Package "{name}" has no version, so each build may install a different one; pin it as {name}-<version>.',
    module: 'Module "{name}" has no stream, so each build may install a different one; pin it as {name}:<stream>.',
  },
  fixable: false,
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      let declared: Set<string> | undefined;
      for (const call of findRpmCalls(doc, run, 'yum')) {
        const { words, modules } = installedPackages(call);
        for (const word of words) {
          declared ??= declaredVariables(doc, run);
          const pinned = isPinnedWord(word, declared, modules ? (spec) => spec.includes(':') : hasRpmVersion);
          if (pinned === false) report({ range: word.range, messageId: modules ? 'module' : 'package', data: { name: word.value } });
        }
      }
    }
  },
});
