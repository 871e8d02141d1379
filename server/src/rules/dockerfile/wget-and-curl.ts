import { defineRule } from '../../analysis/rule';
import { resolveProgram, runPlacement } from '../../analysis/package-commands';
import { parentStage } from '../../analysis/stage-base';
import type { Stage } from '../../analysis/dockerfile-doc';

/** wget and curl do the same job; using both in one image ships two download tools where one would do. */
export const wgetAndCurl = defineRule({
  id: 'wget-and-curl',
  kind: 'dockerfile',
  title: 'Use either wget or curl, not both',
  severity: 'warning',
  aliases: ['DL4001', 'DS-0014'],
  messages: { both: 'This image uses both wget and curl, which do the same job; pick one of them for every download.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    // Tools used per stage so far; a stage built FROM an earlier stage starts with what that stage used.
    const seen = new Map<Stage | undefined, Set<string>>();
    const toolsOf = (stage: Stage | undefined): Set<string> => {
      let tools = seen.get(stage);
      if (!tools) {
        const parent = stage && parentStage(doc, stage);
        tools = new Set(parent ? toolsOf(parent) : []);
        seen.set(stage, tools);
      }
      return tools;
    };
    for (const run of doc.runInstructions()) {
      const tools = toolsOf(runPlacement(doc, run).stage);
      let reported = false;
      for (const command of doc.shell(run).commands) {
        const program = resolveProgram(command);
        if (!program || (program.tool !== 'wget' && program.tool !== 'curl')) continue;
        tools.add(program.tool);
        if (tools.size === 2 && !reported) {
          report({ range: command.words[program.programIndex].range, messageId: 'both' });
          reported = true;
        }
      }
    }
  },
});
