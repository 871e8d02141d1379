// What both editor-test runners need before VS Code starts: a running engine, the built extension,
// the bundled suite, and a throw-away copy of the workspace fixture (the tests edit files in it).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BUSYBOX = '/bin/busybox';

export class SetupError extends Error {}

/** Fails (never skips) when the engine the Build/Run/Inspect tests drive is not answering. */
export function checkEngine() {
  const result = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8', timeout: 20_000 });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : (result.stderr || result.stdout).trim().split('\n').slice(-2).join(' ');
    throw new SetupError(`The container engine is not answering (docker version: ${why}). `
      + 'The editor suite builds, runs and inspects on a real engine; start one with `bash scripts/ci/start-engine.sh`.');
  }
  if (!existsSync(BUSYBOX)) {
    throw new SetupError(`${BUSYBOX} is missing: the engine tests build a busybox image offline. Install busybox-static (scripts/ci/start-engine.sh does).`);
  }
  return result.stdout.trim();
}

export function checkBuilt() {
  for (const bundle of ['dist/client/extension.js', 'dist/server.js']) {
    if (!existsSync(join(root, bundle))) throw new SetupError(`${bundle} is missing; run \`npm run build\` first.`);
  }
}

/** A copy of the workspace fixture the tests may change, with busybox in the tiny image's build context. */
export function copyWorkspace(destination) {
  cpSync(join(root, 'test', 'editor', 'workspace'), destination, { recursive: true });
  copyFileSync(BUSYBOX, join(destination, 'tiny', 'busybox'));
  return destination;
}

/**
 * A fresh temp folder with ext/, user/ (settings for a quiet workbench), suite/cruddur/ for the suite
 * and ui/cruddur/ for the UI checks (a pristine copy: the suite leaves settings and edits behind).
 * `cruddur` is the app of the course notes; the name shows in the screenshots.
 */
export function prepareRunFolder(prefix = 'ch-editor-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const workspace = copyWorkspace(join(dir, 'suite', 'cruddur'));
  const uiWorkspace = copyWorkspace(join(dir, 'ui', 'cruddur'));
  const user = join(dir, 'user');
  mkdirSync(join(user, 'User'), { recursive: true });
  writeFileSync(join(user, 'User', 'settings.json'), `${JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.reduceMotion': 'on', // screenshots without half-faded hovers
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'editor.hover.delay': 300,
    'window.zoomLevel': 0,
  }, null, 2)}\n`);
  const ext = join(dir, 'ext');
  mkdirSync(ext);
  return { dir, workspace, uiWorkspace, user, ext, report: join(dir, 'report.ndjson') };
}
