// Runs the editor suite (test/editor) inside a real VS Code: code-server 4.100.3 in headless Chromium.
//
//   node scripts/editor/run-code-server.mjs            # against the development folder (npm run build first)
//   node scripts/editor/run-code-server.mjs --vsix     # against the packaged .vsix, installed into code-server
//
// Options: --vsix=<path>, --grep <mocha pattern>, --timeout-ms <n> (default 300000), --keep (keep the
// temp folder), --no-ui (skip the Playwright checks of the workbench), --screenshots <dir> (default
// test-results/editor; `--screenshots docs/images` refreshes the README's pictures).
// Installs code-server and Chromium when missing; fails (never skips) when either, or the engine, is
// unavailable. Prints the pass/fail counts and exits with 0 only when every test passed.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { buildEditorTests, stubExtensionDir, testsEntry } from './build-tests.mjs';
import { CHROMIUM_PATH, codeServerBin, ensureChromium, ensureCodeServer } from './install-code-server.mjs';
import { checkBuilt, checkEngine, prepareRunFolder, root, SetupError } from './prepare.mjs';
import { ReportFollower } from './report-printer.mjs';
import { runUiChecks } from './ui-checks.mjs';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const EXTENSION_ID = 'container-hygiene.container-hygiene';

const { values: options } = parseArgs({
  strict: true,
  options: {
    vsix: { type: 'string' },
    grep: { type: 'string' },
    'timeout-ms': { type: 'string', default: '300000' },
    keep: { type: 'boolean', default: false },
    'no-ui': { type: 'boolean', default: false },
    screenshots: { type: 'string', default: join(root, 'test-results', 'editor') },
  },
  args: process.argv.slice(2).map((arg) => (arg === '--vsix' ? '--vsix=' : arg)),
});
const timeoutMs = Number(options['timeout-ms']);
const deadline = Date.now() + timeoutMs;
const vsixMode = options.vsix !== undefined;

function log(message) {
  console.log(`[editor] ${message}`);
}

function remaining(what) {
  const left = deadline - Date.now();
  if (left <= 0) throw new SetupError(`Timed out after ${timeoutMs} ms (${what}).`);
  return left;
}

