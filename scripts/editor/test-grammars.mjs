// Runs the grammar tests in syntaxes/test/ with vscode-tmgrammar-test, against the grammars VS Code
// 1.100.3 itself ships for YAML, shell and Dockerfile (ours include or inject into them), taken from
// the code-server install in .cache/code-server/ (installed when missing).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer, installDir } from './install-code-server.mjs';
import { root } from './prepare.mjs';

ensureCodeServer();
const builtin = join(installDir, 'node_modules', 'code-server', 'lib', 'vscode', 'extensions');
const yamlDir = join(builtin, 'yaml', 'syntaxes');
const vscodeGrammars = [
  ...readdirSync(yamlDir).filter((name) => name.endsWith('.tmLanguage.json')).map((name) => join(yamlDir, name)),
  join(builtin, 'shellscript', 'syntaxes', 'shell-unix-bash.tmLanguage.json'),
  join(builtin, 'docker', 'syntaxes', 'docker.tmLanguage.json'),
];
const testDir = join(root, 'syntaxes', 'test');
const cases = readdirSync(testDir).filter((name) => /\.test\./.test(name)).map((name) => join('syntaxes', 'test', name));
// Our grammars come from package.json's contributes.grammars (with injectTo), as in VS Code.
const runner = [join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js'), '--config', join(root, 'package.json'),
  ...vscodeGrammars.flatMap((grammar) => ['-g', grammar])];
let failed = 0;
for (const testCase of cases) {
  const result = spawnSync(process.execPath, [...runner, testCase], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
console.log(`grammars: ${cases.length - failed} passed, ${failed} failed`);
process.exit(cases.length > 0 && failed === 0 ? 0 : 1);
