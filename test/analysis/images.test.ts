import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addUserCommand, builtInUser, distroFamily, dropsPrivilegesInEntrypoint, familiarName, hasFileVariant, isDockerHub,
  officialName, parseImageReference, registryMatches, runsAsNonRootByDefault, type ImageReference,
} from '../../server/src/analysis/images';

function ref(text: string): ImageReference {
  const parsed = parseImageReference(text);
  assert.ok(parsed, `parses ${text}`);
  return parsed;
}

describe('image references', () => {
  it('fills in Docker Hub and library/ for short names', () => {
    const node = ref('node:20-alpine');
    assert.deepEqual([node.registry, node.domain, node.path, node.repository, node.name, node.tag, node.digest], [null, 'docker.io', 'node', 'library/node', 'node', '20-alpine', null]);
    assert.equal(ref('bitnami/redis').repository, 'bitnami/redis');
    assert.equal(ref('docker.io/library/node').repository, 'library/node');
    assert.equal(ref('index.docker.io/zemanlx/ubuntu:18.04').domain, 'docker.io');
  });

  it('treats the first component as a registry only with a dot, a port, localhost or capitals', () => {
    assert.equal(ref('gcr.io/distroless/static').registry, 'gcr.io');
    assert.equal(ref('localhost/app').registry, 'localhost');
    assert.equal(ref('Registry/app').registry, 'Registry');
    assert.equal(ref('team/app').registry, null);
    const withPort = ref('registry.example.com:5000/team/app');
    assert.deepEqual([withPort.registry, withPort.domain, withPort.path, withPort.tag], ['registry.example.com:5000', 'registry.example.com:5000', 'team/app', null]);
  });

  it('separates tag and digest and records where each part is', () => {
    const text = 'ghcr.io/org/app:1.2@sha256:abc';
    const parsed = ref(text);
    assert.deepEqual([parsed.tag, parsed.digest], ['1.2', 'sha256:abc']);
    assert.equal(text.slice(...(parsed.spans.registry ?? [0, 0])), 'ghcr.io');
    assert.equal(text.slice(...parsed.spans.path), 'org/app');
    assert.equal(text.slice(...(parsed.spans.tag ?? [0, 0])), '1.2');
    assert.equal(ref('ruby@sha256:f1dbca0f5dbc9').tag, null);
    assert.equal(ref('foo:5000').tag, '5000');
  });

  it('keeps variables as written and rejects empty or spaced text', () => {
    assert.equal(ref('${REGISTRY}/app:1').hasVariables, true);
    assert.equal(parseImageReference(''), null);
    assert.equal(parseImageReference('node 20'), null);
    assert.equal(parseImageReference('gcr.io/'), null);
  });

  it('names images the way people write them', () => {
    assert.equal(familiarName(ref('docker.io/library/postgres:17')), 'postgres');
    assert.equal(familiarName(ref('bitnami/redis')), 'bitnami/redis');
    assert.equal(familiarName(ref('gcr.io/distroless/static')), 'gcr.io/distroless/static');
    assert.equal(officialName(ref('ghcr.io/library/node')), null);
    assert.ok(isDockerHub('INDEX.docker.io') && isDockerHub('hub.docker.com') && !isDockerHub('ghcr.io'));
  });
});