/** Resolves once `probe` returns a value; polls because a file growing raises no event we can rely on. */
async function waitFor(what, probe, { intervalMs = 100, onTick } = {}) {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    onTick?.();
    remaining(what);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function findVsix() {
  if (options.vsix) return options.vsix;
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const expected = join(root, `${name}-${version}.vsix`);
  if (!existsSync(expected)) throw new SetupError(`${relative(root, expected)} is missing; run \`npm run package\` first.`);
  const newestBundle = Math.max(...['dist/client/extension.js', 'dist/server.js'].map((bundle) => statSync(join(root, bundle)).mtimeMs));
  if (statSync(expected).mtimeMs < newestBundle) log(`note: ${relative(root, expected)} is older than dist/; \`npm run package\` rebuilds it.`);
  return expected;
}

function codeServerArgs(run) {
  return ['--extensions-dir', run.ext, '--user-data-dir', run.user, '--config', join(run.dir, 'config.yaml')];
}

function installVsix(run, vsix) {
  log(`installing ${relative(root, vsix) || vsix} into ${run.ext}`);
  const result = spawnSync(process.execPath, [codeServerBin, ...codeServerArgs(run), '--install-extension', vsix], { encoding: 'utf8', timeout: remaining('installing the .vsix') });
  const installed = readdirSync(run.ext).find((name) => name.startsWith(`${EXTENSION_ID}-`));
  if (result.status !== 0 || !installed) {
    throw new SetupError(`code-server --install-extension ${vsix} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  return join(run.ext, installed);
}

async function startCodeServer(run, env) {
  const logPath = join(run.dir, 'code-server.log');
  const logFile = createWriteStream(logPath);
  const child = spawn(process.execPath, [codeServerBin, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ...codeServerArgs(run), run.workspace], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so the extension host and language server end with it
  });
  let output = '';
  let exited;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => { output += chunk; logFile.write(chunk); });
  }
  const port = await waitFor('code-server to listen', () => {
    if (exited) throw new SetupError(`code-server exited (${exited.code ?? exited.signal}) before listening; its log:\n${output}`);
    return /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
  }, { intervalMs: 50 });
  return { child, port: Number(port), logPath, hasExited: () => exited };
}

async function stopCodeServer(server) {
  if (!server || server.hasExited()) return;
  try {
    process.kill(-server.child.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const killer = setTimeout(() => { try { process.kill(-server.child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
  await once(server.child, 'exit');
  clearTimeout(killer);
}

function workbenchUrl(port, workspace, payload) {
  const url = new URL(`http://127.0.0.1:${port}/`);
  url.searchParams.set('folder', workspace);
  if (payload.length > 0) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

// Everything to stop when the run ends, or when the watchdog fires; the counts so far for a run cut short.
const running = { server: undefined, browser: undefined, follower: undefined };

function cutShortSummary() {
  const passed = running.follower?.passed ?? 0;
  const failed = running.follower?.failed ?? 0;
  return `editor: ${passed} passed, ${failed + 1} failed`;
}

async function main() {
  log(`mode: ${vsixMode ? 'installed .vsix' : 'development folder'}`);
  ensureChromium();
  ensureCodeServer();
  const engine = checkEngine();
  log(`engine: ${engine}; code-server: ${codeServerBin}`);
  if (!vsixMode) checkBuilt();
  const vsix = vsixMode ? findVsix() : undefined;
  const { specs } = await buildEditorTests();
  log(`built the suite (${specs} spec files)`);

  const run = prepareRunFolder();
  log(`temp folder: ${run.dir}`);
  let server;
  let browser;
  let succeeded = false;
  // A backstop for anything without its own timeout (a hung page, a stuck UI check).
  const watchdog = setTimeout(() => {
    console.error(`[editor] Timed out after ${timeoutMs} ms; stopping code-server and Chromium. Temp folder kept: ${run.dir}`);
    console.log(cutShortSummary());
    void running.browser?.close().catch(() => undefined);
    void stopCodeServer(running.server).finally(() => process.exit(1));
  }, timeoutMs + 10_000);
  watchdog.unref();
  try {
    const extensionUnder = vsix ? installVsix(run, vsix) : root;
    server = await startCodeServer(run, {
      CONTAINER_HYGIENE_EDITOR_REPORT: run.report,
      CONTAINER_HYGIENE_EXPECT_EXTENSION_UNDER: extensionUnder,
      ...(options.grep ? { CONTAINER_HYGIENE_EDITOR_GREP: options.grep } : {}),
    });
    running.server = server;
    log(`code-server on 127.0.0.1:${server.port} (log: ${server.logPath})`);
    const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    // VS Code runs extensionTestsPath only in a window with an extension under development. For the
    // .vsix run that is an empty stub, and the extension under test is the installed one.
    const developmentPath = vsix ? stubExtensionDir : root;
    const testPayload = [['extensionDevelopmentPath', remote(developmentPath)], ['extensionTestsPath', remote(testsEntry)]];

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: remaining('launching Chromium') });
    running.browser = browser;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const started = Date.now();
    await page.goto(workbenchUrl(server.port, run.workspace, testPayload), { timeout: remaining('loading the workbench') });

    const follower = new ReportFollower(run.report);
    running.follower = follower;
    const end = await waitFor('the suite to finish', () => follower.poll(), {
      onTick: () => {
        const exited = server.hasExited();
        if (exited) throw new SetupError(`code-server exited (${exited.code ?? exited.signal}) during the suite; see ${server.logPath}.`);
        if (Date.now() - started > 60_000 && !follower.lastEvent) {
          throw new SetupError(`The suite did not start within 60 s of opening the workbench. Page errors: ${pageErrors.slice(-5).join(' | ') || 'none'}; see ${server.logPath}.`);
        }
      },
    }).catch((error) => {
      if (error instanceof SetupError && !follower.end) {
        error.message += ` Last suite event: ${JSON.stringify(follower.lastEvent ?? null)}.`;
      }
      throw error;
    });
    await page.close();

    let uiPassed = 0;
    let uiFailed = 0;
    if (!options['no-ui']) {
      console.log('\n  the workbench, through Playwright');
      const uiPage = await context.newPage();
      // Development run: the extension is loaded from the folder; .vsix run: it is installed, no payload needed.
      const uiPayload = vsix ? [] : [['extensionDevelopmentPath', remote(root)]];
      await uiPage.goto(workbenchUrl(server.port, run.uiWorkspace, uiPayload), { timeout: remaining('loading the workbench') });
      const results = await runUiChecks(uiPage, { screenshotsDir: resolve(options.screenshots), failureScreenshot: join(run.dir, 'ui-failure.png') });
      for (const result of results) {
        if (result.ok) {
          uiPassed++;
          console.log(`    ✔ ${result.title.replace(/^ui › /, '')} (${result.durationMs} ms)${result.screenshot ? ` → ${relative(root, result.screenshot)}` : ''}`);
        } else {
          uiFailed++;
          console.log(`    ✘ ${result.title.replace(/^ui › /, '')}\n      ${result.error}`);
        }
      }
    }

    follower.printFailures();
    const passed = end.passed + uiPassed;
    const failed = end.failed + uiFailed;
    console.log(`\n  extension host: ${end.passed} passing, ${end.failed} failing, ${end.pending} pending (${end.durationMs} ms)`);
    if (!options['no-ui']) console.log(`  workbench UI: ${uiPassed} passing, ${uiFailed} failing`);
    console.log(`editor: ${passed} passed, ${failed} failed`);
    succeeded = failed === 0 && passed > 0;
    return succeeded ? 0 : 1;
  } finally {
    clearTimeout(watchdog);
    await browser?.close().catch(() => undefined);
    await stopCodeServer(server);
    if (succeeded && !options.keep) rmSync(run.dir, { recursive: true, force: true });
    else log(`kept ${run.dir} (code-server.log, report.ndjson, workspace copy)`);
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`[editor] ${error instanceof Error ? error.message : String(error)}`);
  if (!(error instanceof SetupError) && error instanceof Error) console.error(error.stack);
  console.log(cutShortSummary());
  process.exitCode = 1;
}
