// Runs the editor suite (test/editor) with @vscode/test-electron: downloads VS Code into .vscode-test/
// and runs the same mocha suite as the code-server runner, in desktop VS Code's extension host.
//
//   node scripts/editor/run-electron.mjs            # VS Code stable; VSCODE_TEST_VERSION=1.100.3 to pin
//
// Needs the network (update.code.visualstudio.com) the first time, and a display on Linux (run it
// under `xvfb-run -a` on a headless machine). Offline it fails within seconds with a clear message
// instead of hanging; here, use `npm run test:editor` (code-server) instead.
import { setInterval, clearInterval } from 'node:timers';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { buildEditorTests, testsEntry } from './build-tests.mjs';
import { checkBuilt, checkEngine, prepareRunFolder, root, SetupError } from './prepare.mjs';
import { ReportFollower } from './report-printer.mjs';

const DOWNLOAD_TIMEOUT_MS = 60_000;

async function download(version) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DOWNLOAD_TIMEOUT_MS / 1000} s`)), DOWNLOAD_TIMEOUT_MS);
  });
  try {
    // test-electron's own timeout covers each request; ours covers the whole download.
    return await Promise.race([downloadAndUnzipVSCode({ version, timeout: 15_000 }), deadline]);
  } catch (error) {
    throw new SetupError(`@vscode/test-electron could not download VS Code ${version} (${error instanceof Error ? error.message : String(error)}). `
      + 'It needs update.code.visualstudio.com (or a copy cached in .vscode-test/). Without network, run the same suite in '
      + 'code-server with `npm run test:editor`.');
  } finally {
    clearTimeout(timer);
  }
}

async function main() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new SetupError('Desktop VS Code needs a display: run this under `xvfb-run -a` (apt-get install xvfb) on a headless machine.');
  }
  const engine = checkEngine();
  checkBuilt();
  const version = process.env.VSCODE_TEST_VERSION ?? 'stable';
  const vscodeExecutablePath = await download(version);
  await buildEditorTests();
  const run = prepareRunFolder('ch-electron-');
  console.log(`[electron] VS Code ${version} at ${vscodeExecutablePath}; engine ${engine}; temp folder ${run.dir}`);
  const follower = new ReportFollower(run.report);
  const ticker = setInterval(() => follower.poll(), 200);
  let exitCode;
  try {
    exitCode = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: testsEntry,
      launchArgs: [run.workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        '--user-data-dir', run.user, '--extensions-dir', run.ext],
      extensionTestsEnv: { CONTAINER_HYGIENE_EDITOR_REPORT: run.report, CONTAINER_HYGIENE_EXPECT_EXTENSION_UNDER: root },
    }).catch(() => 1); // runTests rejects on a non-zero exit; the counts below say why
  } finally {
    clearInterval(ticker);
  }
  const end = follower.poll();
  follower.printFailures();
  if (!end) {
    throw new SetupError(`VS Code exited (${exitCode}) before the suite reported its end; see the output above.`);
  }
  console.log(`\neditor: ${end.passed} passed, ${end.failed} failed`);
  return end.failed === 0 && end.passed > 0 && exitCode === 0 ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`[electron] ${error instanceof Error ? error.message : String(error)}`);
  console.log('editor: 0 passed, 1 failed');
  process.exitCode = 1;
}
