import { pinnableFromImage } from '../../analysis/pinning';
import { defineRule } from '../../analysis/rule';
import { isScratch, parseImageReference } from '../../analysis/images';
import { fromImageText, globalArgDefaults } from '../../analysis/stage-base';

/** An untagged FROM pulls whatever `latest` is today: builds stop being reproducible. */
export const imageUntagged = defineRule({
  id: 'image-untagged',
  kind: 'dockerfile',
  title: 'Base image has no tag or digest',
  severity: 'warning',
  aliases: ['DL3006', 'CKV_DOCKER_7'],
  messages: {
    untagged: 'Image "{image}" has no tag, so it means "latest" and changes over time; pin a version tag or a digest.',
    untaggedDefault: 'Image "{image}" (from the build-argument defaults) has no tag, so it means "latest"; pin a version tag or a digest in the ARG default.',
  },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    const defaults = globalArgDefaults(doc);
    for (const stage of doc.stages) {
      const written = stage.from.getImage();
      const range = stage.from.getImageRange();
      const image = fromImageText(doc, stage.from, defaults);
      if (!written || !range || !image) continue;
      if (doc.stageNamesBefore(stage.index).has(image.toLowerCase())) continue;
      const ref = parseImageReference(image);
      if (!ref || isScratch(ref) || ref.tag || ref.digest) continue;
      // Only a literal image is pinned in place; an ARG default would have to be edited where it is declared.
      const pin = written === image ? pinnableFromImage(doc, stage.from) : undefined;
      report({ range, messageId: written === image ? 'untagged' : 'untaggedDefault', data: { image }, pin });
    }
  },
});
