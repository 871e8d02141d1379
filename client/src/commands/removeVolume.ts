/**
 * Container Hygiene: Remove Volume — refuses while any container (running or stopped) uses the
 * volume, asks first, then `docker volume rm -- NAME` (never --force).
 * Arguments: a Volumes-view item, or { volume?: string, confirm?: boolean, throwOnError?: boolean }.
 * `confirm: true` skips the question (tests). Returns true when the volume was removed.
 */
import { window } from 'vscode';
import { EngineError } from '../engine';
import { describeUsers } from '../engine/volumes';
import { volumeNameFrom } from '../views/volumes-view';
import { pickVolume } from './pickers';
import { booleanArg, registerEngineCommand, type CommandServices } from './support';

export const REMOVE_VOLUME = 'containerHygiene.removeVolume';

export function registerRemoveVolume(services: CommandServices) {
  return registerEngineCommand(services, REMOVE_VOLUME, 'Remove Volume', async (args?: unknown) => {
    const engine = services.engine();
    const name = volumeNameFrom(args) ?? await pickVolume(engine, 'Volume to remove');
    const users = await engine.volumeUsers(name);
    if (users.length > 0) {
      throw new EngineError('in-use', `Volume ${name} is used by ${describeUsers(users)}; remove those containers first. The volume was kept.`);
    }
    if (booleanArg(args, 'confirm') !== true) {
      const answer = await window.showWarningMessage(`Remove volume ${name}? Its data is deleted and cannot be recovered.`, { modal: true }, 'Remove');
      if (answer !== 'Remove') return false;
    }
    await engine.removeVolume(name);
    services.changed('volumes');
    void window.showInformationMessage(`Removed volume ${name}.`);
    return true;
  });
}
