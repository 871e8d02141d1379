/**
 * Container Hygiene: Choose Docker Context — lists `docker context ls` and runs
 * `docker context use -- NAME`, which changes the current context for every terminal, exactly as
 * typing it would. When DOCKER_HOST is set it wins over any context; the picker says so.
 * Arguments: { context?: string, throwOnError?: boolean }. Returns the context now in use.
 */
import { window } from 'vscode';
import { EngineError } from '../engine';
import { ask, registerEngineCommand, stringArg, type CommandServices } from './support';

export const SELECT_CONTEXT = 'containerHygiene.selectContext';

export function registerSelectContext(services: CommandServices) {
  return registerEngineCommand(services, SELECT_CONTEXT, 'Choose Docker Context', async (args?: unknown) => {
    const engine = services.engine();
    let name = stringArg(args, 'context');
    if (name === undefined) {
      const contexts = await engine.listContexts();
      if (contexts.length === 0) {
        throw new EngineError('failed', `${engine.cli.settings.command} has no Docker contexts; set DOCKER_HOST (or CONTAINER_HOST) in containerHygiene.environment instead.`);
      }
      const host = engine.cli.endpointHint().dockerHost;
      const picked = await ask(window.showQuickPick(
        contexts.map((context) => ({
          label: context.name,
          description: `${context.current ? '(current) ' : ''}${context.endpoint ?? ''}`,
          detail: context.error ?? (context.description || undefined),
        })),
        { title: 'Docker Context', placeHolder: host ? `DOCKER_HOST=${host} is set and overrides the context you choose` : 'Engine the container CLI talks to' },
      ));
      name = picked.label;
    }
    await engine.useContext(name);
    services.changed('context');
    return name;
  });
}
