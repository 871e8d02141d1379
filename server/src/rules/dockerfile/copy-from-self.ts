import { defineRule } from '../../analysis/rule';
import { copyFromReferences } from '../../analysis/stage-references';

/** A stage cannot copy from itself: the build fails with a circular dependency. */
export const copyFromSelf = defineRule({
  id: 'copy-from-self',
  kind: 'dockerfile',
  title: 'COPY --from refers to its own stage',
  severity: 'error',
  aliases: ['DL3023', 'DS-0006'],
  messages: { self: 'COPY --from={value} refers to the stage it is in, which the build cannot do; copy from an earlier stage or from the build context.' },
  fixable: false,
  check(doc, report) {
    for (const reference of copyFromReferences(doc)) {
      if (reference.target.kind === 'self') report({ range: reference.range, messageId: 'self', data: { value: reference.value } });
    }
  },
});
