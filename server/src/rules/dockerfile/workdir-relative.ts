import { defineRule } from '../../analysis/rule';
import { replace } from '../../analysis/text';

/** A relative WORKDIR depends on the previous one; absolute paths say what they mean. */
export const workdirRelative = defineRule({
  id: 'workdir-relative',
  kind: 'dockerfile',
  title: 'WORKDIR should be an absolute path',
  severity: 'warning',
  aliases: ['DL3000', 'WorkdirRelativePath', 'DS-0009'],
  messages: { relative: 'WORKDIR "{path}" is relative; use an absolute path such as "/{path}".' },
  fixable: true,
  check(doc, report) {
    for (const workdir of doc.instructionsOf('WORKDIR')) {
      const arg = workdir.getArguments()[0];
      if (!arg) continue;
      const path = arg.getValue().replace(/^["']|["']$/g, '');
      if (isAbsoluteOrVariable(path)) continue;
      const absolute = `/${path.replace(/^\.\//, '')}`;
      report({
        range: arg.getRange(),
        messageId: 'relative',
        data: { path },
        fixes: [{ title: `Use ${absolute}`, edits: [replace(arg.getRange(), absolute)], safe: false, preferred: true }],
      });
    }
  },
});

function isAbsoluteOrVariable(path: string): boolean {
  return path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:[\\/]/.test(path);
}
