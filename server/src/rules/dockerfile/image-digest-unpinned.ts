import { pinnableFromImage } from '../../analysis/pinning';
import { defineRule } from '../../analysis/rule';
import { isScratch, parseImageReference } from '../../analysis/images';
import { fromImageText, globalArgDefaults } from '../../analysis/stage-base';

/** A tag can be moved to other content; only a digest names exactly one image (off by default: digests need updating). */
export const imageDigestUnpinned = defineRule({
  id: 'image-digest-unpinned',
  kind: 'dockerfile',
  title: 'Base image is pinned by tag but not by digest',
  severity: 'off',
  aliases: [],
  messages: {
    unpinned: 'Image "{image}" is pinned by tag only, and tags can be moved to other content; add its digest ({image}@sha256:...).',
  },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    const defaults = globalArgDefaults(doc);
    for (const stage of doc.stages) {
      const written = stage.from.getImage();
      const image = fromImageText(doc, stage.from, defaults);
      if (!written || !image || doc.stageNamesBefore(stage.index).has(image.toLowerCase())) continue;
      const ref = parseImageReference(image);
      if (!ref || isScratch(ref) || !ref.tag || ref.digest) continue;
      const literal = written === image;
      const range = (literal ? stage.from.getImageTagRange() : null) ?? stage.from.getImageRange();
      if (range) report({ range, messageId: 'unpinned', data: { image }, pin: literal ? pinnableFromImage(doc, stage.from) : undefined });
    }
  },
});
