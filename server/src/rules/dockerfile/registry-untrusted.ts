import type { Copy, Flag, Instruction } from 'dockerfile-ast';
import { defineRule } from '../../analysis/rule';
import { isScratch, parseImageReference, registryMatches } from '../../analysis/images';
import { expandVariables, globalArgDefaults } from '../../analysis/stage-base';
import type { Range } from '../../analysis/types';

/** Images from registries the team has not vetted bypass its supply-chain controls (FROM, COPY --from, RUN --mount from=). */
export const registryUntrusted = defineRule({
  id: 'registry-untrusted',
  kind: 'dockerfile',
  title: 'Image comes from a registry that is not trusted',
  severity: 'error',
  aliases: ['DL3026'],
  messages: { untrusted: 'Image "{image}" comes from {registry}, which is not in the trusted registries ({trusted}); use an image from a trusted registry or add {registry} to the setting.' },
  fixable: false,
  check(doc, report, { settings }) {
    const trusted = settings.trustedRegistries;
    if (trusted.length === 0) return;
    const defaults = globalArgDefaults(doc);
    const allStageNames = new Set(doc.stages.map((stage) => stage.name).filter((name): name is string => name !== null));
    const checkImage = (written: string, range: Range, stageNames: Set<string>, wholeRange: boolean): void => {
      const image = written.includes('$') ? expandVariables(written, defaults) : written;
      if (!image || stageNames.has(image.toLowerCase()) || /^\d+$/.test(image)) return;
      const ref = parseImageReference(image);
      if (!ref || isScratch(ref) || trusted.some((entry) => registryMatches(ref.domain, entry))) return;
      const at = wholeRange || image !== written || !ref.spans.registry ? range : offsetRange(range, ref.spans.registry[1]);
      report({ range: at, messageId: 'untrusted', data: { image, registry: ref.domain, trusted: trusted.join(', ') } });
    };
    for (const stage of doc.stages) {
      const image = stage.from.getImage();
      const range = stage.from.getRegistryRange() ?? stage.from.getImageNameRange();
      if (image && range) checkImage(image, range, doc.stageNamesBefore(stage.index), true);
    }
    for (const instruction of doc.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'COPY' || keyword === 'ADD') {
        const flag = (instruction as Copy).getFlags().find((candidate) => candidate.getName() === 'from');
        const range = flag?.getValueRange();
        if (flag && range) checkImage(unquote(flag.getValue() ?? ''), range, allStageNames, false);
      } else if (keyword === 'RUN') {
        for (const option of mountOptions(instruction)) checkImage(option.value, option.range, allStageNames, false);
      }
    }
  },
});

/** `from=` images of `RUN --mount=...` flags. */
function mountOptions(run: Instruction): { value: string; range: Range }[] {
  const flags = 'getFlags' in run ? (run as unknown as { getFlags(): Flag[] }).getFlags() : [];
  return flags.filter((flag) => flag.getName() === 'mount').flatMap((flag) => flag.getOptions())
    .filter((option) => option.getName() === 'from' && option.getValue() && option.getValueRange())
    .map((option) => ({ value: option.getValue() as string, range: option.getValueRange() as Range }));
}

/** The registry part of a range whose text starts with the image (same line). */
function offsetRange(range: Range, length: number): Range {
  return { start: range.start, end: { line: range.start.line, character: range.start.character + length } };
}

function unquote(value: string): string {
  return value.replace(/^(["'])(.*)\1$/, '$2');
}
