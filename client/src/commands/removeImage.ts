/**
 * Container Hygiene: Remove Image — asks first, then `docker image rm -- IMAGE` (no --force: the
 * engine refuses while a container uses the image, and that message is shown).
 * Arguments: { image?: string, confirm?: boolean, throwOnError?: boolean }. `confirm: true` skips
 * the question. Returns { untagged: string[], deleted: string[] } or undefined when declined.
 */
import { window } from 'vscode';
import { pickImage } from './pickers';
import { booleanArg, registerEngineCommand, stringArg, type CommandServices } from './support';

export const REMOVE_IMAGE = 'containerHygiene.removeImage';

export function registerRemoveImage(services: CommandServices) {
  return registerEngineCommand(services, REMOVE_IMAGE, 'Remove Image', async (args?: unknown) => {
    const engine = services.engine();
    const image = stringArg(args, 'image') ?? (await pickImage(engine, 'Image to remove')).reference;
    if (booleanArg(args, 'confirm') !== true) {
      const answer = await window.showWarningMessage(`Remove image ${image}?`, { modal: true, detail: 'Layers no other image uses are deleted.' }, 'Remove');
      if (answer !== 'Remove') return undefined;
    }
    const removed = await engine.removeImage(image);
    services.changed('images');
    void window.showInformationMessage(`Removed ${image}: ${removed.untagged.length} tag(s) removed, ${removed.deleted.length} layer(s) deleted.`);
    return removed;
  });
}
