// Bundles the extension client, the language server and the CLI with esbuild.
import { build } from 'esbuild';
import { generateValidators } from './generate-validators.mjs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
const watch = process.argv.includes('--watch');

/**
 * The generated Compose validators (0.7 MB of code) are a bundle of their own, dist/compose-validators.js,
 * which the server and the CLI load when they first validate a Compose file: inside their bundles, the
 * code alone cost every server about 5 MB of memory at start, Dockerfile-only sessions included.
 */
const validatorsApart = {
  name: 'compose-validators-apart',
  setup(bundle) {
    bundle.onResolve({ filter: /[\\/]schemas[\\/]compose-validators$/ }, () => ({ path: './compose-validators.js', external: true }));
  },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, plugins: [validatorsApart] },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [validatorsApart] },
  { entryPoints: ['server/src/schemas/compose-validators.js'], outfile: 'dist/compose-validators.js' },
];

const started = Date.now();
// The Compose schema's validators are compiled to code before bundling (see generate-validators.mjs).
generateValidators();
await Promise.all(entries.map((entry) => build({ ...common, ...entry, minify: !watch })));
console.log(`built ${entries.length} bundles in ${Date.now() - started} ms`);
