/**
 * What the engine module needs from configuration, as plain data (the client reads VS Code
 * settings into this; tests build it directly).
 */
import { EngineError } from './errors';
import { checkCliCommand, checkEnvName, checkImage, checkValue } from './validate';

/**
 * busybox 1.36.1 (multi-platform index) as Docker Hub served it; the helper only needs `find` and
 * `stat`. Pinned so the helper that reads volumes cannot change under the user.
 */
export const DEFAULT_HELPER_IMAGE = 'docker.io/library/busybox:1.36.1@sha256:73aaf090f3d85aa34ee199857f03fa3a95c8ede2ffd4cc2cdb5b94e566b11662';

export interface EngineSettings {
  /** `docker` (default), `podman`, `nerdctl`, or an absolute path to one of them. */
  command: string;
  /** Added to the CLI's environment (`DOCKER_HOST`, `DOCKER_CONTEXT`, `CONTAINER_HOST`, ...). */
  environment: Readonly<Record<string, string>>;
  /** Image of the short-lived container that lists files in a volume. */
  helperImage: string;
  /** Default time limit for listing and inspecting, in milliseconds. */
  timeoutMs: number;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  command: 'docker',
  environment: {},
  helperImage: DEFAULT_HELPER_IMAGE,
  timeoutMs: 20_000,
};

export type CliFlavor = 'docker' | 'podman' | 'nerdctl';

/** Which CLI dialect to speak, from the program name (`/usr/bin/podman` → podman). */
export function cliFlavor(command: string): CliFlavor {
  const name = (command.split(/[\\/]/).pop() ?? command).toLowerCase().replace(/\.exe$/, '');
  if (name.startsWith('podman')) return 'podman';
  if (name.startsWith('nerdctl')) return 'nerdctl';
  return 'docker';
}

/** Fills defaults and validates every field; throws EngineError('invalid-input') on a bad value. */
export function resolveSettings(partial: Partial<EngineSettings> = {}): EngineSettings {
  const settings: EngineSettings = {
    command: partial.command?.trim() || DEFAULT_SETTINGS.command,
    environment: { ...(partial.environment ?? {}) },
    helperImage: partial.helperImage?.trim() || DEFAULT_SETTINGS.helperImage,
    timeoutMs: partial.timeoutMs && partial.timeoutMs > 0 ? partial.timeoutMs : DEFAULT_SETTINGS.timeoutMs,
  };
  checkCliCommand(settings.command);
  checkImage(settings.helperImage);
  for (const [name, value] of Object.entries(settings.environment)) {
    checkEnvName(name);
    if (typeof value !== 'string') throw new EngineError('invalid-input', `containerHygiene.environment.${name} must be a string.`);
    checkValue(`value of ${name}`, value);
  }
  return settings;
}
