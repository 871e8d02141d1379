import { expandWord, globalArgs, isValidImageReference, PLATFORM_ARGS } from '../../analysis/build-variables';
import { defineRule } from '../../analysis/rule';

/** A FROM built from ARGs must name a valid image with the ARG defaults too, or a build without --build-arg fails. */
export const invalidDefaultArgInFrom = defineRule({
  id: 'invalid-default-arg-in-from',
  kind: 'dockerfile',
  title: 'FROM is not a valid image with the ARG defaults',
  severity: 'warning',
  aliases: ['InvalidDefaultArgInFrom'],
  messages: { invalid: 'With the ARG defaults this base image becomes "{expanded}", which is not a valid image reference; give the ARG a default that completes the image name.' },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    const escape = doc.ast.getEscapeCharacter();
    const env = new Map(PLATFORM_ARGS);
    for (const arg of globalArgs(doc)) {
      const value = arg.rawDefault === null ? null : expandWord(arg.rawDefault, env, escape);
      if (value !== null) env.set(arg.name, value);
    }
    for (const stage of doc.stages) {
      const range = stage.from.getImageRange();
      const image = range ? doc.textOf(range) : '';
      if (!range || !image.includes('$')) continue;
      const expanded = expandWord(image, env, escape);
      if (expanded !== null && !isValidImageReference(expanded)) report({ range, messageId: 'invalid', data: { expanded } });
    }
  },
});
