import { appendItem, insertEntries, type EditValue } from '../../analysis/compose-edits';
import { serviceSettings } from '../../analysis/compose-hardening';
import { dropsPrivilegesInEntrypoint } from '../../analysis/images';
import { isInterpolated } from '../../analysis/interpolation';
import { defineRule } from '../../analysis/rule';
import type { TextEdit } from '../../analysis/types';

/** What an entrypoint that starts as root needs to hand its data directory to its user and switch to it (gosu, su-exec). */
const STEP_DOWN_CAPABILITIES = ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'SETGID', 'SETUID'];

/** Docker's default capabilities (CHOWN, SETUID, NET_RAW...) are more than most services use. */
export const serviceCapDropMissing = defineRule({
  id: 'service-cap-drop-missing',
  kind: 'compose',
  title: 'Service keeps the default capabilities (no cap_drop: [ALL])',
  severity: 'info',
  aliases: [],
  messages: {
    missing: 'Service "{service}" keeps Docker\'s default capabilities; add "cap_drop: [ALL]" and "cap_add" back only what it needs.',
  },
  fixable: true,
  check(doc, report) {
    for (const { service, settings, image, reportsMissing } of serviceSettings(doc)) {
      const dropped = Array.isArray(settings.cap_drop) ? settings.cap_drop : [];
      if (!reportsMissing || dropped.some((cap) => isInterpolated(cap) || (typeof cap === 'string' && /^(CAP_)?ALL$/i.test(cap.trim())))) continue;
      // Database images step down from root in their entrypoint: keep what that needs, or they stop starting.
      // Only strings name capabilities: a map or list item (broken YAML, e.g. a key indented under the list) names none.
      const added = new Set((Array.isArray(settings.cap_add) ? settings.cap_add : []).filter((cap) => typeof cap === 'string').map((cap) => cap.toUpperCase().replace(/^CAP_/, '')));
      const keep = image && dropsPrivilegesInEntrypoint(image) && settings.user === undefined ? STEP_DOWN_CAPABILITIES.filter((cap) => !added.has(cap)) : [];
      const dropList = service.get('cap_drop');
      const addList = service.get('cap_add');
      const entries: Record<string, EditValue> = {};
      if (!dropList) entries.cap_drop = ['ALL'];
      if (keep.length > 0 && !addList) entries.cap_add = keep;
      // Each append to a list written as one scalar (`cap_add: NET_ADMIN`) rewrites that scalar: several would overlap.
      const addListTakesItems = !addList || addList.isSeq || keep.length <= 1;
      const parts = [
        dropList ? appendItem(dropList, 'ALL') : [],
        ...(addList ? keep.map((cap) => appendItem(addList, cap)) : []),
        addListTakesItems ? [] : undefined,
        Object.keys(entries).length > 0 ? insertEntries(service.node, entries) : [],
      ];
      // Several inserts at one offset keep their order, so the parts compose.
      const edits: TextEdit[] | undefined = parts.every((part) => part !== undefined) ? parts.flatMap((part) => part ?? []) : undefined;
      const title = `Add cap_drop: [ALL]${keep.length > 0 ? ` and cap_add: [${keep.join(', ')}]` : ''}`;
      report({
        range: dropList ? dropList.keyRange : service.keyRange,
        messageId: 'missing',
        data: { service: service.name },
        fixes: edits ? [{ title, edits, safe: false, preferred: true }] : [],
      });
    }
  },
});
