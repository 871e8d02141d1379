import { FILE_KINDS } from './discover';

export function usage(): string {
  return `Usage:
  container-hygiene lint [options] [paths...]   lint Dockerfiles under the paths (default: .)
  container-hygiene rules [--format json]       list the rules
  container-hygiene --version | --help

Files found in folders: ${FILE_KINDS.map((row) => row.description).join(', ')}
(node_modules and dot-folders are skipped; a file named explicitly is linted whatever its name).

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
