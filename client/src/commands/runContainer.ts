/**
 * Container Hygiene: Run Container — picks an image from the engine and asks for ports (pre-filled
 * from EXPOSE, published on 127.0.0.1), environment (a .env file or typed, values hidden), a named
 * volume or bind mount, the mode (detached, interactive, attached) and hardening options (see
 * engine/hygiene.ts for what is on by default). Shows the exact command in the output channel;
 * environment values travel in the process environment (`--env NAME`), never in the command.
 * Arguments:
 *   { image?: string, name?: string, ports?: string | PortMapping[], env?: Record<string, string>,
 *     envFile?: string, mounts?: Mount[], mode?: 'detached' | 'interactive' | 'attached',
 *     hygiene?: Partial<Record<'remove' | 'noNewPrivileges' | 'user' | 'capDropAll' | 'readOnly', boolean>>,
 *     command?: string[], labels?: Record<string, string>, throwOnError?: boolean }
 * With no argument, or only `{ image }` (the "Run" after a build), every missing choice is asked
 * for. A scripted call (any other field given) asks nothing: missing fields take the defaults —
 * no ports, no environment, no mounts, detached, hardening defaults (so `--rm` is on unless
 * `hygiene: { remove: false }`).
 * Returns { commandLine: string, containerId?: string }.
 */
import { window } from 'vscode';
import { applyHygiene, hygieneChoices, runArgs, type EnvVar, type HygieneChoice, type Mount, type PortMapping, type RunMode, type RunOptions } from '../engine';
import { parsePortList } from '../model/port-list';
import { runInTask } from '../tasks';
import { pickImage } from './pickers';
import { askEnvironment, askHygiene, askMode, askMounts, askPorts, readEnvFile } from './run-inputs';
import { registerEngineCommand, stringArg, type CommandServices } from './support';

export const RUN_CONTAINER = 'containerHygiene.runContainer';

interface RunArguments {
  ports?: string | PortMapping[];
  env?: Record<string, string>;
  mounts?: Mount[];
  mode?: RunMode;
  hygiene?: Record<string, boolean>;
  command?: string[];
  labels?: Record<string, string>;
}

function field<K extends keyof RunArguments>(args: unknown, key: K): RunArguments[K] | undefined {
  return typeof args === 'object' && args !== null ? (args as RunArguments)[key] : undefined;
}

/** Any field besides `image` and `throwOnError` makes it a scripted call that prompts for nothing. */
function isScripted(args: unknown): boolean {
  return typeof args === 'object' && args !== null && Object.keys(args).some((key) => key !== 'image' && key !== 'throwOnError');
}

function portsFrom(value: string | PortMapping[]): PortMapping[] {
  if (Array.isArray(value)) return value;
  const parsed = parsePortList(value);
  if (!parsed.ok) throw new TypeError(parsed.problem);
  return parsed.ports;
}

function overrideHygiene(choices: HygieneChoice[], overrides: Record<string, boolean>): HygieneChoice[] {
  return choices.map((choice) => (typeof overrides[choice.option] === 'boolean' ? { ...choice, on: overrides[choice.option] } : choice));
}

export function registerRunContainer(services: CommandServices) {
  return registerEngineCommand(services, RUN_CONTAINER, 'Run Container', async (args?: unknown) => {
    const engine = services.engine();
    const image = stringArg(args, 'image') ?? (await pickImage(engine, 'Image to run')).reference;
    const details = await engine.inspectImage(image);
    const users = await engine.imageUsers(image).catch(() => []);
    const scripted = isScripted(args);
    const givenPorts = field(args, 'ports');
    const ports = givenPorts !== undefined ? portsFrom(givenPorts) : scripted ? [] : await askPorts(details);
    const givenEnv = field(args, 'env');
    const envFile = stringArg(args, 'envFile');
    const env: EnvVar[] = givenEnv || envFile || scripted
      ? [...(envFile ? await readEnvFile(envFile, services) : []), ...Object.entries(givenEnv ?? {}).map(([name, value]) => ({ name, value: String(value) }))]
      : await askEnvironment(services);
    const mounts = field(args, 'mounts') ?? (scripted ? [] : await askMounts(engine, details, services));
    const mode = field(args, 'mode') ?? (scripted ? 'detached' : await askMode());
    const defaults = hygieneChoices(details.user, users);
    const hygieneArg = field(args, 'hygiene');
    const choices = hygieneArg || scripted ? overrideHygiene(defaults, hygieneArg ?? {}) : await askHygiene(defaults);
    const options: RunOptions = applyHygiene({
      image, name: stringArg(args, 'name'), ports, env, mounts, mode, command: field(args, 'command'), labels: field(args, 'labels'),
    }, choices);

    const commandLine = engine.commandLine(runArgs(options));
    const valuesNote = env.length > 0 ? `  (values of ${env.map((variable) => variable.name).join(', ')} are passed through the environment, not shown)` : '';
    if (mode === 'detached') {
      const containerId = await engine.runDetached(options);
      if (valuesNote) services.output.appendLine(valuesNote);
      services.changed('volumes');
      void window.showInformationMessage(`Started container ${options.name ?? containerId.slice(0, 12)} from ${image}.`, 'Show Command').then((choice) => choice && services.output.show(true));
      return { commandLine, containerId };
    }
    services.output.appendLine(`$ ${commandLine}`);
    if (valuesNote) services.output.appendLine(valuesNote);
    await runInTask({ title: `Run ${image}`, kind: 'run', invocation: engine.runInvocation(options), waitForExit: false });
    services.changed('volumes');
    return { commandLine };
  });
}
