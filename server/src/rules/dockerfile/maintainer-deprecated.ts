import { defineRule } from '../../analysis/rule';
import type { Fix } from '../../analysis/types';
import { replace } from '../../analysis/text';
import { logicalArguments, logicalRange } from '../../analysis/instruction-text';

/** MAINTAINER is deprecated: it fills a legacy image field that tools no longer read; the OCI authors label replaces it. */
export const maintainerDeprecated = defineRule({
  id: 'maintainer-deprecated',
  kind: 'dockerfile',
  title: 'MAINTAINER is deprecated',
  severity: 'warning',
  aliases: ['DL4000', 'MaintainerDeprecated', 'DS-0022'],
  messages: { deprecated: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors="..." instead.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    const escape = doc.ast.getEscapeCharacter();
    for (const maintainer of doc.instructionsOf('MAINTAINER')) {
      const keywordRange = maintainer.getInstructionRange();
      const args = logicalArguments(doc, maintainer);
      const fixes: Fix[] = [];
      if (args.text && !args.endIsAmbiguous) {
        const keyword = maintainer.getInstruction() === maintainer.getInstruction().toLowerCase() ? 'label' : 'LABEL';
        const value = [...args.text].map((ch) => (ch === '"' || ch === '$' || ch === escape ? escape + ch : ch)).join('');
        fixes.push({
          title: 'Replace with LABEL org.opencontainers.image.authors',
          edits: [replace(keywordRange, keyword), replace(logicalRange(doc, args, 0, args.text.length), `org.opencontainers.image.authors="${value}"`)],
          safe: true,
          preferred: true,
        });
      }
      report({ range: keywordRange, messageId: 'deprecated', fixes });
    }
  },
});
