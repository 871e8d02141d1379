import { defineRule } from '../../analysis/rule';
import { copyFromReferences } from '../../analysis/stage-references';

/** `COPY --from=name` with no earlier stage of that name pulls an image called `name` instead: usually a typo or a stage defined too late. */
export const copyFromUnknownStage = defineRule({
  id: 'copy-from-unknown-stage',
  kind: 'dockerfile',
  title: 'COPY --from refers to no earlier stage',
  severity: 'warning',
  aliases: ['DL3022'],
  messages: {
    unknownName: 'COPY --from={value} matches no earlier stage, so the builder looks for an image (or --build-context) named "{value}"; name an earlier stage, or write the image with a tag.',
    laterStage: 'COPY --from={value} refers to a stage defined later (line {line}); move that stage before this one.',
    unknownIndex: 'COPY --from={value} refers to stage index {value}, but only {count} stage(s) come before it; use the index or name of an earlier stage.',
  },
  fixable: false,
  check(doc, report) {
    for (const { value, range, target, instruction } of copyFromReferences(doc)) {
      if (target.kind === 'later-stage') {
        report({ range, messageId: 'laterStage', data: { value, line: doc.stages[target.index].from.getRange().start.line + 1 } });
      } else if (target.kind === 'unknown') {
        // The stage holding the COPY, looked up (a scan of every stage's instructions per COPY was quadratic).
        const stageIndex = doc.stageOf(instruction)?.index ?? -1;
        report({ range, messageId: /^\d+$/.test(value) ? 'unknownIndex' : 'unknownName', data: { value, count: Math.max(stageIndex, 0) } });
      }
    }
  },
});
