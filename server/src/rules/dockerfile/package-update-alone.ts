import { APK_SYNTAX, APT_SYNTAX, callRange, findInvocations } from '../../analysis/package-commands';
import { defineRule } from '../../analysis/rule';

/** Per package-manager family: the subcommands that refresh the index, and those that then use it. */
const FAMILIES = [
  { tools: ['apt-get', 'apt', 'aptitude'], syntax: APT_SYNTAX, refresh: ['update'], use: ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'reinstall', 'satisfy', 'source', 'safe-upgrade'] },
  { tools: ['apk'], syntax: APK_SYNTAX, refresh: ['update'], use: ['add', 'upgrade', 'fix'] },
  { tools: ['yum', 'dnf', 'microdnf'], syntax: { valueOptions: ['c', 'config', 'd', 'e', 'x', 'exclude', 'setopt', 'enablerepo', 'disablerepo', 'releasever', 'installroot', 'repo'] }, refresh: ['makecache'], use: ['install', 'upgrade', 'update', 'groupinstall', 'localinstall', 'reinstall', 'distro-sync', 'downgrade'] },
  { tools: ['zypper'], syntax: { valueOptions: ['r', 'repo', 'R', 'root', 'D', 'reposd-root', 'C', 'cache-dir', 'p', 'plus-repo', 'x'] }, refresh: ['refresh', 'ref'], use: ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si'] },
];

/** A RUN that only refreshes the package index is cached as a layer, so later installs use an index that goes stale. */
export const packageUpdateAlone = defineRule({
  id: 'package-update-alone',
  kind: 'dockerfile',
  title: 'Package index update without install in the same RUN',
  severity: 'warning',
  aliases: ['DS-0017'],
  messages: { alone: '"{call}" is not followed by an install in the same RUN, so its layer cache serves a stale index to later installs; combine them in one RUN.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const family of FAMILIES) {
        const calls = findInvocations(doc, run, (tool) => family.tools.includes(tool), family.syntax);
        for (const update of calls.filter((call) => family.refresh.includes(call.subcommand?.value ?? ''))) {
          if (calls.some((call) => call.index > update.index && family.use.includes(call.subcommand?.value ?? ''))) continue;
          report({ range: callRange(update), messageId: 'alone', data: { call: `${update.tool} ${update.subcommand?.value}` } });
        }
      }
    }
  },
});
