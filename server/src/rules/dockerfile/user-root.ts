import { defineRule } from '../../analysis/rule';
import { dropsPrivilegesInEntrypoint, familiarName } from '../../analysis/images';
import { stageBase } from '../../analysis/stage-base';
import { chooseNonRootUser, effectiveUser, insertUserEdits, isRootUser, replaceUserEdits, runFollows } from '../../analysis/stage-user';

/** A container running as root turns any escape or file-write bug into root on the host's mounts. */
export const userRoot = defineRule({
  id: 'user-root',
  kind: 'dockerfile',
  title: 'Image runs as root',
  severity: 'warning',
  aliases: ['DL3002', 'DS-0002', 'CKV_DOCKER_8'],
  messages: {
    root: 'The last USER of the final image is "{user}", so containers run as root; switch to a non-root user after the steps that need root.',
    rootDropsPrivileges: 'The last USER is "{user}"; the "{image}" entrypoint steps down to its own service user, so remove this USER unless you replace the entrypoint.',
  },
  fixable: true,
  check(doc, report) {
    const final = doc.finalStage;
    if (!final) return;
    const base = stageBase(doc, final);
    const last = effectiveUser(base);
    const arg = last?.instruction.getArguments()[0];
    if (!last || !arg || !isRootUser(last.user)) return;
    if (base.image && dropsPrivilegesInEntrypoint(base.image)) {
      report({ range: arg.getRange(), messageId: 'rootDropsPrivileges', severity: 'info', data: { user: last.user, image: familiarName(base.image) } });
      return;
    }
    const choice = chooseNonRootUser(doc, base, last.instruction);
    const inPlace = final.instructions.includes(last.instruction) && !runFollows(final, last.instruction);
    const edits = inPlace ? replaceUserEdits(doc, last.instruction, choice) : insertUserEdits(doc, final, choice);
    report({ range: arg.getRange(), messageId: 'root', data: { user: last.user }, fixes: edits ? [{ title: choice.title, edits, safe: false, preferred: true }] : [] });
  },
});
