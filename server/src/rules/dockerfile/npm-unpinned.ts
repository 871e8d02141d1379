import { findInvocations, isDynamic, type ToolSyntax } from '../../analysis/package-commands';
import { defineRule } from '../../analysis/rule';

const INSTALL = new Set(['install', 'i', 'in', 'add', 'isntall']);
const NPM_SYNTAX: ToolSyntax = {
  valueOptions: ['registry', 'loglevel', 'prefix', 'C', 'cache', 'tag', 'userconfig', 'globalconfig', 'omit', 'include', 'workspace', 'w',
    'install-strategy', 'audit-level', 'fetch-retries', 'before', 'only', 'location', 'script-shell', 'save-prefix'],
  booleanWords: true,
};

/** `npm install <name>` without a version takes whatever is newest that day (package.json installs are pinned by the lockfile). */
export const npmUnpinned = defineRule({
  id: 'npm-unpinned',
  kind: 'dockerfile',
  title: 'npm install without a pinned version',
  severity: 'warning',
  aliases: ['DL3016'],
  messages: { unpinned: 'Package "{package}" is not pinned, so rebuilds may install another version; use "{package}@<version>".' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const call of findInvocations(doc, run, (tool) => tool === 'npm', NPM_SYNTAX)) {
        if (!call.subcommand || !INSTALL.has(call.subcommand.value)) continue;
        for (const word of call.operands) {
          if (isPinned(word.value) || isDynamic(word)) continue;
          report({ range: word.range, messageId: 'unpinned', data: { package: word.value.replace(/@latest$/, '') } });
        }
      }
    }
  },
});

/** `name@1.2`, `@scope/name@^1`, a git URL with `#ref`, `user/repo#ref`, a tarball, or a local folder; `@latest` moves. */
function isPinned(spec: string): boolean {
  if (/^(git|git\+[a-z]+):\/\//.test(spec)) return spec.includes('#');
  if (/\.(tar|tar\.gz|tgz)$/.test(spec) || /^(\/|\.\.?\/|~\/|file:)/.test(spec)) return true;
  const name = spec.startsWith('@') ? spec.slice(spec.indexOf('/') + 1) : spec;
  if (name.includes('@')) return !name.endsWith('@latest');
  return /^[^/:]+\/[^/]+#.+/.test(spec);
}
