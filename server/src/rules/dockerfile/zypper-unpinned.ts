import { defineRule } from '../../analysis/rule';
import { reportUnpinnedRpmPackages } from '../../analysis/rpm-checks';

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
    reportUnpinnedRpmPackages(doc, report, 'zypper');
  },
});
