import type { Instruction } from 'dockerfile-ast';
import type { DockerfileDoc } from './dockerfile-doc';
import { insertArgumentAfter } from './package-commands';
import type { ReportDescriptor } from './rule';
import { asksForConfirmation, declaredVariables, findRpmCalls, hasAssumeYes, hasRpmVersion, installedPackages, isPinnedWord, referencedVariables, type RpmCall, type RpmFamily } from './rpm-commands';

/** The checks yum and dnf share (their rules differ only in the tool and the hadolint code). */
type Report = (descriptor: ReportDescriptor) => void;

/** Reports installed packages without a version (messages: package, module, undeclared). */
export function reportUnpinnedRpmPackages(doc: DockerfileDoc, report: Report, family: RpmFamily): void {
  for (const run of doc.runInstructions()) {
    // Most RUNs call no such tool: they cost a look-up, not a scope for `declared` (this runs on every RUN at every edit).
    const calls = findRpmCalls(doc, run, family);
    if (calls.length > 0) reportUnpinnedCalls(doc, run, calls, report);
  }
}

function reportUnpinnedCalls(doc: DockerfileDoc, run: Instruction, calls: readonly RpmCall[], report: Report): void {
  let declared: Set<string> | undefined;
  for (const call of calls) {
    const { words, modules } = installedPackages(call);
    for (const word of words) {
      const pinned = isPinnedWord(word, () => (declared ??= declaredVariables(doc, run)), modules ? (spec) => spec.includes(':') : hasRpmVersion);
      if (pinned !== false) continue;
      const [variable] = referencedVariables(word);
      report({ range: word.range, messageId: variable ? 'undeclared' : modules ? 'module' : 'package', data: { name: word.value.replace(/\$\{([^}]*)\}/g, '$$$1'), variable } });
    }
  }
}

/** Reports calls that would stop at a confirmation prompt, with a safe fix adding -y (message: yes). */
export function reportRpmMissingYes(doc: DockerfileDoc, report: Report, family: RpmFamily): void {
  for (const run of doc.runInstructions()) {
    const script = doc.shell(run);
    for (const call of findRpmCalls(doc, run, family)) {
      if (!asksForConfirmation(call) || hasAssumeYes(call)) continue;
      report({
        range: call.range,
        messageId: 'yes',
        data: { call: `${call.invocation.tool} ${call.action}` },
        fixes: [{ title: 'Add -y', edits: [insertArgumentAfter(script, call.actionWords[call.actionWords.length - 1], '-y')], safe: true, preferred: true }],
      });
    }
  }
}
