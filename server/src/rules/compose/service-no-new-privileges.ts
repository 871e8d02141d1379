import { appendItem, insertKey, replaceInScalar } from '../../analysis/compose-edits';
import { serviceSettings } from '../../analysis/compose-hardening';
import { isInterpolated } from '../../analysis/interpolation';
import { defineRule } from '../../analysis/rule';
import type { TextEdit } from '../../analysis/types';

const OPTION = 'no-new-privileges:true';

/** `no-new-privileges` keeps setuid binaries and file capabilities from raising a process's privileges. */
export const serviceNoNewPrivileges = defineRule({
  id: 'service-no-new-privileges',
  kind: 'compose',
  title: 'Service may gain new privileges (no-new-privileges not set)',
  severity: 'info',
  aliases: [],
  messages: {
    missing: 'Service "{service}" does not set "no-new-privileges", so setuid binaries can raise its privileges; add "no-new-privileges:true" to "security_opt".',
    disabled: 'Service "{service}" turns "no-new-privileges" off, so setuid binaries can raise its privileges; set it to true.',
  },
  fixable: true,
  check(doc, report) {
    for (const { service, settings, reportsMissing } of serviceSettings(doc)) {
      const options = Array.isArray(settings.security_opt) ? settings.security_opt : [];
      // `${SECURITY_OPT}` may hold the option: never judge what only Compose will know.
      if (options.some((option) => isInterpolated(option) || setting(option) === true)) continue;
      const local = service.get('security_opt');
      const disabled = local?.items().find((item) => setting(item.value) === false);
      if (disabled) {
        const text = disabled.text ?? '';
        const value = /[:=]\s*(.*)$/.exec(text);
        const edit = value && replaceInScalar(disabled, text.length - value[1].length, text.length, 'true');
        report({ range: disabled.range, messageId: 'disabled', data: { service: service.name }, fixes: edit ? [{ title: 'Set no-new-privileges:true', edits: [edit], safe: false, preferred: true }] : [] });
        continue;
      }
      if (!reportsMissing) continue;
      const edits: TextEdit[] | undefined = local ? appendItem(local, OPTION) : insertKey(service.node, 'security_opt', [OPTION]);
      report({
        range: local ? local.keyRange : service.keyRange,
        messageId: 'missing',
        data: { service: service.name },
        fixes: edits ? [{ title: `Add ${OPTION} to security_opt`, edits, safe: false, preferred: true }] : [],
      });
    }
  },
});

/** `no-new-privileges`, `no-new-privileges:true` / `=true` -> true; `...:false` -> false; other options -> undefined. */
function setting(option: unknown): boolean | undefined {
  const match = typeof option === 'string' ? /^\s*no-new-privileges\s*(?:[:=]\s*(\S*))?\s*$/i.exec(option) : null;
  if (!match) return undefined;
  return match[1] === undefined || match[1].toLowerCase() === 'true';
}
