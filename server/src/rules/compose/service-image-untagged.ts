import { serviceImage } from '../../analysis/compose-image';
import { pinnableServiceImage } from '../../analysis/pinning';
import { defineRule } from '../../analysis/rule';

/** An image without a tag is `latest`: a different image on every pull, upgrades unannounced. */
export const serviceImageUntagged = defineRule({
  id: 'service-image-untagged',
  kind: 'compose',
  title: 'Service image has no tag',
  severity: 'warning',
  aliases: ['service-image-require-explicit-tag'],
  messages: { untagged: 'Image "{image}" of service "{service}" has no tag, so Compose pulls "latest", which changes over time; pin a version tag or a digest.' },
  fixable: false,
  check(doc, report) {
    for (const service of doc.services) {
      const image = serviceImage(service);
      if (image?.pinning === 'untagged') report({ range: image.node.range, messageId: 'untagged', data: { image: image.ref.text, service: service.name }, pin: pinnableServiceImage(image) });
    }
  },
});
