import type { Instruction } from 'dockerfile-ast';
import type { DockerfileDoc } from '../../analysis/dockerfile-doc';
import { appendCommand, cacheMountTargets, callRange, findInvocations, hasOption, runPlacement, stageReachesFinalImage, type ToolInvocation } from '../../analysis/package-commands';
import type { Summarize } from '../../analysis/dockerfile-segment';
import { defineRule } from '../../analysis/rule';

const YARN_CACHE_DIR = /(^|\/)(\.cache\/yarn|\.yarn)(\/|$)/;

/** Yarn copies every package into its global cache; left in the layer, the cache roughly doubles what node_modules costs. */
export const yarnCacheNotCleaned = defineRule({
  id: 'yarn-cache-not-cleaned',
  kind: 'dockerfile',
  title: 'yarn install without yarn cache clean',
  severity: 'info',
  aliases: ['DL3060'],
  messages: { cacheKept: '"{call}" leaves the yarn cache in the image layer; run "yarn cache clean" after it in the same RUN.' },
  fixable: true,
  check(doc, report) {
    for (const runs of doc.summaries(runsInstallingWithYarn)) {
      for (const run of runs) {
        const { stage, onbuild } = runPlacement(doc, run);
        if (!onbuild && !stageReachesFinalImage(doc, stage)) continue;
        if (cacheMountTargets(run).some((target) => YARN_CACHE_DIR.test(target))) continue;
        const yarn = yarnCalls(doc, run);
        const installs = yarn.filter(isInstall);
        const last = installs[installs.length - 1];
        if (cleansAfter(doc, run, yarn, last.index)) continue;
        const edit = appendCommand(doc, run, 'yarn cache clean', false);
        report({
          range: callRange(installs[0]),
          messageId: 'cacheKept',
          data: { call: doc.textOf(callRange(installs[0])) },
          // Unsafe: with Yarn 2+ Plug'n'Play and a project-local cache, the cache is where the packages live.
          fixes: edit ? [{ title: 'Append "&& yarn cache clean"', edits: [edit], safe: false, preferred: true }] : [],
        });
      }
    }
  },
});

function yarnCalls(doc: DockerfileDoc, run: Instruction): ToolInvocation[] {
  return findInvocations(doc, run, (tool) => tool === 'yarn');
}

/** A segment's RUNs that install with yarn, kept per segment (the calls depend on the script alone): most RUNs need no more look. */
const runsInstallingWithYarn: Summarize<readonly Instruction[]> = (segment, doc) => segment.runs.filter((run) => yarnCalls(doc, run).some(isInstall));

/** `yarn`, `yarn install`, `yarn add`, `yarn global add` (not `yarn --version`). */
function isInstall(call: ToolInvocation): boolean {
  const subcommand = call.subcommand?.value;
  if (subcommand === undefined) return !hasOption(call, 'version', 'v', 'help', 'h');
  return subcommand === 'install' || subcommand === 'add' || (subcommand === 'global' && call.operands[0]?.value === 'add');
}

/** `yarn cache clean` or removing the cache folder after the last install. */
function cleansAfter(doc: DockerfileDoc, run: Instruction, yarn: ToolInvocation[], index: number): boolean {
  const cleaned = yarn.some((call) => call.index > index && call.subcommand?.value === 'cache' && call.operands[0]?.value === 'clean');
  return cleaned || findInvocations(doc, run, (tool) => tool === 'rm')
    .some((rm) => rm.index > index && [rm.subcommand, ...rm.operands].some((word) => word && YARN_CACHE_DIR.test(word.value)));
}
