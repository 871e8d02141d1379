import { serviceImage } from '../../analysis/compose-image';
import { pinnableServiceImage } from '../../analysis/pinning';
import { defineRule } from '../../analysis/rule';

/** `:latest` moves under you: `docker compose pull` brings a new major version without review. */
export const serviceImageLatest = defineRule({
  id: 'service-image-latest',
  kind: 'compose',
  title: 'Service image uses the latest tag',
  severity: 'warning',
  aliases: ['service-image-require-explicit-tag'],
  messages: { latest: 'Image "{image}" of service "{service}" uses the "latest" tag, which changes over time; pin a version tag or a digest.' },
  fixable: false,
  check(doc, report) {
    for (const service of doc.services) {
      const image = serviceImage(service);
      const tag = image?.tagSpan;
      if (image?.pinning === 'latest' && tag) report({ range: image.node.subRange(tag[0], tag[1]), messageId: 'latest', data: { image: image.ref.text, service: service.name }, pin: pinnableServiceImage(image) });
    }
  },
});
