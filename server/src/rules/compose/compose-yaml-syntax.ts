import { COMPOSE_SYNTAX_RULE_ID } from '../../analysis/compose-doc';
import { defineRule } from '../../analysis/rule';

/** Broken YAML (and alias bombs, runaway nesting, repeated keys) makes Compose refuse the file; say where. */
export const composeYamlSyntax = defineRule({
  id: COMPOSE_SYNTAX_RULE_ID,
  kind: 'compose',
  title: 'Compose file is not valid YAML',
  severity: 'error',
  aliases: ['invalid-yaml'],
  messages: { invalid: '{message}' },
  fixable: false,
  check(doc, report) {
    for (const problem of doc.problems) report({ range: doc.problemRange(problem), messageId: 'invalid', data: { message: problem.message } });
  },
});
