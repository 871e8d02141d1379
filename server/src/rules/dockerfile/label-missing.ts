import { copyFromValue } from '../../analysis/copy-args';
import type { Run } from 'dockerfile-ast';
import type { DockerfileDoc, Stage } from '../../analysis/dockerfile-doc';
import { labelPairs, labelSchema } from '../../analysis/labels';
import { defineRule } from '../../analysis/rule';

/** Images without the labels the team's schema requires lose their provenance (owner, source, version). */
export const labelMissing = defineRule({
  id: 'label-missing',
  kind: 'dockerfile',
  title: 'Required label missing',
  severity: 'info',
  aliases: ['DL3049'],
  messages: { missing: 'Stage "{stage}" has no label "{label}", which the label schema requires; add LABEL {label}=<value>.' },
  fixable: false,
  check(doc, report, ctx) {
    const schema = labelSchema(ctx.settings);
    const parents = doc.stages.map((stage) => parentOf(doc.stages, stage));
    const readByOtherStages = new Set([...doc.instructionsOf('COPY').map((copy) => copyFromValue(copy)), ...mountSources(doc)].map((name) => name?.toLowerCase()));
    for (const label of schema.keys()) {
      const ownLabel = doc.stages.map((stage) => labelPairs(stage.instructions).some((pair) => pair.key === label));
      const hasLabel: boolean[] = [];
      for (const stage of doc.stages) hasLabel.push(ownLabel[stage.index] || (parents[stage.index] !== undefined && hasLabel[parents[stage.index] as number]));
      for (const stage of doc.stages) {
        if (hasLabel[stage.index]) continue;
        // Stages consumed by COPY --from or RUN --mount=from=, or by a child that sets the label, are not the images people run.
        const consumed = readByOtherStages.has(stage.name ?? '') || readByOtherStages.has(String(stage.index))
          || doc.stages.some((child) => parents[child.index] === stage.index && ownLabel[child.index]);
        if (consumed) continue;
        report({ range: stage.from.getInstructionRange(), messageId: 'missing', data: { stage: stage.name ?? stage.from.getImage() ?? String(stage.index), label } });
      }
    }
  },
});

function parentOf(stages: readonly Stage[], stage: Stage): number | undefined {
  const image = stage.from.getImage()?.toLowerCase();
  return stages.slice(0, stage.index).reverse().find((earlier) => earlier.name === image)?.index;
}

/** Stages read through `RUN --mount=...,from=<stage>`. */
function mountSources(doc: DockerfileDoc): string[] {
  return doc.runInstructions().flatMap((run) => (run as Run).getFlags())
    .filter((flag) => flag.getName().toLowerCase() === 'mount')
    .map((flag) => /(?:^|,)from=([^,]+)/i.exec(flag.getValue() ?? '')?.[1] ?? '')
    .filter(Boolean);
}
