import type { Onbuild } from 'dockerfile-ast';
import { defineRule } from '../../analysis/rule';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

/** Docker rejects ONBUILD ONBUILD, ONBUILD FROM and ONBUILD MAINTAINER when a child image triggers them. */
export const onbuildForbiddenTrigger = defineRule({
  id: 'onbuild-forbidden-trigger',
  kind: 'dockerfile',
  title: 'ONBUILD triggers ONBUILD, FROM or MAINTAINER',
  severity: 'error',
  aliases: ['DL3043'],
  messages: { forbidden: 'ONBUILD cannot trigger {trigger}; the child build fails, so remove this ONBUILD or trigger another instruction.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const onbuild of doc.instructionsOf('ONBUILD') as Onbuild[]) {
      const trigger = onbuild.getTrigger();
      const range = onbuild.getTriggerRange();
      if (trigger && range && FORBIDDEN.has(trigger.toUpperCase())) {
        report({ range, messageId: 'forbidden', data: { trigger: trigger.toUpperCase() } });
      }
    }
  },
});
