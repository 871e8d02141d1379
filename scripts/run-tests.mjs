// Runs node's test runner (through tsx) over every *.test.ts under the given folders.
// Node 20's runner does not expand globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateValidators } from './generate-validators.mjs';

const roots = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const passThrough = process.argv.slice(2).filter((arg) => arg.startsWith('--'));

function collect(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...collect(path));
    else if (name.endsWith('.test.ts')) files.push(path);
  }
  return files;
}

const files = roots.flatMap((root) => (statSync(root).isDirectory() ? collect(root) : [root]));
if (files.length === 0) {
  console.error(`No test files under ${roots.join(', ')}`);
  process.exit(1);
}
// Tests run the sources, which import the generated Compose validators.
generateValidators();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...passThrough, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
