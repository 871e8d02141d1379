import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ComposeDoc } from '../../server/src/analysis/compose-doc';
import { canonicalHostPath, isDatabaseImage, databaseOfPort, serviceSettings } from '../../server/src/analysis/compose-hardening';
import { parseImageReference } from '../../server/src/analysis/images';

describe('compose-hardening', () => {
  it('canonical host paths: home spellings, dots and slashes; relative, Windows and variable paths are not judged', () => {
    assert.deepEqual(['/etc/', '//var//run/', '/a/./b/../c', '/..', '~', '$HOME/.ssh', '${HOME}/.aws/', '~/.kube/config'].map(canonicalHostPath),
      ['/etc', '/var/run', '/a/c', '/', '~', '~/.ssh', '~/.aws', '~/.kube/config']);
    assert.deepEqual(['./data', 'data', 'C:\\Users', '${ROOT}/etc', '$HOMEDIR/x'].map(canonicalHostPath), [undefined, undefined, undefined, undefined, undefined]);
  });

  it('settings follow extends within the project, and cycles end', () => {
    const doc = new ComposeDoc('services:\n  base:\n    image: nginx:1.27\n    read_only: true\n  web:\n    extends: base\n    user: app\n  a:\n    extends: b\n  b:\n    extends: a\n');
    const [base, web, a, b] = serviceSettings(doc);
    assert.equal(base.image?.name, 'nginx');
    assert.deepEqual([web.settings.read_only, web.settings.user, web.image?.name, web.reportsMissing], [true, 'app', 'nginx', true]);
    assert.deepEqual([a.reportsMissing, b.reportsMissing], [false, false], 'a cycle is treated as unknown');
  });

  it('missing settings are reported once: in the base file, not in its override', () => {
    const base = { path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n' };
    const override = new ComposeDoc('services:\n  web:\n    ports: ["80:80"]\n  mail:\n    image: axllent/mailpit:v1.20\n', { compose: { before: [base] } });
    assert.deepEqual(serviceSettings(override).map((entry) => [entry.service.name, entry.reportsMissing, entry.image?.name]), [['web', false, 'nginx'], ['mail', true, 'mailpit']]);
  });

  it('images with variables: the name must be literal, a hidden tag is noted', () => {
    const [tagged, named] = serviceSettings(new ComposeDoc('services:\n  a:\n    image: ghcr.io/acme/app:${TAG:-1.0}\n  b:\n    image: ${IMAGE}\n'));
    assert.deepEqual([tagged.image?.repository, tagged.image?.tag, tagged.tagHidden], ['acme/app', null, true]);
    assert.equal(named.image, undefined);
  });

  it('knows database images and ports', () => {
    const image = (text: string) => parseImageReference(text)!;
    assert.ok(isDatabaseImage(image('postgres:17')) && isDatabaseImage(image('bitnami/redis:7')) && isDatabaseImage(image('mcr.microsoft.com/mssql/server:2022-latest')));
    assert.ok(!isDatabaseImage(image('nginx:1.27')));
    assert.deepEqual(['5432', '6379', '80', '8000-8010', undefined].map(databaseOfPort), ['PostgreSQL', 'Redis', undefined, undefined, undefined]);
  });
});
