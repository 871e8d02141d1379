import { findInvocations, hasOption, isDynamic, type ToolSyntax } from '../../analysis/package-commands';
import { defineRule } from '../../analysis/rule';

const GEM_SYNTAX: ToolSyntax = {
  valueOptions: ['v', 'version', 'i', 'install-dir', 'n', 'bindir', 's', 'source', 'platform', 'P', 'trust-policy', 'g', 'file',
    'build-root', 'document', 'p', 'http-proxy', 'target-rbconfig'],
  booleanWords: true,
  // After `--` come build options for native extensions.
  stopAtDoubleDash: true,
};

/** `gem install <name>` without a version installs the newest release of the day: rebuilds stop being reproducible. */
export const gemUnpinned = defineRule({
  id: 'gem-unpinned',
  kind: 'dockerfile',
  title: 'gem install without a pinned version',
  severity: 'warning',
  aliases: ['DL3028'],
  messages: { unpinned: 'Gem "{package}" is not pinned, so rebuilds may install another version; use "{package}:<version>" or -v <version>.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const call of findInvocations(doc, run, (tool) => tool === 'gem', GEM_SYNTAX)) {
        // -v applies to the gems named; -g installs what a Gemfile (and its lock) says.
        if ((call.subcommand?.value !== 'install' && call.subcommand?.value !== 'i') || hasOption(call, 'v', 'version', 'g', 'file')) continue;
        for (const word of call.operands) {
          if (word.value.includes(':') || word.value.endsWith('.gem') || isDynamic(word)) continue;
          report({ range: word.range, messageId: 'unpinned', data: { package: word.value } });
        }
      }
    }
  },
});
