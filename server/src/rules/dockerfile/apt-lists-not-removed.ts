import type { Instruction } from 'dockerfile-ast';
import type { DockerfileDoc } from '../../analysis/dockerfile-doc';
import type { Summarize } from '../../analysis/dockerfile-segment';
import { APT_SYNTAX, appendCommand, cacheMountTargets, callRange, findInvocations, runPlacement, stageReachesFinalImage, type ToolInvocation } from '../../analysis/package-commands';
import { defineRule } from '../../analysis/rule';

const CLEANUP = 'rm -rf /var/lib/apt/lists/*';
const LISTS_PATH = /^\/var\/lib\/apt(\/lists)?(\/|\/\*)?$/;

/** `apt-get update` downloads tens of megabytes of package lists; left in the layer they only bloat the image. */
export const aptListsNotRemoved = defineRule({
  id: 'apt-lists-not-removed',
  kind: 'dockerfile',
  title: 'apt lists not removed after apt-get update',
  severity: 'info',
  aliases: ['DL3009'],
  messages: { listsKept: '"{call}" leaves package lists in the image layer; end the same RUN with "rm -rf /var/lib/apt/lists/*".' },
  fixable: true,
  check(doc, report) {
    for (const runs of doc.summaries(runsUpdatingApt)) {
      for (const run of runs) {
        const { stage, onbuild } = runPlacement(doc, run);
        // Stages that never reach the final image may keep their lists (ONBUILD triggers always reach a child image).
        if (!onbuild && !stageReachesFinalImage(doc, stage)) continue;
        const updates = aptUpdates(doc, run);
        if (keepsListsOutOfLayer(run) || removesListsAfter(doc, run, updates[updates.length - 1].index)) continue;
        const edit = appendCommand(doc, run, CLEANUP, true);
        report({
          range: callRange(updates[0]),
          messageId: 'listsKept',
          data: { call: `${updates[0].tool} update` },
          fixes: edit ? [{ title: `Append "&& ${CLEANUP}"`, edits: [edit], safe: true, preferred: true }] : [],
        });
      }
    }
  },
});

function aptUpdates(doc: DockerfileDoc, run: Instruction): ToolInvocation[] {
  return findInvocations(doc, run, (tool) => tool === 'apt-get' || tool === 'apt' || tool === 'aptitude', APT_SYNTAX).filter((call) => call.subcommand?.value === 'update');
}

/** A segment's RUNs that update apt's lists, kept per segment (the calls depend on the script alone): most RUNs need no more look. */
const runsUpdatingApt: Summarize<readonly Instruction[]> = (segment, doc) => segment.runs.filter((run) => aptUpdates(doc, run).length > 0);

/** A cache or tmpfs mount of the lists (or of both /var/lib/apt and /var/cache/apt) keeps them out of the layer. */
function keepsListsOutOfLayer(run: Instruction): boolean {
  const targets = cacheMountTargets(run);
  const covers = (dir: string): boolean => targets.some((target) => target === dir || target.startsWith(`${dir}/`));
  return covers('/var/lib/apt/lists') || (covers('/var/lib/apt') && covers('/var/cache/apt'));
}

function removesListsAfter(doc: DockerfileDoc, run: Instruction, index: number): boolean {
  return findInvocations(doc, run, (tool) => tool === 'rm')
    .some((rm) => rm.index > index && [rm.subcommand, ...rm.operands].some((word) => word && LISTS_PATH.test(word.value)));
}
