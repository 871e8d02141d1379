/** The Markdown of Inspect Volume / Inspect Image: every engine value in inline code, nothing injected. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { code, renderImageReport, renderVolumeReport } from '../../client/src/model/reports';

const now = new Date('2026-11-28T12:00:00Z');

describe('inspect reports', () => {
  it('shows a volume with its size, users and files', () => {
    const markdown = renderVolumeReport({
      details: { name: 'app-data', driver: 'local', mountpoint: '/var/lib/docker/volumes/app-data/_data', createdAt: new Date('2026-11-27T12:00:00Z'), labels: { team: 'web' }, options: {}, scope: 'local', anonymous: false },
      users: [{ id: 'a'.repeat(64), names: ['web'], image: 'web:1.0', state: 'running', status: 'Up', labels: {}, mounts: ['app-data'] }],
      size: { name: 'app-data', sizeBytes: 1500, sizeText: '1.5kB', links: 1 },
      files: { files: [{ path: '/sub', type: 'directory', sizeBytes: 4096, modified: null }, { path: '/sub/a.txt', type: 'file', sizeBytes: 1500, modified: null }], truncated: false },
      helperImage: 'busybox:1.36', now,
    });
    assert.equal(markdown, [
      '# Volume `app-data`', '', '| | |', '|---|---|',
      '| Driver | `local` |', '| Mountpoint | `/var/lib/docker/volumes/app-data/_data` |', '| Created | 2026-11-27T12:00:00.000Z (1 day ago) |',
      '| Size | 1.50 kB |', '| Anonymous | no: a named volume |', '| Scope | `local` |',
      '', '## Labels', '', '- `team` = `web`',
      '', '## Used by', '', '- `web` (running) from `web:1.0`',
      '', '## Files', '', 'Listed read-only by a short-lived helper container (`busybox:1.36`, no network).', '',
      '- `/sub/`', '- `/sub/a.txt` 1.50 kB', '',
    ].join('\n'));
  });

  it('says why files are missing, and that an unused volume has no users', () => {
    const markdown = renderVolumeReport({
      details: { name: 'f'.repeat(64), driver: 'local', mountpoint: '', createdAt: null, labels: {}, options: { type: 'tmpfs' }, scope: null, anonymous: true },
      users: [], size: null, files: { error: 'The volume helper image x is not available.' }, helperImage: 'x', now,
    });
    assert.match(markdown, /\| Anonymous \| yes/);
    assert.match(markdown, /## Driver options\n\n- `type` = `tmpfs`/);
    assert.match(markdown, /No container, running or stopped, uses this volume\./);
    assert.match(markdown, /Could not list the files: The volume helper image x is not available\./);
    assert.match(markdown, /\| Size \| unknown/);
  });

  it('keeps hostile names and labels inside code spans', () => {
    assert.equal(code('a`b'), '``a`b``');
    assert.equal(code('`x`'), '`` `x` ``');
    assert.equal(code('<img src=x onerror=alert(1)>\n# heading'), '`<img src=x onerror=alert(1)> # heading`');
    assert.equal(code(''), '*(empty)*');
  });

  it('shows an image without its environment values', () => {
    const markdown = renderImageReport({
      id: 'sha256:abc', repoTags: ['web:1.0'], repoDigests: [], created: null, sizeBytes: 2_000_000, user: '', exposedPorts: ['8080/tcp'],
      envNames: ['PATH', 'API_TOKEN'], entrypoint: [], cmd: ['node', 'server.js'], workingDir: '/app', volumes: [], labels: {}, os: 'linux', architecture: 'amd64',
    }, now);
    assert.match(markdown, /^# Image `web:1\.0`/);
    assert.match(markdown, /\| User \| root \(no USER set\) \|/);
    assert.match(markdown, /\| Environment \| `PATH`, `API_TOKEN` \|/);
    assert.match(markdown, /\| Command \| `\["node","server\.js"\]` \|/);
    assert.match(markdown, /\| Digests \| none \(never pushed or pulled\) \|/);
  });
});
