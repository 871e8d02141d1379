import type { Argument } from 'dockerfile-ast';
import { validate, ValidationCode, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import type { DockerfileDoc } from '../../analysis/dockerfile-doc';
import { defineRule } from '../../analysis/rule';
import { withParsedDocument } from '../../analysis/ast-cache';

/** Plain syntax errors (unknown instruction, bad flags, malformed ENV...) from dockerfile-utils, the validator built on our parser. */
export const dockerfileSyntax = defineRule({
  id: 'dockerfile-syntax',
  kind: 'dockerfile',
  title: 'Dockerfile syntax error',
  severity: 'error',
  aliases: [],
  messages: { invalid: '{message}' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    const badStageNames = invalidStageNames(doc);
    for (const name of badStageNames) report({ range: name.getRange(), messageId: 'invalid', data: { message: invalidStageNameMessage(name.getValue()) } });
    const text = badStageNames.length === 0 ? doc.text : withSafeStageNames(doc.text, doc, badStageNames);
    for (const diagnostic of runValidator(doc, text)) {
      if (typeof diagnostic.code === 'number' && COVERED_BY_OUR_RULES.has(diagnostic.code)) continue;
      if (MISREAD_QUOTES.has(diagnostic.code as number) && closedDoubleQuote(doc, diagnostic.range)) continue;
      report({ range: diagnostic.range, messageId: 'invalid', data: { message: sentence(String(diagnostic.message)) } });
    }
  },
});

/**
 * dockerfile-utils checks a stage name with /^[a-z]([a-z0-9_\-.]*)*$/, which backtracks
 * exponentially when a long name ends in a bad character: `FROM node AS builder-stage-for-production:`
 * kept it (and the editor) busy for minutes. Bad names are found here with the same rule in linear
 * time, reported with the validator's message, and replaced by `a`s (same length, same positions)
 * in the text the validator gets.
 */
const STAGE_NAME = /^[a-z][a-z0-9_\-.]*$/;

function invalidStageNames(doc: DockerfileDoc): Argument[] {
  return doc.instructionsOf('FROM').map((from) => from.getArguments()[2]).filter((name): name is Argument => !!name && !STAGE_NAME.test(name.getValue().toLowerCase()));
}

function invalidStageNameMessage(name: string): string {
  return `invalid name for build stage: "${name.toLowerCase()}", name can't start with a number or contain symbols.`;
}

function withSafeStageNames(text: string, doc: DockerfileDoc, names: readonly Argument[]): string {
  let safe = text;
  for (const name of names) {
    const start = doc.lines.offsetAt(name.getRange().start);
    const end = doc.lines.offsetAt(name.getRange().end);
    safe = safe.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, 'a') + safe.slice(end);
  }
  return safe;
}

type ValidatorDiagnostic = ReturnType<typeof validate>[number];

function runValidator(doc: DockerfileDoc, text: string): ValidatorDiagnostic[] {
  try {
    // The validator would parse the text again; it gets the document's parse instead when it can.
    return text === doc.text && doc.tree ? withParsedDocument(doc.text, doc.tree, () => validate(text, VALIDATOR_SETTINGS)) : validate(text, VALIDATOR_SETTINGS);
  } catch {
    return validateDedented(doc, text);
  }
}

/**
 * dockerfile-utils 0.16 overflows its stack on an indented instruction that uses a variable before
 * the first FROM (` ENV A=$B`). Leading blanks there mean nothing to the builder: the validator gets
 * the text without them, and its positions on those lines are moved back. Nothing, if it fails again.
 */
function validateDedented(doc: DockerfileDoc, text: string): ValidatorDiagnostic[] {
  const firstFrom = doc.instructionsOf('FROM')[0]?.getRange().start.line ?? doc.lines.lineCount;
  const removed = new Map<number, number>();
  const lines = text.split(/(?<=\r\n|\r(?!\n)|\n)/);
  const dedented = lines.map((line, index) => {
    // Blank lines hold no instruction; emptying one could join a lone \r before it with its \n.
    if (index >= firstFrom || !/\S/.test(line)) return line;
    const rest = line.replace(/^[ \t]+/, '');
    if (rest.length !== line.length) removed.set(index, line.length - rest.length);
    return rest;
  }).join('');
  try {
    const shift = (position: ValidatorDiagnostic['range']['start']): ValidatorDiagnostic['range']['start'] =>
      ({ line: position.line, character: position.character + (removed.get(position.line) ?? 0) });
    return validate(dedented, VALIDATOR_SETTINGS).map((diagnostic) => ({ ...diagnostic, range: { start: shift(diagnostic.range.start), end: shift(diagnostic.range.end) } }));
  } catch {
    return [];
  }
}

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

/**
 * dockerfile-utils 0.16 reports a missing quote on a double-quoted value that opens with a quote,
 * `LABEL a="\\"quoted\\" name"` or `LABEL a="'single' name"`, which the builder reads fine (found by
 * test/robustness). The value's own text decides: it opens with a double quote and its first
 * unescaped double quote after that is its last character.
 */
const MISREAD_QUOTES = new Set<number>([ValidationCode.SYNTAX_MISSING_DOUBLE_QUOTE, ValidationCode.SYNTAX_MISSING_SINGLE_QUOTE]);

function closedDoubleQuote(doc: DockerfileDoc, range: ValidatorDiagnostic['range']): boolean {
  const value = doc.text.slice(doc.lines.offsetAt(range.start), doc.lines.offsetAt(range.end));
  const escape = doc.ast.getEscapeCharacter();
  if (value[0] !== '"') return false;
  for (let i = 1; i < value.length; i++) {
    if (value[i] === escape) i++;
    else if (value[i] === '"') return i === value.length - 1;
  }
  return false;
}

function sentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
