import { validateComposeSchema } from '../../analysis/compose-schema';
import { defineRule } from '../../analysis/rule';

/** Keys and values the Compose Specification does not allow: Compose refuses the file or ignores a typo silently. */
export const composeSchema = defineRule({
  id: 'compose-schema',
  kind: 'compose',
  title: 'Compose file does not match the Compose Specification',
  severity: 'error',
  aliases: ['invalid-schema'],
  messages: { invalid: '{message}' },
  fixable: false,
  check(doc, report) {
    for (const problem of validateComposeSchema(doc)) report({ range: problem.range, messageId: 'invalid', data: { message: problem.message } });
  },
});
