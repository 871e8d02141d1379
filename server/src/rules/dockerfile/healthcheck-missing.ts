import { defineRule } from '../../analysis/rule';
import { stageBase } from '../../analysis/stage-base';

/** Without HEALTHCHECK the engine only knows the process is alive, not that the service answers. */
export const healthcheckMissing = defineRule({
  id: 'healthcheck-missing',
  kind: 'dockerfile',
  title: 'Final image has no HEALTHCHECK',
  severity: 'info',
  aliases: ['DL3057', 'DS-0026', 'CKV_DOCKER_2'],
  messages: {
    missing: 'The final image defines no HEALTHCHECK, so the engine cannot tell a hung service from a healthy one; add HEALTHCHECK CMD <probe> (or HEALTHCHECK NONE to say there is none on purpose).',
  },
  fixable: false,
  check(doc, report) {
    const final = doc.finalStage;
    const range = final?.from.getImageRange();
    if (!final || !range) return;
    const hasHealthcheck = stageBase(doc, final).chain.some((stage) => stage.instructions.some((instruction) => instruction.getKeyword() === 'HEALTHCHECK'));
    if (!hasHealthcheck) report({ range, messageId: 'missing' });
  },
});
