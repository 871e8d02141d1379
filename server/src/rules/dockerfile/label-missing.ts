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
    // Without a schema no label is required: nothing to read at each edit.
    if (schema.size === 0) return;
    const parents = parentsOf(doc.stages);
    const readByOtherStages = new Set([...doc.instructionsOf('COPY').map((copy) => copyFromValue(copy)), ...mountSources(doc)].map((name) => name?.toLowerCase()));
    const labelKeys = doc.stages.map((stage) => new Set(labelPairs(stage.instructions).map((pair) => pair.key)));
    for (const label of schema.keys()) {
      const ownLabel = doc.stages.map((stage) => labelKeys[stage.index].has(label));
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

/** Per stage, the latest earlier stage named like its FROM image, in one walk (a scan of the earlier stages per stage was quadratic). */
function parentsOf(stages: readonly Stage[]): (number | undefined)[] {
  const latestByName = new Map<string, number>();
  return stages.map((stage) => {
    const image = stage.from.getImage()?.toLowerCase();
    const parent = image === undefined ? undefined : latestByName.get(image);
    if (stage.name !== null) latestByName.set(stage.name, stage.index);
    return parent;
  });
}

/** Stages read through `RUN --mount=...,from=<stage>`. */
function mountSources(doc: DockerfileDoc): string[] {
  return doc.runInstructions().flatMap((run) => (run as Run).getFlags())
    .filter((flag) => flag.getName().toLowerCase() === 'mount')
    .map((flag) => /(?:^|,)from=([^,]+)/i.exec(flag.getValue() ?? '')?.[1] ?? '')
    .filter(Boolean);
}
