import { defineRule } from '../../analysis/rule';
import { parentStage } from '../../analysis/stage-base';
import type { DockerfileDoc, Stage } from '../../analysis/dockerfile-doc';
import { replace } from '../../analysis/text';

/** A relative WORKDIR depends on the base image's working directory; absolute paths say what they mean. */
export const workdirRelative = defineRule({
  id: 'workdir-relative',
  kind: 'dockerfile',
  title: 'WORKDIR should be an absolute path',
  severity: 'warning',
  aliases: ['DL3000', 'WorkdirRelativePath', 'DS-0009'],
  messages: { relative: 'WORKDIR "{path}" is relative; use an absolute path such as "/{path}".' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    const firstFrom = doc.stages[0]?.from;
    const beforeFirstFrom = firstFrom ? doc.instructions.slice(0, doc.instructions.indexOf(firstFrom)) : doc.instructions;
    const groups: { stage?: Stage; instructions: typeof doc.instructions }[] = [{ instructions: beforeFirstFrom }, ...doc.stages.map((stage) => ({ stage, instructions: stage.instructions }))];
    for (const group of groups) {
      // Like BuildKit: once this stage (or a stage it is built FROM) set an absolute WORKDIR, relative ones are well defined.
      let anchored = group.stage ? inheritsAbsoluteWorkdir(doc, group.stage) : false;
      for (const workdir of group.instructions.filter((instruction) => instruction.getKeyword() === 'WORKDIR')) {
        const arg = workdir.getArguments()[0];
        if (!arg) continue;
        const path = arg.getValue().replace(/^["']|["']$/g, '');
        if (isAbsoluteOrVariable(path)) { anchored = true; continue; }
        if (anchored) continue;
        const absolute = `/${path.replace(/^\.\//, '')}`;
        report({
          range: arg.getRange(),
          messageId: 'relative',
          data: { path },
          fixes: [{ title: `Use ${absolute}`, edits: [replace(arg.getRange(), absolute)], safe: false, preferred: true }],
        });
      }
    }
  },
});

function inheritsAbsoluteWorkdir(doc: DockerfileDoc, stage: Stage, seen = new Set<Stage>()): boolean {
  const parent = parentStage(doc, stage);
  if (!parent || seen.has(parent)) return false;
  seen.add(parent);
  const setsAbsolute = parent.instructions.some((instruction) => {
    if (instruction.getKeyword() !== 'WORKDIR') return false;
    const value = instruction.getArguments()[0]?.getValue().replace(/^["']|["']$/g, '') ?? '';
    return isAbsoluteOrVariable(value);
  });
  return setsAbsolute || inheritsAbsoluteWorkdir(doc, parent, seen);
}

/** `/x`, `$VAR/x`, and Windows drive paths (`C:\`, `C:/`, and `C:` as the parser leaves `"C:\"`). */
function isAbsoluteOrVariable(path: string): boolean {
  return path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:([\\/]|$)/.test(path);
}
