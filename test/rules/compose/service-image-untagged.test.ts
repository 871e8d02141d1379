import { serviceImageUntagged } from '../../../server/src/rules/compose/service-image-untagged';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(serviceImageUntagged, {
  valid: [
    'services:\n  db:\n    image: postgres:16.4\n',
    { name: 'digest without tag is pinned', code: 'services:\n  db:\n    image: postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'registry with a port is not a tag', code: 'services:\n  app:\n    image: localhost:5000/team/app:2.1\n' },
    { name: 'latest is the other rule', code: 'services:\n  db:\n    image: postgres:latest\n' },
    { name: 'the tag comes from a variable', code: 'services:\n  app:\n    image: app:${TAG}\n  other:\n    image: ${IMAGE}\n  third:\n    image: registry.example.com/${NAME}\n' },
    { name: 'build names its result', code: 'services:\n  app:\n    build: .\n    image: myapp\n' },
    { name: 'the override pins it', code: 'services:\n  db:\n    image: postgres\n', context: { compose: { after: [{ path: 'compose.override.yaml', text: 'services:\n  db:\n    image: postgres:16\n' }] } } },
    { name: 'suppressed above the service', code: 'services:\n  # container-hygiene ignore=service-image-untagged\n  db:\n    image: postgres\n' },
    { name: 'dclint rule name', code: 'services:\n  db:\n    image: postgres # dclint disable-line service-image-require-explicit-tag\n' },
  ],
  invalid: [
    { name: 'official image', code: 'services:\n  db:\n    image: «postgres»\n', messageId: 'untagged', output: null, messageIncludes: ['"postgres"', 'service "db"'] },
    { name: 'quoted, with a registry', code: 'services:\n  app:\n    image: «"ghcr.io/acme/app"»\n' },
    { name: 'variable registry, literal name', code: 'services:\n  app:\n    image: «${REGISTRY:-docker.io}/acme/app»\n' },
    { name: 'through an alias: at the alias', code: 'x-img: &img redis\nservices:\n  cache:\n    image: «*img»\n' },
    { name: 'through a merge key: at the merge key', code: 'x-base: &base\n  image: redis\nservices:\n  cache:\n    «<<: *base»\n' },
    { name: 'flow style', code: 'services:\n  a: {image: «nginx», ports: ["80:80"]}\n' },
  ],
});
