import type { Copy } from 'dockerfile-ast';
import { copyPaths } from '../../analysis/copy-args';
import { isIgnored, parseDockerignore } from '../../analysis/dockerignore';
import { defineRule } from '../../analysis/rule';
import { insertAt, LineIndex } from '../../analysis/text';
import type { Fix } from '../../analysis/types';

/** `COPY .` takes the whole build context: without a .dockerignore, .git history and .env secrets land in the image. */
export const copyContextUnfiltered = defineRule({
  id: 'copy-context-unfiltered',
  kind: 'dockerfile',
  title: 'Whole build context copied without excluding .git and .env',
  severity: 'warning',
  aliases: [],
  messages: {
    noDockerignore: '{keyword} . copies the whole build context and there is no .dockerignore, so .git and .env files end up in the image; add a .dockerignore that excludes them.',
    notExcluded: '{keyword} . copies the whole build context and .dockerignore does not exclude {missing}; add {missing} to .dockerignore.',
  },
  fixable: true,
  scope: 'stage',
  check(doc, report, { context }) {
    const ignoreText = context.dockerignore;
    if (ignoreText === undefined) return;
    const patterns = ignoreText === null ? [] : parseDockerignore(ignoreText);
    const missing = REQUIRED.filter((path) => !isIgnored(patterns, path));
    if (missing.length === 0) return;
    const fix = ignoreText === null ? createFix() : extendFix(ignoreText, missing);
    for (const instruction of [...doc.instructionsOf('COPY'), ...doc.instructionsOf('ADD')]) {
      if ((instruction as Copy).getFlags().some((flag) => flag.getName() === 'from')) continue;
      const whole = copyPaths(instruction).sources.find((source) => source.value === '.' || source.value === './');
      if (!whole) continue;
      const data = { keyword: instruction.getKeyword(), missing: missing.join(' and ') };
      report({ range: whole.range, messageId: ignoreText === null ? 'noDockerignore' : 'notExcluded', data, fixes: [fix] });
    }
  },
});

const REQUIRED = ['.git', '.env'];

const DEFAULT_DOCKERIGNORE = [
  '# Keep version control data, secrets and local build output out of the build context.',
  '.git', '.env', '.env.*', '!.env.example', '*.pem', '*.key', 'node_modules', '',
].join('\n');

function createFix(): Fix {
  return { title: 'Create a .dockerignore that excludes .git, .env and keys', edits: [], safe: false, preferred: true,
    sideFiles: [{ path: '.dockerignore', create: true, edits: [insertAt({ line: 0, character: 0 }, DEFAULT_DOCKERIGNORE)] }] };
}

function extendFix(text: string, missing: string[]): Fix {
  const lines = new LineIndex(text);
  const eol = lines.eol;
  const lead = text === '' || /[\r\n]$/.test(text) ? '' : eol;
  return { title: `Add ${missing.join(' and ')} to .dockerignore`, edits: [], safe: false, preferred: true,
    sideFiles: [{ path: '.dockerignore', create: false, edits: [insertAt(lines.positionAt(text.length), lead + missing.map((entry) => entry + eol).join(''))] }] };
}
