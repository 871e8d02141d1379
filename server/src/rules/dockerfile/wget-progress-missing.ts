import { defineRule } from '../../analysis/rule';
import { findInvocations, hasOption, insertArgumentAfter } from '../../analysis/package-commands';

/** Short options of wget that take a value: a cluster stops at them (`-qO-` is -q and -O -). */
const WGET_SYNTAX = { valueOptions: ['o', 'a', 'O', 'i', 'B', 'e', 't', 'T', 'w', 'Q', 'U', 'P', 'l', 'A', 'R', 'D', 'I', 'X'] };

/** wget's default progress bar writes thousands of lines into build logs; dot:giga or a quiet mode keeps them readable. */
export const wgetProgressMissing = defineRule({
  id: 'wget-progress-missing',
  kind: 'dockerfile',
  title: 'wget without --progress floods the build log',
  severity: 'info',
  aliases: ['DL3047'],
  messages: { progress: 'wget without --progress prints a progress line per chunk into the build log; add --progress=dot:giga, or -q/-nv.' },
  fixable: true,
  scope: 'stage',
  check(doc, report) {
    for (const run of doc.runInstructions()) {
      const script = doc.shell(run);
      for (const wget of findInvocations(doc, run, (tool) => tool === 'wget', WGET_SYNTAX)) {
        // -nv is one option (no-verbose), not -n -v; -o/-a send messages to a log file instead.
        const quiet = hasOption(wget, 'progress', 'q', 'quiet', 'no-verbose', 'o', 'output-file', 'a', 'append-output') || wget.options.some((option) => option.word.value.startsWith('-nv'));
        if (quiet) continue;
        report({
          range: wget.program.range,
          messageId: 'progress',
          fixes: [{ title: 'Add --progress=dot:giga', edits: [insertArgumentAfter(script, wget.program, '--progress=dot:giga')], safe: true, preferred: true }],
        });
      }
    }
  },
});
