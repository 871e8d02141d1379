import type { Arg, Env, Property } from 'dockerfile-ast';
import { defineRule } from '../../analysis/rule';
import { resolveProgram } from '../../analysis/package-commands';
import { findOptions, findSettings, type OptionCheck, type SettingCheck } from '../../analysis/option-checks';
import type { ShellWord } from '../../analysis/shell';
import type { Range } from '../../analysis/types';

const OFF = /^(false|0|no|off)$/i;
const PIP = /^pip(\d+(\.\d+)*)?$/;
const NPM = /^(npm|yarn|pnpm)$/;
/** Variables that turn verification off when set to a matching value. */
const VARIABLES: { name: RegExp; value: RegExp; tool: string }[] = [
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, value: /^0$/, tool: 'Node.js' },
  { name: /^PYTHONHTTPSVERIFY$/, value: /^0$/, tool: 'Python' },
  { name: /^GIT_SSL_NO_VERIFY$/, value: /^/, tool: 'git' },
  { name: /^NPM_CONFIG_STRICT_SSL$/i, value: /^false$/i, tool: 'npm' },
  { name: /^PIP_TRUSTED_HOST$/, value: /./, tool: 'pip' },
];
/** Options that turn verification off (when their value matches, for options that take one). */
const OPTIONS: OptionCheck[] = [
  { tool: /^curl$/, names: ['k', 'insecure', 'proxy-insecure'], syntax: { valueOptions: [...'ABbcCDdeEFHKmoPQrtTUuwxXyYz'] } },
  { tool: /^wget$/, names: ['no-check-certificate'] },
  { tool: PIP, names: ['trusted-host'] },
  { tool: NPM, names: ['no-strict-ssl'] },
  { tool: NPM, names: ['strict-ssl'], value: OFF, syntax: { booleanWords: true } },
  { tool: /^git$/, names: ['c'], value: /^http\.(.+\.)?sslverify=(false|0|no|off)$/i, syntax: { valueOptions: ['c', 'C'] } },
];
/** Commands that write an insecure setting. */
const SETTINGS: SettingCheck[] = [
  { tool: PIP, path: /^config set$/, key: /(^|\.)trusted-host$/, value: /./ },
  { tool: NPM, path: /^((c|config) )?set$/, key: /^strict-ssl$/, value: /^false$/i },
  { tool: /^git$/, path: /^config$/, key: /^http\.(.+\.)?sslverify$/i, value: OFF },
];
/** `sslverify=0` written anywhere: yum/dnf --setopt, repo files, echoed config lines. */
const SSLVERIFY_OFF = /(^|[\s.,;"'=[-]|\\n)sslverify\s*=\s*["']?(false|0|no|off)\b/i;
const MESSAGE_TAIL = 'remove it and add the server\'s CA certificate to the image instead.';

/** Turning off certificate checks lets anyone on the network path replace what the build downloads. */
export const tlsVerificationDisabled = defineRule({
  id: 'tls-verification-disabled',
  kind: 'dockerfile',
  title: 'TLS certificate verification is disabled',
  severity: 'error',
  aliases: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_15', 'CKV2_DOCKER_16'],
  messages: {
    option: `{option} turns off TLS certificate verification for {tool}; ${MESSAGE_TAIL}`,
    variable: `Setting {name} turns off TLS certificate verification for {tool}; ${MESSAGE_TAIL}`,
    setting: `The {setting} setting turns off TLS certificate verification for {tool}; ${MESSAGE_TAIL}`,
  },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    const variable = (name: string, value: string | null, range: Range): void => {
      const known = VARIABLES.find((candidate) => candidate.name.test(name) && value !== null && candidate.value.test(value));
      if (known) report({ range, messageId: 'variable', data: { name, tool: known.tool } });
    };
    for (const instruction of doc.instructions) {
      const keyword = instruction.getKeyword();
      const properties: (Property | null)[] = keyword === 'ENV' ? (instruction as Env).getProperties() : keyword === 'ARG' ? [(instruction as Arg).getProperty()] : [];
      for (const property of properties) if (property) variable(property.getName(), property.getValue(), property.getRange());
    }
    for (const run of doc.runInstructions()) {
      const commands = doc.shell(run).commands;
      const reported = new Set<ShellWord>();
      for (const command of commands) {
        const program = resolveProgram(command);
        const exported = program?.tool === 'export' ? command.words.slice(program.argsFrom) : [];
        for (const word of [...command.words.slice(0, command.nameIndex + 1), ...exported]) {
          const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.value);
          if (match) variable(match[1], match[2], word.range);
        }
      }
      for (const [messageId, hits] of [['option', findOptions(doc, run, OPTIONS)], ['setting', findSettings(doc, run, SETTINGS)]] as const) {
        for (const hit of hits) {
          hit.words.forEach((word) => reported.add(word));
          report({ range: hit.range, messageId, data: { option: hit.text, setting: hit.text, tool: hit.invocation.tool } });
        }
      }
      for (const word of commands.flatMap((command) => command.words)) {
        if (!reported.has(word) && (SSLVERIFY_OFF.test(word.raw) || SSLVERIFY_OFF.test(word.value))) report({ range: word.range, messageId: 'setting', data: { setting: 'sslverify', tool: /http\./i.test(word.value) ? 'git' : 'yum/dnf' } });
      }
    }
  },
});
