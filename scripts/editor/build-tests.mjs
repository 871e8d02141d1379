// Bundles the editor suite for VS Code's extension host: out/test/editor/index.js (the
// `extensionTestsPath`) and one out/test/editor/suite/<name>.spec.js per spec, which index.js hands
// to mocha. `vscode` comes from the extension host; mocha from node_modules.
import { build } from 'esbuild';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const testsOutDir = join(root, 'out', 'test', 'editor');
export const testsEntry = join(testsOutDir, 'index');
/** An empty extension to name as extensionDevelopmentPath when the extension under test is an installed .vsix. */
export const stubExtensionDir = join(testsOutDir, 'stub-extension');

export async function buildEditorTests() {
  const suiteDir = join(root, 'test', 'editor', 'suite');
  const specs = readdirSync(suiteDir).filter((name) => name.endsWith('.spec.ts')).map((name) => join(suiteDir, name));
  rmSync(testsOutDir, { recursive: true, force: true });
  await build({
    entryPoints: [join(root, 'test', 'editor', 'index.ts'), ...specs],
    outbase: join(root, 'test', 'editor'),
    outdir: testsOutDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  cpSync(join(root, 'test', 'editor', 'stub-extension'), stubExtensionDir, { recursive: true });
  return { entry: testsEntry, specs: specs.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { specs } = await buildEditorTests();
  console.log(`built the editor suite (${specs} specs) into ${testsOutDir}`);
}
