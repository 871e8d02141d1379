import { FILE_NAMES } from './discover';

export function usage(): string {
  return `Usage:
  container-hygiene lint [options] [paths...]   lint Dockerfiles and Compose files under the paths (default: .)
  container-hygiene rules [--format json]       list the rules
  container-hygiene --version | --help

Files searched for in folders:
${FILE_NAMES.map((row) => `  ${row.kind.padEnd(15)}${row.names.replace(/\n/g, `\n${' '.repeat(17)}`)}`).join('\n')}
(node_modules and dot-folders are skipped; a file named explicitly is linted whatever its name:
as a Compose file when it ends in .yml or .yaml, as a Dockerfile otherwise).

Options for lint:
  -f, --format <stylish|json|sarif>   output format (default: stylish)
      --fix                           apply safe fixes, then report what remains
      --fix-dry-run                   print the safe fixes as a diff instead of writing them
      --max-severity <level>          fail on findings at or above <level>:
                                      error, warning, info, hint, or none (default: warning)
      --failure-threshold <level>     same as --max-severity (hadolint's name; "style" = hint)
  -c, --config <file>                 use this .container-hygiene.yaml (or .hadolint.yaml) only
      --no-config                     read no config file
      --ignore <rule>                 turn a rule off by id or alias (repeatable)
      --trusted-registry <registry>   allow base images from this registry (repeatable)
      --rule <rule>=<level>           set a rule's severity: error, warning, info, hint, off (repeatable)
      --compose-pattern <glob>        also lint files matching <glob> as Compose files (repeatable)
      --max-file-size <size>          skip files larger than <size> (4MB, 512KB; default 4MB) with
                                      one file-not-analyzed finding each
      --stats                         also print the number of findings per rule
                                      (to stderr with json and sarif, so stdout stays parseable)
  -q, --quiet                         report errors only (and fail only on them)
  -h, --help                          show this help
  -v, --version                       print the version

Exit codes:
  0  no finding at or above the failure threshold
  1  findings at or above the failure threshold
  2  usage error (unknown flag, bad value, missing path or config file) or internal error

Docs: docs/cli.md
`;
}
