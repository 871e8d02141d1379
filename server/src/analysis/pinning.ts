import type { From } from 'dockerfile-ast';
import type { ServiceImage } from './compose-image';
import type { DockerfileDoc } from './dockerfile-doc';
import { isScratch, parseImageReference } from './images';
import type { PinnableImage } from './types';

/**
 * The pin marker for a FROM image, when one can be rewritten in place: written literally (no
 * `$VARIABLE`, whose value lives in an ARG default elsewhere), on one line, and not yet a digest.
 */
export function pinnableFromImage(doc: DockerfileDoc, from: From): PinnableImage | undefined {
  const range = from.getImageRange();
  const image = from.getImage();
  if (!range || !image || range.start.line !== range.end.line) return undefined;
  if (doc.lines.text.slice(doc.lines.offsetAt(range.start), doc.lines.offsetAt(range.end)) !== image) return undefined;
  const ref = parseImageReference(image);
  if (!ref || ref.hasVariables || ref.digest || isScratch(ref)) return undefined;
  return { image, range };
}

/**
 * The pin marker for a Compose service's `image:` (from `serviceImage`): only when the value's text
 * maps one to one onto the document (plain, or quoted without escapes, written in place), so the
 * range is inside any quotes, and the reference has no `${...}` and no digest yet.
 */
export function pinnableServiceImage(image: ServiceImage): PinnableImage | undefined {
  const { node, ref } = image;
  if (ref.hasVariables || ref.digest || node.valueTextOffset() === undefined) return undefined;
  return { image: ref.text, range: node.subRange(0, ref.text.length) };
}

/** The reference with its tag set (`tiny:latest` → `tiny:1.10.0`), registry and path kept as written; null for an unparsable one. */
export function withTag(image: string, tag: string): string | null {
  const ref = parseImageReference(image);
  return ref ? `${image.slice(0, ref.spans.path[1])}:${tag}` : null;
}

/** `name:tag@sha256:...`: the tag stays for readers, the digest is what gets pulled. */
export function withDigest(image: string, tag: string, digest: string): string | null {
  const tagged = withTag(image, tag);
  return tagged && `${tagged}@${digest}`;
}
