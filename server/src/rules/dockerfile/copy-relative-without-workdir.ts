import type { From, Instruction, Onbuild } from 'dockerfile-ast';
import { copyPaths } from '../../analysis/copy-args';
import { defineRule } from '../../analysis/rule';

/** Before any WORKDIR a relative COPY destination lands under whatever directory the base image chose. */
export const copyRelativeWithoutWorkdir = defineRule({
  id: 'copy-relative-without-workdir',
  kind: 'dockerfile',
  title: 'COPY to a relative destination before WORKDIR',
  severity: 'warning',
  aliases: ['DL3045'],
  messages: { relative: 'COPY destination "{destination}" is relative but no WORKDIR is set in this stage; set WORKDIR first or use an absolute path.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    const workdirByStage = new Map<string, boolean>();
    let stageName: string | null = null;
    let workdirSet = false;
    let triggerWorkdirSet = false;
    for (const instruction of doc.instructions) {
      const trigger = instruction.getKeyword() === 'ONBUILD' ? (instruction as Onbuild).getTriggerInstruction() : null;
      const target: Instruction = trigger ?? instruction;
      const keyword = target.getKeyword();
      if (keyword === 'FROM' && !trigger) {
        const from = target as From;
        workdirSet = workdirByStage.get(from.getImage()?.toLowerCase() ?? '') ?? false;
        triggerWorkdirSet = false;
        stageName = from.getBuildStage()?.toLowerCase() ?? null;
        if (stageName) workdirByStage.set(stageName, workdirSet);
      } else if (keyword === 'WORKDIR') {
        if (trigger) triggerWorkdirSet = true;
        else workdirSet = true;
        if (stageName && !trigger) workdirByStage.set(stageName, true);
      } else if (keyword === 'COPY') {
        // An ONBUILD COPY runs in the child, after this image's WORKDIR and earlier ONBUILD WORKDIRs.
        if (workdirSet || (trigger && triggerWorkdirSet)) continue;
        const destination = copyPaths(target, doc).destination;
        if (!destination || isAbsoluteOrVariable(destination.raw)) continue;
        report({ range: destination.range, messageId: 'relative', data: { destination: destination.raw } });
      }
    }
  },
});

function isAbsoluteOrVariable(path: string): boolean {
  return path.startsWith('/') || path.startsWith('$') || /^[^/\\]:[\\/]/.test(path);
}
