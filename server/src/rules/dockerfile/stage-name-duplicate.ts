import { defineRule } from '../../analysis/rule';

/** Stage names must be unique (case-insensitively): the build stops at a duplicate, and `--from` could not tell them apart. */
export const stageNameDuplicate = defineRule({
  id: 'stage-name-duplicate',
  kind: 'dockerfile',
  title: 'Stage name used twice',
  severity: 'error',
  aliases: ['DL3024', 'DuplicateStageName', 'DS-0012'],
  messages: { duplicate: 'Stage name "{name}" is already used by the stage on line {line}; give this stage a unique name.' },
  fixable: false,
  check(doc, report) {
    const firstLine = new Map<string, number>();
    for (const stage of doc.stages) {
      const range = stage.from.getBuildStageRange();
      if (!stage.name || !range) continue;
      const line = firstLine.get(stage.name);
      if (line === undefined) firstLine.set(stage.name, range.start.line + 1);
      else report({ range, messageId: 'duplicate', data: { name: stage.from.getBuildStage() ?? stage.name, line } });
    }
  },
});
