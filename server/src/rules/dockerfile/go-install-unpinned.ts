import { findInvocations, isDynamic, type ToolSyntax } from '../../analysis/package-commands';
import { defineRule } from '../../analysis/rule';

const GO_SYNTAX: ToolSyntax = {
  valueOptions: ['C', 'o', 'p', 'pkgdir', 'tags', 'toolexec', 'ldflags', 'gcflags', 'asmflags', 'gccgoflags', 'mod', 'modfile',
    'buildmode', 'compiler', 'installsuffix', 'overlay', 'pgo', 'exec', 'covermode', 'coverpkg'],
  singleDashNames: true,
};
/** Queries that resolve to whatever is newest when the image is built. */
const MOVING = new Set(['latest', 'upgrade', 'patch', 'master', 'main', 'HEAD']);

/** `go install pkg@latest` (or no version) builds whatever is newest that day: rebuilds stop being reproducible. */
export const goInstallUnpinned = defineRule({
  id: 'go-install-unpinned',
  kind: 'dockerfile',
  title: 'go install without a pinned version',
  severity: 'warning',
  aliases: ['DL3062'],
  messages: { unpinned: 'Module "{package}" is not pinned to a version, so rebuilds may build another one; use "{package}@v<version>".' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      for (const call of findInvocations(doc, run, (tool) => tool === 'go', GO_SYNTAX)) {
        const subcommand = call.subcommand?.value;
        if (subcommand !== 'install' && subcommand !== 'get' && subcommand !== 'run') continue;
        // `go run pkg args...`: only the first operand is a package.
        const packages = subcommand === 'run' ? call.operands.slice(0, 1) : call.operands;
        for (const word of packages) {
          if (isPinnedOrLocal(word.value) || isDynamic(word)) continue;
          report({ range: word.range, messageId: 'unpinned', data: { package: word.value.split('@')[0] } });
        }
      }
    }
  },
});

function isPinnedOrLocal(path: string): boolean {
  if (/^(\.|\/)/.test(path) || path.endsWith('.go')) return true;
  const at = path.lastIndexOf('@');
  return at !== -1 && !MOVING.has(path.slice(at + 1));
}
