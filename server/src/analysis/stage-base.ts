import type { Arg, From } from 'dockerfile-ast';
import type { DockerfileDoc, Stage } from './dockerfile-doc';
import { parseImageReference, type ImageReference } from './images';

/** Which image a build stage starts from: a previous stage (followed to its root) or an external image. */
export interface StageBase {
  /** The stage and the stages it builds on, nearest first; the last one names an external image. */
  chain: Stage[];
  /** The root's image with global ARG defaults expanded, or null when a variable has no default. */
  imageText: string | null;
  /** The parsed root image, or null when unknown. */
  image: ImageReference | null;
}

/** Defaults of the ARGs declared before the first FROM, the only ones a FROM line can use (null: no default). */
export function globalArgDefaults(doc: DockerfileDoc): Map<string, string | null> {
  const defaults = new Map<string, string | null>();
  for (const instruction of doc.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') break;
    if (keyword !== 'ARG') continue;
    for (const property of (instruction as Arg).getProperties()) {
      const value = property.getValue();
      defaults.set(property.getName(), value?.includes('$') ? expandVariables(value, defaults) : value);
    }
  }
  return defaults;
}

/**
 * Expands `$NAME`, `${NAME}` and `${NAME:-word}` / `${NAME-word}` with the given values; null when a
 * variable has no value (the build would need `--build-arg`) or uses another modifier.
 */
export function expandVariables(text: string, values: ReadonlyMap<string, string | null>): string | null {
  let unresolved = false;
  const expanded = text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*)|(\{[^}]*\}))/g,
    (_whole, braced?: string, operator?: string, word?: string, bare?: string, other?: string) => {
      if (other !== undefined) { unresolved = true; return ''; }
      const value = values.get((braced ?? bare) as string);
      if (operator === ':-' && !value) return word ?? '';
      if (operator === '-' && value == null) return word ?? '';
      if (value == null) unresolved = true;
      return value ?? '';
    });
  return unresolved ? null : expanded;
}

/** The image a FROM names, with global ARG defaults expanded (null when unresolvable). */
export function fromImageText(doc: DockerfileDoc, from: From, defaults = globalArgDefaults(doc)): string | null {
  const image = from.getImage();
  if (!image) return null;
  return image.includes('$') ? expandVariables(image, defaults) : image;
}

/** The previous stage a stage's FROM refers to by name, if any. */
export function parentStage(doc: DockerfileDoc, stage: Stage, defaults = globalArgDefaults(doc)): Stage | undefined {
  const image = fromImageText(doc, stage.from, defaults)?.toLowerCase();
  if (!image) return undefined;
  // The latest earlier stage of that name, walked back without copying the stages (asked per stage, per RUN).
  for (let index = stage.index - 1; index >= 0; index--) if (doc.stages[index].name === image) return doc.stages[index];
  return undefined;
}

/** Follows a stage through the previous stages it is built FROM to the external image at the root. */
export function stageBase(doc: DockerfileDoc, stage: Stage): StageBase {
  const defaults = globalArgDefaults(doc);
  const chain = [stage];
  for (let parent = parentStage(doc, stage, defaults); parent; parent = parentStage(doc, parent, defaults)) chain.push(parent);
  const root = chain[chain.length - 1];
  const imageText = fromImageText(doc, root.from, defaults);
  return { chain, imageText, image: imageText ? parseImageReference(imageText) : null };
}
