import { validate, ValidationCode, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import { defineRule } from '../../analysis/rule';

/** Plain syntax errors (unknown instruction, bad flags, malformed ENV...) from dockerfile-utils, the validator built on our parser. */
export const dockerfileSyntax = defineRule({
  id: 'dockerfile-syntax',
  kind: 'dockerfile',
  title: 'Dockerfile syntax error',
  severity: 'error',
  aliases: [],
  messages: { invalid: '{message}' },
  fixable: false,
  check(doc, report) {
    for (const diagnostic of validate(doc.text, VALIDATOR_SETTINGS)) {
      if (typeof diagnostic.code === 'number' && COVERED_BY_OUR_RULES.has(diagnostic.code)) continue;
      report({ range: diagnostic.range, messageId: 'invalid', data: { message: sentence(String(diagnostic.message)) } });
    }
  },
});

/** Checks that have a rule of ours with fixes and aliases are turned off in the validator. */
const VALIDATOR_SETTINGS: ValidatorSettings = {
  deprecatedMaintainer: ValidationSeverity.IGNORE,
  instructionCasing: ValidationSeverity.IGNORE,
  instructionCmdMultiple: ValidationSeverity.IGNORE,
  instructionEntrypointMultiple: ValidationSeverity.IGNORE,
  instructionHealthcheckMultiple: ValidationSeverity.IGNORE,
  instructionWorkdirRelative: ValidationSeverity.IGNORE,
  directiveCasing: ValidationSeverity.WARNING,
  emptyContinuationLine: ValidationSeverity.WARNING,
  instructionJSONInSingleQuotes: ValidationSeverity.WARNING,
};

const COVERED_BY_OUR_RULES = new Set<number>([ValidationCode.DUPLICATE_BUILD_STAGE_NAME, ValidationCode.EMPTY_CONTINUATION_LINE, ValidationCode.INVALID_DESTINATION, ValidationCode.INVALID_PORT]);

function sentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
