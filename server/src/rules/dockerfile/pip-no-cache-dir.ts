import type { Env, Instruction } from 'dockerfile-ast';
import type { DockerfileDoc, Stage } from '../../analysis/dockerfile-doc';
import { cacheMountTargets, callRange, findInvocations, hasOption, insertArgumentAfter, isPipTool, PIP_SYNTAX, runPlacement, type ToolInvocation } from '../../analysis/package-commands';
import { defineRule } from '../../analysis/rule';

/** Values hadolint (DL3042) reads as "on"; pip itself also disables the cache for "0"/"false", but those read as "off". */
const TRUTHY = /^(1|true|on|yes)$/i;

/** pip keeps every downloaded wheel in ~/.cache/pip; in an image that cache is dead weight in the layer. */
export const pipNoCacheDir = defineRule({
  id: 'pip-no-cache-dir',
  kind: 'dockerfile',
  title: 'pip install without --no-cache-dir',
  severity: 'warning',
  aliases: ['DL3042'],
  messages: { cacheDir: '"pip install" keeps its download cache in the image layer; add --no-cache-dir (or set ENV PIP_NO_CACHE_DIR=1).' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      if (cacheMountTargets(run).some((target) => /\/\.cache(\/pip)?$/.test(target) || target.includes('/.cache/pip/'))) continue;
      const calls = findInvocations(doc, run, isPipTool, PIP_SYNTAX).filter((call) => call.subcommand?.value === 'install');
      if (calls.length === 0 || envDisablesCache(doc, run)) continue;
      for (const call of calls) {
        if (hasOption(call, 'no-cache-dir') || assignsNoCacheDir(doc, run, call)) continue;
        report({
          range: callRange(call),
          messageId: 'cacheDir',
          fixes: [{ title: 'Add --no-cache-dir', edits: [insertArgumentAfter(doc.shell(run), call.subcommand ?? call.program, '--no-cache-dir')], safe: true, preferred: true }],
        });
      }
    }
  },
});

/** `PIP_NO_CACHE_DIR=1 pip install`, `env PIP_NO_CACHE_DIR=1 pip install`, or an earlier `export PIP_NO_CACHE_DIR=1`. */
function assignsNoCacheDir(doc: DockerfileDoc, run: Instruction, call: ToolInvocation): boolean {
  const exported = doc.shell(run).commands.slice(0, call.index)
    .filter((command) => command.words[command.nameIndex]?.value === 'export')
    .flatMap((command) => command.words.slice(command.nameIndex + 1));
  return [...call.assignments, ...exported].some((word) => turnsCacheOff(word.value.split('=')[0], word.value.slice(word.value.indexOf('=') + 1)));
}

/** `ENV PIP_NO_CACHE_DIR=1` earlier in the stage, or in a stage it is built FROM. ONBUILD triggers see the whole stage. */
function envDisablesCache(doc: DockerfileDoc, run: Instruction): boolean {
  const { stage, onbuild } = runPlacement(doc, run);
  const line = run.getRange().start.line;
  const before = (instruction: Instruction): boolean => onbuild || instruction.getRange().start.line < line;
  return stage ? cacheDisabledIn(doc, stage, before) : lastSetting(doc.instructions.filter(before), false);
}

function cacheDisabledIn(doc: DockerfileDoc, stage: Stage, include: (instruction: Instruction) => boolean): boolean {
  const parentName = stage.from.getImageName()?.toLowerCase();
  const parent = doc.stages.find((candidate) => candidate.index < stage.index && candidate.name === parentName);
  return lastSetting(stage.instructions.filter(include), parent ? cacheDisabledIn(doc, parent, () => true) : false);
}

function lastSetting(instructions: Instruction[], inherited: boolean): boolean {
  let disabled = inherited;
  for (const instruction of instructions) {
    if (instruction.getKeyword() !== 'ENV') continue;
    for (const property of (instruction as Env).getProperties()) {
      if (property.getName() === 'PIP_NO_CACHE_DIR') disabled = turnsCacheOff(property.getName(), property.getUnescapedValue() ?? '');
    }
  }
  return disabled;
}

function turnsCacheOff(name: string, value: string): boolean {
  return name === 'PIP_NO_CACHE_DIR' && TRUTHY.test(value.replace(/^["']|["']$/g, ''));
}
