/** Quick picks shared by commands: a volume or an image from the engine. */
import { window } from 'vscode';
import { formatAge, formatBytes, type Engine, type ImageSummary } from '../engine';
import { ask, cancelled } from './support';

export async function pickVolume(engine: Engine, placeHolder: string): Promise<string> {
  const volumes = await engine.listVolumes();
  if (volumes.length === 0) {
    void window.showInformationMessage('There are no volumes on this engine.');
    throw cancelled();
  }
  const picked = await ask(window.showQuickPick(
    volumes.map((volume) => ({ label: volume.name, description: volume.driver })),
    { placeHolder, matchOnDescription: true },
  ));
  return picked.label;
}

export function imageLabel(image: ImageSummary): string {
  return image.repository && image.tag ? `${image.repository}:${image.tag}` : image.id;
}

export async function pickImage(engine: Engine, placeHolder: string): Promise<ImageSummary> {
  const images = (await engine.listImages()).filter((image) => image.repository !== null);
  if (images.length === 0) {
    void window.showInformationMessage('There are no named images on this engine; build one first.');
    throw cancelled();
  }
  const picked = await ask(window.showQuickPick(
    images.map((image) => ({ label: imageLabel(image), description: `${formatBytes(image.sizeBytes)} · ${formatAge(image.createdAt)}`, detail: image.id, image })),
    { placeHolder, matchOnDescription: true, matchOnDetail: true },
  ));
  return picked.image;
}
