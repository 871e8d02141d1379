import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIgnored, parseDockerignore } from '../../server/src/analysis/dockerignore';

const ignored = (text: string, path: string): boolean => isIgnored(parseDockerignore(text), path);

describe('.dockerignore matching', () => {
  it('matches names, folders, globs and double stars', () => {
    assert.ok(ignored('.git', '.git') && ignored('/.git/', '.git') && ignored('**/.git', '.git') && ignored('**/.git', 'sub/.git'));
    assert.ok(ignored('*.env', '.env') && ignored('.env*', '.env') && ignored('*', '.env'));
    assert.ok(!ignored('.env.local', '.env') && !ignored('# .git', '.git') && !ignored('', '.git'));
  });
  it('excludes what is inside an excluded folder', () => {
    assert.ok(ignored('node_modules', 'node_modules/x/index.js'));
  });
  it('lets the last matching line win', () => {
    assert.ok(!ignored('.env*\n!.env', '.env'));
    assert.ok(ignored('.env*\n!.env.example', '.env'));
    assert.ok(ignored('!.env\n.env', '.env'));
  });
  it('reads CRLF files and character classes', () => {
    assert.ok(ignored('.git\r\n.env\r\n', '.env'));
    assert.ok(ignored('.[eg]nv', '.env') && !ignored('.[!e]nv', '.env'));
  });
});
