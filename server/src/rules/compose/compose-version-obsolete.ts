import { deleteEntry } from '../../analysis/compose-edits';
import { defineRule } from '../../analysis/rule';

/** Compose ignores the top-level `version:` and warns about it; it only misleads readers about features. */
export const composeVersionObsolete = defineRule({
  id: 'compose-version-obsolete',
  kind: 'compose',
  title: 'Top-level "version" is obsolete',
  severity: 'warning',
  aliases: ['no-version-field'],
  messages: { obsolete: 'The top-level "version" is obsolete: Compose ignores it and warns; remove it.' },
  fixable: true,
  check(doc, report) {
    const version = doc.topLevel('version');
    if (!version) return;
    const edits = deleteEntry(version);
    report({
      range: version.keyRange,
      messageId: 'obsolete',
      fixes: edits ? [{ title: 'Remove the "version" line', edits, safe: true, preferred: true }] : [],
    });
  },
});
