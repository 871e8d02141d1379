import type { Summarize } from '../../analysis/dockerfile-segment';
import { defineRule } from '../../analysis/rule';
import type { Range } from '../../analysis/types';

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
    for (const named of doc.summaries(namedStages)) {
      for (const { name, written, range } of named) {
        const line = firstLine.get(name);
        if (line === undefined) firstLine.set(name, range.start.line + 1);
        else report({ range, messageId: 'duplicate', data: { name: written, line } });
      }
    }
  },
});

/** A segment's stage names (lower case, and as written) with their ranges, read once per segment (the rule runs at every edit). */
const namedStages: Summarize<readonly { name: string; written: string; range: Range }[]> = (segment) => segment.stageParts.flatMap(({ from, name }) => {
  const range = name ? from.getBuildStageRange() : null;
  return name && range ? [{ name, written: from.getBuildStage() ?? name, range }] : [];
});
