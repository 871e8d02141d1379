import { copyFromValue, copyPaths } from '../../analysis/copy-args';
import { defineRule } from '../../analysis/rule';

/** `COPY --from=x / /` drags a whole filesystem (package databases, caches, shells) into the image and defeats multi-stage builds. */
export const copyEntireStageRoot = defineRule({
  id: 'copy-entire-stage-root',
  kind: 'dockerfile',
  title: 'COPY --from copies an entire filesystem',
  severity: 'warning',
  aliases: ['DL3067'],
  messages: { root: 'COPY --from={from} copies the entire root filesystem of "{from}" onto "/"; copy only the paths the image needs.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const copy of doc.instructionsOf('COPY')) {
      const from = copyFromValue(copy);
      if (!from) continue;
      const { sources, destination } = copyPaths(copy, doc);
      const root = sources.find((source) => source.value === '/');
      if (root && destination?.value === '/') report({ range: root.range, messageId: 'root', data: { from } });
    }
  },
});
