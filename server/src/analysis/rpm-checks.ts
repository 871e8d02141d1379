import type { Instruction } from 'dockerfile-ast';
import type { DockerfileDoc } from './dockerfile-doc';
import { insertArgumentAfter } from './package-commands';
import type { ReportDescriptor } from './rule';
import type { DocumentSegment, Summarize } from './dockerfile-segment';
import { asksForConfirmation, declaredVariables, findRpmCalls, hasAssumeYes, hasRpmVersion, hasZypperVersion, installedPackages, isPinnedWord, referencedVariables, type RpmFamily } from './rpm-commands';

/** The checks yum and dnf share (their rules differ only in the tool and the hadolint code). */
type Report = (descriptor: ReportDescriptor) => void;

/**
 * Reports installed packages without a version (messages: package, module, undeclared). A word's
 * report is made once per segment (its RUN's script alone decides it); a word naming variables is
 * pinned after all when the Dockerfile declares one of them before its RUN, which each document decides.
 */
export function reportUnpinnedRpmPackages(doc: DockerfileDoc, report: Report, family: RpmFamily): void {
  let declaredFor: Instruction | undefined;
  let declared: ReadonlySet<string> = new Set();
  for (const words of doc.summaries(UNPINNED[family])) {
    for (const { run, variables, descriptor } of words) {
      if (variables.length > 0 && run !== declaredFor) [declaredFor, declared] = [run, declaredVariables(doc, run)];
      if (!variables.some((name) => declared.has(name))) report(descriptor);
    }
  }
}

/** A package word installed without a version, unless one of the variables it names is declared; its report, kept (frozen: analyze.ts). */
interface UnpinnedWord {
  run: Instruction;
  variables: readonly string[];
  descriptor: Readonly<ReportDescriptor>;
}

const UNPINNED: Readonly<Record<RpmFamily, Summarize<readonly UnpinnedWord[]>>> = {
  yum: (segment, doc) => unpinnedWords(segment, doc, 'yum'),
  dnf: (segment, doc) => unpinnedWords(segment, doc, 'dnf'),
  zypper: (segment, doc) => unpinnedWords(segment, doc, 'zypper'),
};

const NOTHING_DECLARED: ReadonlySet<string> = new Set();

/** The segment's package words that no version pins when no variable they name is declared (isPinnedWord then reads nothing but the word). */
function unpinnedWords(segment: DocumentSegment, doc: DockerfileDoc, family: RpmFamily): UnpinnedWord[] {
  const found: UnpinnedWord[] = [];
  for (const run of segment.runs) {
    for (const call of findRpmCalls(doc, run, family)) {
      // zypper: patterns, patches and products (-t pattern) are not versioned packages.
      if (family === 'zypper' && call.invocation.options.some((option) => /^(t|type)$/.test(option.names[option.names.length - 1]) && option.value !== 'package')) continue;
      const { words, modules: moduleInstall } = installedPackages(call);
      // zypper has no modules, and its own version syntax.
      const modules = family !== 'zypper' && moduleInstall;
      const pinned = family === 'zypper' ? hasZypperVersion : modules ? (spec: string) => spec.includes(':') : hasRpmVersion;
      for (const word of words) {
        if (isPinnedWord(word, () => NOTHING_DECLARED, pinned) !== false) continue;
        const variables = referencedVariables(word);
        const data = { name: word.value.replace(/\$\{([^}]*)\}/g, '$$$1'), variable: variables[0] };
        found.push({ run, variables, descriptor: Object.freeze({ range: word.range, messageId: variables[0] ? 'undeclared' : modules ? 'module' : 'package', data }) });
      }
    }
  }
  return found;
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
