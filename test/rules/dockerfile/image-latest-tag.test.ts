import { imageLatestTag } from '../../../server/src/rules/dockerfile/image-latest-tag';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(imageLatestTag, {
  valid: ['FROM postgres:17.2', 'FROM postgres:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'FROM alpine:3.20 AS latest\nFROM latest'],
  invalid: [
    { name: "the seed's Postgres Dockerfile", code: 'FROM postgres:«latest»\nENV POSTGRES_DB=mydatabase', messageId: 'latest', output: null },
    { name: 'registry with port', code: 'FROM registry.example.com:5000/team/app:«latest» AS app', messageId: 'latest' },
  ],
});