describe('image knowledge', () => {
  it('knows the distribution family', () => {
    const families = Object.fromEntries(['alpine:3.20', 'node:20-alpine', 'python:3.12-slim', 'node:20', 'ubuntu:24.04', 'busybox', 'scratch', 'fedora:40',
      'redhat/ubi9', 'registry.access.redhat.com/ubi9/ubi-minimal', 'rockylinux:9-minimal', 'gcr.io/distroless/static-debian12', 'mysql:8.4', 'mysql:8.4-debian',
      'mcr.microsoft.com/windows/servercore:ltsc2022', 'myorg/app:1', 'myorg/app:1-bookworm', 'eclipse-temurin:21-ubi9-minimal'].map((name) => [name, distroFamily(ref(name))]));
    assert.deepEqual(families, {
      'alpine:3.20': 'alpine', 'node:20-alpine': 'alpine', 'python:3.12-slim': 'debian', 'node:20': 'debian', 'ubuntu:24.04': 'debian', busybox: 'busybox',
      scratch: 'scratch', 'fedora:40': 'rhel', 'redhat/ubi9': 'rhel', 'registry.access.redhat.com/ubi9/ubi-minimal': 'unknown', 'rockylinux:9-minimal': 'unknown',
      'gcr.io/distroless/static-debian12': 'distroless', 'mysql:8.4': 'rhel', 'mysql:8.4-debian': 'debian', 'mcr.microsoft.com/windows/servercore:ltsc2022': 'windows',
      'myorg/app:1': 'unknown', 'myorg/app:1-bookworm': 'debian', 'eclipse-temurin:21-ubi9-minimal': 'unknown',
    });
  });

  it('creates users with each family\'s tools', () => {
    assert.equal(addUserCommand('alpine', 'app'), 'addgroup -S app && adduser -S -G app app');
    assert.equal(addUserCommand('debian', 'app'), 'groupadd --system app && useradd --system --gid app --create-home app');
    assert.equal(addUserCommand('rhel', 'app'), 'groupadd -r app && useradd -r -g app -m app');
    assert.equal(addUserCommand('distroless', 'app'), null);
    assert.equal(addUserCommand('unknown', 'app'), null);
  });

  it('knows the non-root users images ship', () => {
    assert.deepEqual(builtInUser(ref('node:20-alpine')), { name: 'node', uid: 1000, gid: 1000 });
    assert.equal(builtInUser(ref('gcr.io/distroless/base-debian12'))?.name, 'nonroot');
    assert.equal(builtInUser(ref('mcr.microsoft.com/dotnet/aspnet:8.0'))?.uid, 1654);
    assert.equal(builtInUser(ref('mcr.microsoft.com/dotnet/aspnet:6.0')), null);
    assert.equal(builtInUser(ref('python:3.12')), null);
  });

  it('knows which images need no USER', () => {
    assert.ok(runsAsNonRootByDefault(ref('gcr.io/distroless/static-debian12:nonroot')));
    assert.ok(!runsAsNonRootByDefault(ref('gcr.io/distroless/static-debian12')));
    assert.ok(runsAsNonRootByDefault(ref('bitnami/postgresql:16')) && runsAsNonRootByDefault(ref('nginxinc/nginx-unprivileged:1.27')));
    assert.ok(dropsPrivilegesInEntrypoint(ref('postgres:latest')) && dropsPrivilegesInEntrypoint(ref('docker.io/library/redis:7')));
    assert.ok(!dropsPrivilegesInEntrypoint(ref('bitnami/redis:7')) && !dropsPrivilegesInEntrypoint(ref('nginx:1.27')));
    assert.ok(['grafana/grafana', 'prom/prometheus:v2.53.0', 'quay.io/prometheus/node-exporter', 'docker.elastic.co/elasticsearch/elasticsearch:8.15.0', 'sonarqube:10']
      .every((name) => runsAsNonRootByDefault(ref(name))));
    assert.ok(!runsAsNonRootByDefault(ref('grafana/promtail')) && !runsAsNonRootByDefault(ref('nginx:1.27')) && !runsAsNonRootByDefault(ref('ghcr.io/grafana/grafana')));
  });

  it('knows the _FILE variants of password variables', () => {
    assert.ok(hasFileVariant('POSTGRES_PASSWORD') && hasFileVariant('mysql_root_password'));
    assert.ok(!hasFileVariant('RABBITMQ_DEFAULT_PASS'));
  });

  it('matches trusted-registry settings', () => {
    assert.ok(registryMatches('docker.io', 'index.docker.io'));
    assert.ok(registryMatches('foo.random.com', '*.random.com') && !registryMatches('random.com', '*.random.com'));
    assert.ok(registryMatches('registry.corp:5000', 'registry.corp') && !registryMatches('registry.corp:5000', 'registry.corp:5001'));
    assert.ok(registryMatches('ghcr.io', '*') && !registryMatches('ghcr.io', 'docker.io'));
  });
});
