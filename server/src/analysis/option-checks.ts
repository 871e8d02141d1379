import type { Instruction } from 'dockerfile-ast';
import type { DockerfileDoc } from './dockerfile-doc';
import { findInvocations, type ParsedOption, type ToolInvocation, type ToolSyntax } from './package-commands';
import type { ShellWord } from './shell';
import type { Range } from './types';

/** An option of some tools that matters by itself, or only with a matching value (`-c http.sslVerify=false`). */
export interface OptionCheck {
  tool: RegExp;
  names: readonly string[];
  value?: RegExp;
  syntax?: ToolSyntax;
}

/** `tool <path...> key value` (or `key=value`): a command that writes a setting, such as `npm config set strict-ssl false`. */
export interface SettingCheck {
  tool: RegExp;
  /** The words before the key, joined by one space (`config set`). */
  path: RegExp;
  key: RegExp;
  value: RegExp;
}

export interface OptionHit {
  invocation: ToolInvocation;
  /** The option word and its value word, as the user wrote them (`-c http.sslVerify=false`). */
  text: string;
  words: ShellWord[];
  range: Range;
}

/** Options of a RUN that match one of the checks. */
export function findOptions(doc: DockerfileDoc, run: Instruction, checks: readonly OptionCheck[]): OptionHit[] {
  const hits: OptionHit[] = [];
  for (const check of checks) {
    for (const invocation of findInvocations(doc, run, (tool) => check.tool.test(tool), check.syntax)) {
      for (const option of invocation.options.filter((candidate) => matches(candidate, check))) {
        const words = option.valueWord ? [option.word, option.valueWord] : [option.word];
        hits.push({ invocation, text: words.map((word) => word.value).join(' '), words, range: { start: option.word.range.start, end: words[words.length - 1].range.end } });
      }
    }
  }
  return hits;
}

function matches(option: ParsedOption, check: OptionCheck): boolean {
  return option.names.some((name) => check.names.includes(name)) && (!check.value || check.value.test(option.value ?? ''));
}

/** Commands of a RUN that write a setting matching one of the checks; `text` is the key. */
export function findSettings(doc: DockerfileDoc, run: Instruction, checks: readonly SettingCheck[]): OptionHit[] {
  const hits: OptionHit[] = [];
  for (const check of checks) {
    for (const invocation of findInvocations(doc, run, (tool) => check.tool.test(tool))) {
      const words = [invocation.subcommand, ...invocation.operands].filter((word): word is ShellWord => word !== undefined);
      const at = words.findIndex((_, i) => i > 0 && check.path.test(words.slice(0, i).map((word) => word.value).join(' ')));
      const key = words[at];
      if (!key) continue;
      const [name, inline] = key.value.split(/=(.*)/s);
      const valueWord = inline === undefined ? words[at + 1] : undefined;
      const value = inline ?? valueWord?.value;
      if (!check.key.test(name) || value === undefined || !check.value.test(value)) continue;
      const last = valueWord ?? key;
      hits.push({ invocation, text: name, words: valueWord ? [key, valueWord] : [key], range: { start: key.range.start, end: last.range.end } });
    }
  }
  return hits;
}
