// Installs what the editor tests need, once, offline-safe: the system packages code-server builds
// against, Debian's Chromium, and code-server 4.100.3 (VS Code 1.100.3, the last release that runs
// on Node 20) into the ignored folder .cache/code-server/. Idempotent: returns at once when done.
//
//   node scripts/editor/install-code-server.mjs          # install when missing, print the binary path
//
// Imported by the launchers as ensureCodeServer() / ensureChromium().
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM_PATH = '/usr/bin/chromium';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const installDir = join(root, '.cache', 'code-server');
const marker = join(installDir, `.installed-${CODE_SERVER_VERSION}`);
export const codeServerBin = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

// code-server's lib/vscode pins @vscode/ripgrep 1.15.11 (npm-shrinkwrap.json), whose postinstall
// downloads ripgrep release v13.0.0-10 from GitHub unless
// $TMPDIR/vscode-ripgrep-cache-<version>/ripgrep-<release>-<target>.tar.gz already exists.
// 1.15.14 (release v13.0.0-13) is pre-filled too, in case a patch release moves the pin.
const RIPGREP_CACHES = [
  { packageVersion: '1.15.11', release: 'v13.0.0-10' },
  { packageVersion: '1.15.14', release: 'v13.0.0-13' },
];
const RIPGREP_TARGET = 'x86_64-unknown-linux-musl';

const APT_PACKAGES = [
  { pkg: 'libkrb5-dev', present: () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/krb5/krb5.h') },
  { pkg: 'libx11-dev', present: () => existsSync('/usr/include/X11/Xlib.h') },
  { pkg: 'libxkbfile-dev', present: () => existsSync('/usr/include/X11/extensions/XKBfile.h') },
  { pkg: 'libsecret-1-dev', present: () => existsSync('/usr/include/libsecret-1') },
  { pkg: 'ripgrep', present: () => existsSync('/usr/bin/rg') },
];

function log(message) {
  console.log(`[install-code-server] ${message}`);
}

function fail(message) {
  throw new Error(`[install-code-server] ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) fail(`${command} could not start: ${result.error.message}`);
  return result.status ?? 1;
}

function aptInstall(packages) {
  if (packages.length === 0) return;
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    fail(`missing ${packages.join(', ')}, and apt-get is not available to install them; install them by hand.`);
  }
  log(`installing ${packages.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }) !== 0) fail('apt-get update failed; is the Debian archive reachable?');
  if (run('apt-get', ['install', '-y', '-qq', ...packages], { env }) !== 0) {
    fail(`apt-get install ${packages.join(' ')} failed (are you root?).`);
  }
}

/** Debian's Chromium, which playwright-core drives (Playwright's own browser download is impossible offline). */
export function ensureChromium() {
  if (!existsSync(CHROMIUM_PATH)) aptInstall(['chromium']);
  if (!existsSync(CHROMIUM_PATH)) fail(`Chromium is still missing at ${CHROMIUM_PATH} after apt-get install chromium.`);
  return CHROMIUM_PATH;
}

function prefillRipgrepCache(tmpDir) {
  const rg = '/usr/bin/rg';
  for (const { packageVersion, release } of RIPGREP_CACHES) {
    const cacheDir = join(tmpDir, `vscode-ripgrep-cache-${packageVersion}`);
    const archive = join(cacheDir, `ripgrep-${release}-${RIPGREP_TARGET}.tar.gz`);
    if (existsSync(archive)) continue;
    mkdirSync(cacheDir, { recursive: true });
    // A tar.gz holding Debian's rg as `rg` is all the postinstall unpacks.
    if (run('tar', ['-czf', archive, '-C', dirname(rg), 'rg']) !== 0) fail(`could not write ${archive}`);
  }
}

export function isCodeServerInstalled() {
  return existsSync(marker) && existsSync(codeServerBin);
}

/** Installs code-server into .cache/code-server/ when missing; returns the path of its entry script. */
export function ensureCodeServer() {
  if (isCodeServerInstalled()) return codeServerBin;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail(`this installer knows linux-x64 only (found ${process.platform}-${process.arch}); install code-server ${CODE_SERVER_VERSION} by hand.`);
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) fail(`code-server ${CODE_SERVER_VERSION} needs Node.js 20 (found ${process.version}).`);

  aptInstall(APT_PACKAGES.filter(({ present }) => !present()).map(({ pkg }) => pkg));

  mkdirSync(installDir, { recursive: true });
  const tmpDir = join(installDir, 'tmp');
  prefillRipgrepCache(tmpDir);
  // Our own package.json, so npm never walks up into the project's.
  writeFileSync(join(installDir, 'package.json'), `${JSON.stringify({ name: 'code-server-cache', private: true }, null, 2)}\n`);

  const logPath = join(installDir, 'install.log');
  log(`installing code-server@${CODE_SERVER_VERSION} into ${installDir} (about a minute; log: ${logPath})`);
  const started = Date.now();
  const logFd = openSync(logPath, 'w');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = ['install', '--prefix', installDir, '--no-save', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`];
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) args.push('--unsafe-perm');
  const status = run(npm, args, {
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, TMPDIR: tmpDir, npm_config_yes: 'true', ...(asRoot ? { npm_config_unsafe_perm: 'true' } : {}) },
    timeout: 15 * 60_000,
  });
  closeSync(logFd);
  if (status !== 0 || !existsSync(codeServerBin)) {
    const tail = readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n');
    fail(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${status}); last lines of ${logPath}:\n${tail}`);
  }
  const ripgrep = join(installDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!existsSync(ripgrep)) fail(`code-server installed without ripgrep (${ripgrep}); see ${logPath}.`);
  rmSync(tmpDir, { recursive: true, force: true });
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerBin;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureChromium();
    console.log(ensureCodeServer());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
