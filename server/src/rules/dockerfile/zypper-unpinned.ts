import type { Instruction } from 'dockerfile-ast';
import type { DockerfileDoc } from '../../analysis/dockerfile-doc';
import { defineRule, type ReportDescriptor } from '../../analysis/rule';
import { declaredVariables, findRpmCalls, hasZypperVersion, installedPackages, isPinnedWord, referencedVariables, type RpmCall } from '../../analysis/rpm-commands';

/** An unpinned package installs whatever the repository has that day: builds stop being reproducible. */
export const zypperUnpinned = defineRule({
  id: 'zypper-unpinned',
  kind: 'dockerfile',
  title: 'Pin versions in zypper install',
  severity: 'warning',
  aliases: ['DL3037'],
  messages: {
    package: 'Package "{name}" has no version, so each build may install a different one; pin it as {name}=<version>.',
    undeclared: 'Package "{name}" has no version: ${variable} is not declared in this stage and expands to nothing; declare it with ARG or ENV.',
  },
  fixable: false,
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      // Most RUNs call no zypper: they cost a look-up, not a scope for `declared` (this runs on every RUN at every edit).
      const calls = findRpmCalls(doc, run, 'zypper');
      if (calls.length > 0) reportUnpinned(doc, run, calls, report);
    }
  },
});

function reportUnpinned(doc: DockerfileDoc, run: Instruction, calls: readonly RpmCall[], report: (descriptor: ReportDescriptor) => void): void {
  let declared: Set<string> | undefined;
  for (const call of calls) {
    // Patterns, patches and products (-t pattern) are not versioned packages.
    if (call.invocation.options.some((option) => /^(t|type)$/.test(option.names[option.names.length - 1]) && option.value !== 'package')) continue;
    for (const word of installedPackages(call).words) {
      if (isPinnedWord(word, () => (declared ??= declaredVariables(doc, run)), hasZypperVersion) !== false) continue;
      const [variable] = referencedVariables(word);
      report({ range: word.range, messageId: variable ? 'undeclared' : 'package', data: { name: word.value.replace(/\$\{([^}]*)\}/g, '$$$1'), variable } });
    }
  }
}
