import type { Copy } from 'dockerfile-ast';
import { copyPaths } from '../../analysis/copy-args';
import { defineRule } from '../../analysis/rule';
import { isSecretFilePath } from '../../analysis/secrets';

/** A credential file copied into a layer stays readable in the image even if a later step deletes it. */
export const secretFileCopied = defineRule({
  id: 'secret-file-copied',
  kind: 'dockerfile',
  title: 'Credential file copied into the image',
  severity: 'error',
  aliases: ['DS-0031'],
  messages: {
    copied: '{keyword} puts "{path}" into an image layer, where anyone who pulls the image can read it; mount it at build time with RUN --mount=type=secret, or provide it at run time.',
  },
  fixable: false,
  scope: 'stage',
  check(doc, report) {
    for (const instruction of [...doc.instructionsOf('COPY'), ...doc.instructionsOf('ADD')]) {
      if ((instruction as Copy).getFlags().some((flag) => flag.getName() === 'from')) continue;
      for (const source of copyPaths(instruction).sources) {
        if (source.value.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(source.value) || !isSecretFilePath(source.value)) continue;
        report({ range: source.range, messageId: 'copied', data: { keyword: instruction.getKeyword(), path: source.value } });
      }
    }
  },
});
