/**
 * The hardening options Run Container offers, and which are on by default. "On by default" only
 * where it cannot break a typical image:
 * - `--rm`: on. The container is removed when it stops; named volumes are kept.
 * - `--security-opt no-new-privileges`: on. Blocks setuid binaries (sudo); entrypoints that step
 *   down from root (gosu, su-exec, setpriv) keep working because they only drop privileges.
 * - `--user <name>`: on when the image runs as root but ships a regular user (uid 1000-59999);
 *   nothing is added when the image already sets a non-root USER.
 * - `--cap-drop ALL`: on only when the container will run as a non-root user (such a process has
 *   no effective capabilities anyway); off for root, whose entrypoints often need CHOWN/SETUID.
 * - `--read-only` (+ `--tmpfs /tmp`): offered, off. Many images write outside their volumes.
 * - published ports bind to 127.0.0.1 unless the user chooses all interfaces.
 */
import { suggestRunUser, type PasswdEntry } from './image-users';
import type { RunOptions } from './run-args';

export type HygieneOption = 'remove' | 'noNewPrivileges' | 'user' | 'capDropAll' | 'readOnly';

export interface HygieneChoice {
  option: HygieneOption;
  /** The flags it adds, for the picker's label. */
  flags: string;
  on: boolean;
  reason: string;
  /** For `user`: the user to run as. */
  value?: string;
}

function isRootUser(user: string): boolean {
  const name = user.trim().split(':')[0];
  return name === '' || name === 'root' || name === '0';
}

export function hygieneChoices(imageUser: string, passwd: readonly PasswdEntry[]): HygieneChoice[] {
  const suggestion = suggestRunUser(imageUser, passwd);
  const runsNonRoot = !isRootUser(imageUser) || suggestion.user !== null;
  const choices: HygieneChoice[] = [
    { option: 'remove', flags: '--rm', on: true, reason: 'remove the container when it stops (named volumes are kept)' },
    { option: 'noNewPrivileges', flags: '--security-opt no-new-privileges', on: true, reason: 'processes cannot gain privileges through setuid binaries' },
  ];
  if (suggestion.user !== null) {
    choices.push({ option: 'user', flags: `--user ${suggestion.user}`, on: true, reason: suggestion.reason, value: suggestion.user });
  }
  choices.push({
    option: 'capDropAll', flags: '--cap-drop ALL', on: runsNonRoot,
    reason: runsNonRoot ? 'the container runs as a non-root user, which needs no capabilities' : 'off: the image runs as root and its entrypoint may need capabilities',
  });
  choices.push({ option: 'readOnly', flags: '--read-only --tmpfs /tmp', on: false, reason: 'read-only root filesystem; turn on when the app writes only to volumes and /tmp' });
  return choices;
}

/** Applies the chosen options (those with `on`) to run options. */
export function applyHygiene(options: RunOptions, choices: readonly HygieneChoice[]): RunOptions {
  const chosen = new Map(choices.filter((choice) => choice.on).map((choice) => [choice.option, choice]));
  return {
    ...options,
    remove: chosen.has('remove'),
    noNewPrivileges: chosen.has('noNewPrivileges'),
    user: chosen.get('user')?.value ?? options.user,
    capDropAll: chosen.has('capDropAll'),
    readOnly: chosen.has('readOnly'),
  };
}
