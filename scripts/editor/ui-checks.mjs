// What a user sees, checked in the real workbench with Playwright: the Postgres Dockerfile's squiggles,
// the hover, the Problems panel entries, the quick-fix menu and the Compose file. Saves each view as a
// screenshot.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const WAIT_MS = 30_000;

/** Opens a workspace file through Quick Open (Ctrl+P), as a user would. */
async function quickOpen(page, relativePath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT_MS });
  await input.fill(relativePath);
  const [folder, file] = [relativePath.split('/').slice(0, -1).join('/'), relativePath.split('/').pop()];
  // The first row must be the file itself (label = file name, description = its folder), not a lookalike.
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: file }).filter({ hasText: folder }).first();
  await row.waitFor({ state: 'visible', timeout: WAIT_MS });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
}

async function goToLine(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT_MS });
  await input.fill(`:${line}:${column}`); // the Go to Line box starts with ':'
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
}

function expectText(text, wanted, where) {
  const missing = wanted.filter((needle) => !text.includes(needle));
  if (missing.length > 0) throw new Error(`${where} does not show ${missing.map((m) => `"${m}"`).join(', ')}; it shows: ${text.replace(/\s+/g, ' ').slice(0, 600)}`);
}

/**
 * Runs the checks on a page already loaded with the workspace and the extension.
 * Returns one result per check: { title, ok, error?, screenshot? }.
 */
export async function runUiChecks(page, { screenshotsDir, failureScreenshot }) {
  mkdirSync(screenshotsDir, { recursive: true });
  const results = [];
  let failedEarlier = false;
  async function check(title, body) {
    if (failedEarlier) {
      results.push({ title, ok: false, error: 'not run: an earlier UI check failed' });
      return;
    }
    const started = Date.now();
    try {
      const screenshot = await body();
      results.push({ title, ok: true, durationMs: Date.now() - started, screenshot });
    } catch (error) {
      failedEarlier = true;
      await page.screenshot({ path: failureScreenshot }).catch(() => undefined);
      results.push({ title, ok: false, error: `${error instanceof Error ? error.message : String(error)} (screen at failure: ${failureScreenshot})` });
    }
  }

  const editor = page.locator('.editor-instance .monaco-editor').first();

  await check('ui › the workbench opens the Postgres Dockerfile with warning and error squiggles', async () => {
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ state: 'visible', timeout: 60_000 });
    await quickOpen(page, 'db/Dockerfile');
    await editor.locator('.view-lines').filter({ hasText: 'FROM postgres:latest' }).waitFor({ timeout: WAIT_MS });
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'attached', timeout: WAIT_MS });
    await editor.locator('.squiggly-error').first().waitFor({ state: 'attached', timeout: WAIT_MS });
    const path = join(screenshotsDir, 'postgres-dockerfile.png');
    await page.screenshot({ path });
    return path;
  });

  await check('ui › the hover on `latest` shows the message and the rule id', async () => {
    await goToLine(page, 1, 17); // inside `latest` (columns 15-20)
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover').filter({ hasText: 'latest' }).first();
    await hover.waitFor({ state: 'visible', timeout: WAIT_MS });
    expectText(await hover.innerText(), ['image-latest-tag', 'pin a version tag'], 'The hover');
    const path = join(screenshotsDir, 'hover.png');
    await page.screenshot({ path });
    await page.keyboard.press('Escape');
    return path;
  });

  await check('ui › the Problems panel lists the rule ids and messages', async () => {
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: WAIT_MS });
    const rows = panel.locator('.monaco-list-row');
    await rows.filter({ hasText: 'secret-in-env-or-arg' }).first().waitFor({ timeout: WAIT_MS });
    await rows.filter({ hasText: 'image-latest-tag' }).first().waitFor({ timeout: WAIT_MS });
    expectText(await panel.innerText(), [
      'container-hygiene',
      'image-latest-tag',
      'secret-in-env-or-arg',
      'uses the "latest" tag',
      'hard-codes a secret into the image',
    ], 'The Problems panel');
    const path = join(screenshotsDir, 'problems-panel.png');
    await page.screenshot({ path });
    return path;
  });

  await check('ui › Ctrl+. on `latest` opens the quick-fix menu', async () => {
    await editor.click({ position: { x: 200, y: 40 } });
    await goToLine(page, 1, 17);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget').first();
    await menu.waitFor({ state: 'visible', timeout: WAIT_MS });
    await menu.locator('.monaco-list-row').filter({ hasText: 'Disable image-latest-tag for this line' }).first().waitFor({ timeout: WAIT_MS });
    expectText(await menu.innerText(), ['Disable image-latest-tag for this line', 'Disable image-latest-tag for this file'], 'The quick-fix menu');
    const path = join(screenshotsDir, 'quick-fix.png');
    await page.screenshot({ path });
    await page.keyboard.press('Escape');
    return path;
  });

  await check('ui › the Compose file opens as Compose, highlighted, with its warning', async () => {
    await page.keyboard.press('Escape');
    await quickOpen(page, 'docker-compose.yml');
    await editor.locator('.view-lines').filter({ hasText: 'services:' }).waitFor({ timeout: WAIT_MS });
    const language = page.locator('.statusbar-item[id="status.editor.mode"]');
    await language.filter({ hasText: 'Compose' }).waitFor({ timeout: WAIT_MS });
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'attached', timeout: WAIT_MS });
    const panel = page.locator('.markers-panel');
    await panel.locator('.monaco-list-row').filter({ hasText: 'compose-version-obsolete' }).first().waitFor({ timeout: WAIT_MS });
    const path = join(screenshotsDir, 'compose.png');
    await page.screenshot({ path });
    return path;
  });

  return results;
}
