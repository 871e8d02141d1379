/**
 * Container Hygiene: Create Volume — `docker volume create [--label k=v] -- NAME`.
 * Arguments (all optional; prompts for what is missing):
 *   { name?: string, labels?: Record<string, string>, throwOnError?: boolean }
 * Returns the created volume's name.
 */
import { window } from 'vscode';
import { EngineError } from '../engine';
import { checkVolumeName } from '../engine/validate';
import { ask, registerEngineCommand, stringArg, type CommandServices } from './support';

export const CREATE_VOLUME = 'containerHygiene.createVolume';

function volumeNameProblem(name: string): string | null {
  try {
    checkVolumeName(name);
    return null;
  } catch (error) {
    return error instanceof EngineError ? error.message : String(error);
  }
}

export function registerCreateVolume(services: CommandServices) {
  return registerEngineCommand(services, CREATE_VOLUME, 'Create Volume', async (args?: unknown) => {
    const name = stringArg(args, 'name') ?? await ask(window.showInputBox({
      title: 'Create Volume',
      prompt: 'Name of the new volume',
      placeHolder: 'app-data',
      validateInput: (value) => (value === '' ? null : volumeNameProblem(value)),
    }));
    const labelsArg = typeof args === 'object' && args !== null ? (args as { labels?: unknown }).labels : undefined;
    const labels = labelsArg && typeof labelsArg === 'object' ? Object.fromEntries(Object.entries(labelsArg).map(([key, value]) => [key, String(value)])) : {};
    const created = await services.engine().createVolume(name, { labels });
    services.changed('volumes');
    void window.showInformationMessage(`Created volume ${created}.`);
    return created;
  });
}
