// Entry point VS Code's extension host loads through `extensionTestsPath` (code-server's `payload`
// URL or @vscode/test-electron): runs every bundled suite/*.spec.js with mocha and
// reports each event to the launcher, which cannot see the extension host's console.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { emit as report, REPORT_ENV } from './report';

function titleOf(test: Mocha.Runnable): string {
  return test.titlePath().join(' › ');
}

export function run(): Promise<void> {
  // Under our launchers the events below are the output (they print them as they come), so mocha's
  // reporter stays silent (Base only counts); run by anything else, mocha's spec reporter prints.
  const reporter = process.env[REPORT_ENV] ? Mocha.reporters.Base : 'spec';
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter, grep: process.env.CONTAINER_HYGIENE_EDITOR_GREP });
  const suiteDir = join(__dirname, 'suite');
  const specs = readdirSync(suiteDir).filter((name) => name.endsWith('.spec.js')).sort();
  for (const spec of specs) mocha.addFile(join(suiteDir, spec));

  return new Promise((resolve, reject) => {
    const started = Date.now();
    let passed = 0;
    let failed = 0;
    let pending = 0;
    try {
      const runner = mocha.run((failures) => {
        report({ type: 'end', passed, failed, pending, durationMs: Date.now() - started });
        if (failures > 0) reject(new Error(`${failures} editor test(s) failed.`));
        else resolve();
      });
      report({ type: 'start', total: runner.total, specs });
      runner.on('suite', (suite) => { if (suite.title) report({ type: 'suite', title: suite.titlePath().join(' › ') }); });
      runner.on('pass', (test) => { passed++; report({ type: 'pass', title: titleOf(test), durationMs: test.duration ?? 0 }); });
      runner.on('fail', (test, error: Error) => {
        failed++;
        report({ type: 'fail', title: titleOf(test), message: error.message, stack: error.stack ?? '' });
      });
      runner.on('pending', (test) => { pending++; report({ type: 'pending', title: titleOf(test) }); });
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      report({ type: 'fail', title: 'loading the editor specs', message: err.message, stack: err.stack ?? '' });
      report({ type: 'end', passed, failed: failed + 1, pending, durationMs: Date.now() - started });
      reject(err);
    }
  });
}
