import type { ComposeService } from './compose-doc';
import type { ComposeNode } from './compose-node';
import { parseImageReference, type ImageReference, type Span } from './images';
import { maskInterpolation } from './interpolation';

/** What a service's `image:` says about its version, when that is known before Compose runs. */
export interface ServiceImage {
  /** The `image:` value node (report at `node.range`, or at `node.subRange(...tagSpan)`). */
  node: ComposeNode;
  /** The reference as written; fields may hold `${...}` text. */
  ref: ImageReference;
  /** `untagged`: no tag and no digest (Compose pulls `latest`); `latest`; `pinned`: another tag or a digest. */
  pinning: 'untagged' | 'latest' | 'pinned';
  /** Offsets of the tag in the value, when written. */
  tagSpan: Span | null;
}

const MASK = '\u0000';

/**
 * The image a service pulls, when its version is judgeable: undefined when the service has no
 * `image:`, builds its image (`build:` names the result, the base image lives in the Dockerfile),
 * takes its image from another file of the project, or hides the tag in a variable
 * (`app:${TAG}`, `${IMAGE}`); `${REGISTRY}/app:latest` is still judged.
 */
export function serviceImage(service: ComposeService): ServiceImage | undefined {
  const node = service.get('image');
  const text = node?.text;
  if (!node || text === undefined || node.kind !== 'scalar') return undefined;
  if (service.effective.build !== undefined || service.effective.image !== node.value) return undefined;
  const masked = maskInterpolation(text, MASK);
  const maskedRef = parseImageReference(masked);
  if (!maskedRef) return undefined;
  const ref = parseImageReference(text) ?? maskedRef;
  const { tag, digest, path } = maskedRef.spans;
  const hidden = (span: Span | null): boolean => !!span && masked.slice(span[0], span[1]).includes(MASK);
  if (hidden(digest) || hidden(tag)) return undefined;
  if (digest) return { node, ref, pinning: 'pinned', tagSpan: tag };
  if (tag) return { node, ref, pinning: masked.slice(tag[0], tag[1]) === 'latest' ? 'latest' : 'pinned', tagSpan: tag };
  const lastComponent = masked.slice(path[0], path[1]).split('/').pop() ?? '';
  return lastComponent.includes(MASK) ? undefined : { node, ref, pinning: 'untagged', tagSpan: null };
}
