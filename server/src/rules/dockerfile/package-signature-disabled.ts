import { defineRule } from '../../analysis/rule';
import { findOptions, type OptionCheck } from '../../analysis/option-checks';
import type { ShellWord } from '../../analysis/shell';

/** Options that install packages without checking signatures (when their value matches, for options with one). */
const OPTIONS: OptionCheck[] = [
  { tool: /^apk$/, names: ['allow-untrusted'] },
  { tool: /^(yum|dnf|dnf5|microdnf|tdnf|yum-config-manager)$/, names: ['nogpgcheck'] },
  { tool: /^rpm$/, names: ['nosignature', 'nodigest', 'nofiledigest', 'noverify'] },
  { tool: /^(apt-get|apt|aptitude)$/, names: ['allow-unauthenticated', 'force-yes', 'allow-insecure-repositories', 'allow-untrusted'] },
  {
    tool: /^(apt-get|apt|aptitude)$/, names: ['o', 'option'], syntax: { valueOptions: ['o', 'option', 'c', 'config-file', 't', 'target-release'] },
    value: /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)\s*=\s*["']?(1|true|yes)/i,
  },
  { tool: /^zypper$/, names: ['no-gpg-checks', 'allow-unsigned-rpm'] },
];
/** `gpgcheck=0` written anywhere (yum/dnf --setopt, echoed .repo lines); `repo_gpgcheck` guards metadata only. */
const GPGCHECK_OFF = /(?:^|[\s.,;"'=-]|\\n)((?:localpkg_)?gpgcheck)\s*=\s*["']?(false|0|no|off)\b/i;
/** `deb [trusted=yes] ...` (or allow-insecure/allow-weak) in an apt source line. */
const APT_TRUSTED = /\[[^\]]*\b(trusted|allow-insecure|allow-weak)=yes\b[^\]]*\]/i;
const MESSAGE_TAIL = 'remove it and import the repository\'s signing key instead.';

/** Unchecked signatures let a compromised mirror or network path install any package it likes. */
export const packageSignatureDisabled = defineRule({
  id: 'package-signature-disabled',
  kind: 'dockerfile',
  title: 'Package signature checks are disabled',
  severity: 'error',
  aliases: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'],
  messages: {
    option: `{option} makes {tool} install packages without checking their signatures; ${MESSAGE_TAIL}`,
    setting: `{setting} turns off package signature checks; ${MESSAGE_TAIL}`,
    trusted: `[{setting}] makes apt accept unsigned packages from this source; remove it and name the repository key with signed-by= instead.`,
  },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      const reported = new Set<ShellWord>();
      for (const hit of findOptions(doc, run, OPTIONS)) {
        hit.words.forEach((word) => reported.add(word));
        report({ range: hit.range, messageId: 'option', data: { option: hit.text, tool: hit.invocation.tool } });
      }
      for (const word of doc.shell(run).commands.flatMap((command) => command.words)) {
        if (reported.has(word)) continue;
        const trusted = APT_TRUSTED.exec(word.value);
        const gpgcheck = GPGCHECK_OFF.exec(word.raw) ?? GPGCHECK_OFF.exec(word.value);
        if (trusted) report({ range: word.range, messageId: 'trusted', data: { setting: `${trusted[1]}=yes` } });
        else if (gpgcheck) report({ range: word.range, messageId: 'setting', data: { setting: `${gpgcheck[1]}=${gpgcheck[2]}` } });
      }
    }
  },
});
