import type { Copy, From, Run } from 'dockerfile-ast';
import type { DockerfileDoc } from '../../analysis/dockerfile-doc';
import type { Summarize } from '../../analysis/dockerfile-segment';
import { defineRule } from '../../analysis/rule';
import { replace } from '../../analysis/text';
import type { Range, TextEdit } from '../../analysis/types';

/** Stage names are matched case-insensitively and stored lower-cased; writing them in lower case everywhere avoids surprises. */
export const stageNameCasing = defineRule({
  id: 'stage-name-casing',
  kind: 'dockerfile',
  title: 'Stage name is not lower case',
  severity: 'info',
  aliases: ['StageNameCasing'],
  messages: { notLowercase: 'Stage name "{name}" should be lower case ("{lower}"), as the builder treats stage names.' },
  fixable: true,
  check(doc, report) {
    const notLowercase = doc.summaries(notLowercaseStages);
    // Nearly always none: the definitions are read only when there is one.
    if (notLowercase.every((stages) => stages.length === 0)) return;
    const definitions = doc.stages.map((stage) => stage.name);
    for (const stages of notLowercase) {
      for (const from of stages) {
        const written = from.getBuildStage() as string;
        const range = from.getBuildStageRange() as Range;
        const lower = written.toLowerCase();
        const references = definitions.filter((name) => name === lower).length === 1 ? stageReferences(doc, lower) : [];
        const edits: TextEdit[] = [replace(range, lower), ...references.map((ref) => replace(ref, lower))];
        report({ range, messageId: 'notLowercase', data: { name: written, lower },
          fixes: [{ title: `Rename the stage to "${lower}" here and where it is used`, edits, safe: true, preferred: true }] });
      }
    }
  },
});

/** A segment's FROMs naming their stage not in lower case (with a range), found once per segment (the rule runs at every edit). */
const notLowercaseStages: Summarize<readonly From[]> = (segment) => segment.stageParts.flatMap(({ from }) => {
  const written = from.getBuildStage();
  return written && written !== written.toLowerCase() && from.getBuildStageRange() ? [from] : [];
});

/** Ranges of `FROM <stage>`, `COPY --from=<stage>` and `RUN --mount=...,from=<stage>` that name the stage in another case. */
function stageReferences(doc: DockerfileDoc, lower: string): Range[] {
  const found: Range[] = [];
  const add = (text: string | null, range: Range | null): void => {
    if (text && range && text !== lower && text.toLowerCase() === lower) found.push(range);
  };
  for (const instruction of doc.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const from = instruction as From;
      add(from.getImage(), from.getImageRange());
    } else if (keyword === 'COPY') {
      const flag = (instruction as Copy).getFromFlag();
      add(flag?.getValue() ?? null, flag?.getValueRange() ?? null);
    } else if (keyword === 'RUN') {
      const mounts = (instruction as Run).getFlags().filter((flag) => flag.getName() === 'mount');
      for (const option of mounts.flatMap((flag) => flag.getOptions())) if (option.getName() === 'from') add(option.getValue(), option.getValueRange());
    }
  }
  return found;
}
