import { findInvocations, hasOption, isDynamic, isPipTool, PIP_SYNTAX } from '../../analysis/package-commands';
import { defineRule } from '../../analysis/rule';

const VCS = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/;
const VERSION_OPERATOR = /==|>=|<=|!=|~=|[<>]/;

/** Without a version specifier pip installs the newest release of the day: rebuilds stop being reproducible. */
export const pipUnpinned = defineRule({
  id: 'pip-unpinned',
  kind: 'dockerfile',
  title: 'pip install without a pinned version',
  severity: 'warning',
  aliases: ['DL3013'],
  messages: { unpinned: 'Package "{package}" is not pinned, so rebuilds may install another version; use "{package}==<version>" or a requirements file.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const call of findInvocations(doc, run, (tool) => isPipTool(tool) || tool === 'pipx', PIP_SYNTAX)) {
        // A constraints file pins whatever the command line names.
        if (call.subcommand?.value !== 'install' || hasOption(call, 'c', 'constraint')) continue;
        for (const word of call.operands) {
          if (isPinned(word.value) || isDynamic(word)) continue;
          report({ range: word.range, messageId: 'unpinned', data: { package: word.value } });
        }
      }
    }
  },
});

/** A version specifier, a VCS URL with `@ref`, a local archive, a path or URL, or the project in `.`. */
function isPinned(argument: string): boolean {
  if (VCS.test(argument)) return argument.split('#')[0].replace(/^[a-z+]+:\/\/([^@/]+@)?/, '').includes('@');
  return VERSION_OPERATOR.test(argument)
    || /\.(whl|tar\.gz|tgz|zip|tar\.bz2)$/.test(argument)
    || argument.includes('/')
    || argument.startsWith('.');
}
