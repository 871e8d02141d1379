import { registryUntrusted } from '../../../server/src/rules/dockerfile/registry-untrusted';
import { ruleTester } from '../../helpers/rule-tester';

const trusted = (...trustedRegistries: string[]) => ({ settings: { trustedRegistries } });

ruleTester(registryUntrusted, {
  valid: [
    { name: 'silent without a trusted list', code: 'FROM random.com/debian:12' },
    { name: 'listed registry', code: 'FROM random.com/debian:12', ...trusted('x.com', 'random.com') },
    { name: 'scratch', code: 'FROM scratch', ...trusted('x.com') },
    { name: 'every spelling of Docker Hub', code: 'FROM ubuntu:18.04 AS a\nFROM zemanlx/ubuntu:18.04 AS b\nFROM docker.io/zemanlx/ubuntu:18.04 AS c\nFROM index.docker.io/library/debian:12', ...trusted('docker.io') },
    { name: 'hub.docker.com in the setting means Docker Hub', code: 'FROM debian:12', ...trusted('hub.docker.com') },
    { name: 'previous stage', code: 'FROM random.com/foo:1 AS builder1\nFROM builder1 AS builder2', ...trusted('random.com') },
    { name: 'wildcard subdomain', code: 'FROM foo.random.com/debian:12', ...trusted('x.com', '*.random.com') },
    { name: 'star trusts all', code: 'FROM quay.io/a/b:1\nFROM debian:12', ...trusted('*') },
    { name: 'entry without port trusts every port', code: 'FROM registry.corp:5000/app:1', ...trusted('registry.corp') },
    { name: 'COPY --from a stage or an index', code: 'FROM trusted.com/a:1 AS build\nFROM trusted.com/b:1\nCOPY --from=build /a /a\nCOPY --from=0 /b /b', ...trusted('trusted.com') },
    { name: 'RUN --mount from a trusted registry', code: 'FROM trusted.com/a:1\nRUN --mount=type=cache,from=trusted.com/repo/image:tag,target=/foo foobar', ...trusted('trusted.com') },
    { name: 'unresolvable variable', code: 'ARG REGISTRY\nFROM ${REGISTRY}/app:1', ...trusted('trusted.com') },
  ],
  invalid: [
    { name: 'registry not listed', code: 'FROM «random.com»/debian:12', ...trusted('docker.io'), messageId: 'untrusted', output: null, messageIncludes: ['random.com', 'docker.io'] },
    { name: 'Docker Hub images when only a private registry is trusted', code: 'FROM «ubuntu»:18.04 AS builder1\nFROM «zemanlx/ubuntu»:18.04 AS builder2\nFROM «docker.io»/zemanlx/ubuntu:18.04 AS builder3', ...trusted('trusted.com'), messageId: 'untrusted' },
    { name: 'wildcard does not match another domain', code: 'FROM «x.com»/debian:12', ...trusted('*.random.com'), messageId: 'untrusted' },
    { name: 'port given in the setting must match', code: 'FROM «registry.corp:5001»/app:1', ...trusted('registry.corp:5000'), messageId: 'untrusted' },
    { name: 'COPY --from an image', code: 'COPY --from=«untrusted.com»/repo/image:tag /foo /bar', ...trusted('trusted.com'), messageId: 'untrusted' },
    { name: 'RUN --mount from an image', code: 'RUN --mount=type=bind,from=«untrusted.com»/repo/image:tag,target=/foo foobar', ...trusted('trusted.com'), messageId: 'untrusted' },
    { name: 'ARG default expanded', code: 'ARG BASE=quay.io/org/app:1\nFROM «$BASE»', ...trusted('trusted.com'), messageId: 'untrusted', messageIncludes: ['quay.io'] },
    { name: 'lowercase, CRLF', code: 'from «ghcr.io»/org/app:1\r\n', ...trusted('trusted.com'), messageId: 'untrusted' },
  ],
});
