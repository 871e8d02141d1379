import { defineRule } from '../../analysis/rule';
import { declaredVariables, findRpmCalls, hasRpmVersion, installedPackages, isPinnedWord, referencedVariables } from '../../analysis/rpm-commands';

/** An unpinned package installs whatever the repository has that day: builds stop being reproducible. */
export const dnfUnpinned = defineRule({
  id: 'dnf-unpinned',
  kind: 'dockerfile',
  title: 'Pin versions in dnf install',
  severity: 'warning',
  aliases: ['DL3041'],
  messages: {
    package: 'Package "{name}" has no version, so each build may install a different one; pin it as {name}-<version>.',
    module: 'Module "{name}" has no stream, so each build may install a different one; pin it as {name}:<stream>.',
    undeclared: 'Package "{name}" has no version: ${variable} is not declared in this stage and expands to nothing; declare it with ARG or ENV.',
  },
  fixable: false,
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      let declared: Set<string> | undefined;
      for (const call of findRpmCalls(doc, run, 'dnf')) {
        const { words, modules } = installedPackages(call);
        for (const word of words) {
          declared ??= declaredVariables(doc, run);
          const pinned = isPinnedWord(word, declared, modules ? (spec) => spec.includes(':') : hasRpmVersion);
          if (pinned !== false) continue;
          const [variable] = referencedVariables(word);
          report({ range: word.range, messageId: variable ? 'undeclared' : modules ? 'module' : 'package', data: { name: word.value.replace(/\$\{([^}]*)\}/g, '$$$1'), variable } });
        }
      }
    }
  },
});
