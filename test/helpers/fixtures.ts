import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');

/** Every Dockerfile among the test fixtures and the example workspace, as [name, text]. */
export function dockerfileFixtures(): [string, string][] {
  const found: [string, string][] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/(^|\.)(Dockerfile|Containerfile)$|\.dockerfile$/i.test(name) || /^Dockerfile/.test(name)) found.push([relative(repoRoot, path), readFileSync(path, 'utf8')]);
    }
  };
  walk(join(repoRoot, 'test', 'fixtures', 'dockerfiles'));
  walk(join(repoRoot, 'examples'));
  return found;
}
