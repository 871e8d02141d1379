import { defineRule } from '../analysis/rule';

/** Tells the user why a file (Dockerfile or Compose file) got no other diagnostics, instead of staying silent on binary or huge input. */
export const fileNotAnalyzed = defineRule<'dockerfile'>({
  id: 'file-not-analyzed',
  kind: 'dockerfile',
  title: 'File could not be analysed',
  severity: 'info',
  aliases: [],
  messages: {
    tooLarge: 'This file is {size} MB, past the {limit} MB analysis limit; raise the containerHygiene.maxFileSize setting (--max-file-size on the command line) to analyse it.',
    binary: 'This file holds binary data (NUL or control bytes), so it was not analysed; check that it is a text file (a Dockerfile or a Compose file).',
  },
  fixable: false,
  check() {
    // Reported by analyze() before parsing; nothing to check on a parsed document.
  },
});
