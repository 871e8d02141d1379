import { defineRule } from '../../analysis/rule';

/** `scratch` and `context` already mean something to the builder, so a stage with that name is ambiguous. */
export const stageNameReserved = defineRule({
  id: 'stage-name-reserved',
  kind: 'dockerfile',
  title: 'Stage name is a reserved word',
  severity: 'error',
  aliases: ['DL3063', 'ReservedStageName'],
  messages: { reserved: 'Stage name "{name}" is reserved ({meaning}); choose another name.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const stage of doc.stages) {
      const range = stage.from.getBuildStageRange();
      const meaning = stage.name ? RESERVED.get(stage.name) : undefined;
      if (range && meaning) report({ range, messageId: 'reserved', data: { name: stage.from.getBuildStage() ?? '', meaning } });
    }
  },
});

const RESERVED = new Map([
  ['scratch', '"scratch" is the empty base image'],
  ['context', '"context" names the build context in COPY --from and RUN --mount'],
]);
