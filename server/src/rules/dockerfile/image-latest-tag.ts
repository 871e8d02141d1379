import { pinnableFromImage } from '../../analysis/pinning';
import { defineRule } from '../../analysis/rule';

/** `:latest` moves under you: builds stop being reproducible and upgrades arrive unannounced. */
export const imageLatestTag = defineRule({
  id: 'image-latest-tag',
  kind: 'dockerfile',
  title: 'Base image uses the latest tag',
  severity: 'warning',
  aliases: ['DL3007', 'DS-0001'],
  messages: { latest: 'Image "{image}" uses the "latest" tag, which changes over time; pin a version tag or a digest.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    const stageNames = new Set<string>();
    for (const stage of doc.stages) {
      const from = stage.from;
      const name = from.getImageName();
      if (name && !stageNames.has(name.toLowerCase()) && from.getImageTag() === 'latest' && !from.getImageDigest()) {
        const range = from.getImageTagRange();
        if (range) report({ range, messageId: 'latest', data: { image: name }, pin: pinnableFromImage(doc, from) });
      }
      if (stage.name) stageNames.add(stage.name);
    }
  },
});
