/**
 * Container Hygiene: List Images — a quick pick of the engine's images (name:tag, size, age), then
 * an action: Run Container, Inspect Image or Remove Image (each its own command).
 * Arguments: { image?: string, action?: 'run' | 'inspect' | 'remove', throwOnError?: boolean } —
 * with both given, no UI is shown and the chosen command's result is returned; with neither, the
 * list of images (ImageSummary[]) is returned after the user's choice.
 */
import { commands, window } from 'vscode';
import { formatAge, formatBytes } from '../engine';
import { INSPECT_IMAGE } from './inspectImage';
import { imageLabel } from './pickers';
import { REMOVE_IMAGE } from './removeImage';
import { RUN_CONTAINER } from './runContainer';
import { ask, registerEngineCommand, stringArg, type CommandServices } from './support';

export const LIST_IMAGES = 'containerHygiene.listImages';

const ACTIONS = {
  run: { label: '$(play) Run Container', command: RUN_CONTAINER },
  inspect: { label: '$(info) Inspect Image', command: INSPECT_IMAGE },
  remove: { label: '$(trash) Remove Image', command: REMOVE_IMAGE },
} as const;
type Action = keyof typeof ACTIONS;

export function registerListImages(services: CommandServices) {
  return registerEngineCommand(services, LIST_IMAGES, 'List Images', async (args?: unknown) => {
    const given = stringArg(args, 'image');
    const givenAction = stringArg(args, 'action');
    if (given && givenAction && givenAction in ACTIONS) {
      return commands.executeCommand(ACTIONS[givenAction as Action].command, { image: given, throwOnError: true });
    }
    const images = await services.engine().listImages();
    const items = images.map((image) => ({
      label: imageLabel(image),
      description: `${formatBytes(image.sizeBytes)} · ${formatAge(image.createdAt)}`,
      detail: image.id,
      image,
    }));
    const picked = await ask(window.showQuickPick(items, { title: `Images (${images.length})`, placeHolder: 'Pick an image to run, inspect or remove', matchOnDescription: true, matchOnDetail: true }));
    const action = await ask(window.showQuickPick(
      (Object.keys(ACTIONS) as Action[]).map((key) => ({ label: ACTIONS[key].label, key })),
      { title: picked.label, placeHolder: 'What to do with this image?' },
    ));
    await commands.executeCommand(ACTIONS[action.key].command, { image: picked.image.reference });
    return images;
  });
}
