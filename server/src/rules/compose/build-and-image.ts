import { defineRule } from '../../analysis/rule';

/** With both `build` and `image`, whether Compose pulls or builds depends on the registry; say which with pull_policy. */
export const buildAndImage = defineRule({
  id: 'build-and-image',
  kind: 'compose',
  title: 'Service sets both build and image',
  severity: 'info',
  aliases: ['no-build-and-image'],
  messages: { both: 'Service "{service}" sets both "build" and "image", so Compose pulls "{image}" when a registry has it and builds only otherwise; remove one, or set pull_policy (e.g. "build") to say which wins.' },
  fixable: false,
  check(doc, report) {
    for (const service of doc.services) {
      const build = service.get('build');
      const image = service.get('image');
      if (!build || !image || service.effective.pull_policy !== undefined) continue;
      report({ range: build.keyRange, messageId: 'both', data: { service: service.name, image: image.text ?? '' } });
    }
  },
});
