import { imageDigestUnpinned } from '../../../server/src/rules/dockerfile/image-digest-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

/** The rule is off by default; these cases turn it on. */
const on = { settings: { severityOverrides: { 'image-digest-unpinned': 'warning' as const } } };
const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

ruleTester(imageDigestUnpinned, {
  valid: [
    { name: 'off by default', code: 'FROM postgres:17.2' },
    { code: `FROM postgres:17.2@${DIGEST}`, ...on },
    { code: `FROM postgres@${DIGEST}`, ...on },
    { name: 'untagged is image-untagged\'s finding', code: 'FROM debian', ...on },
    { code: 'FROM scratch', ...on },
    { name: 'previous stage', code: `FROM golang:1.22@${DIGEST} AS build\nFROM build`, ...on },
    { name: 'variable without a default', code: 'FROM ${BASE}', ...on },
    { name: 'ARG default with a digest', code: `ARG BASE=node:20@${DIGEST}\nFROM $BASE`, ...on },
  ],
  invalid: [
    { name: 'version tag', code: 'FROM postgres:«17.2»', messageId: 'unpinned', ...on, output: null, messageIncludes: ['"postgres:17.2"', 'postgres:17.2@sha256:...'] },
    { name: 'latest too', code: 'FROM alpine:«latest»', messageId: 'unpinned', ...on },
    { name: 'registry with port, platform flag, stage name', code: 'FROM --platform=$BUILDPLATFORM registry.example.com:5000/team/app:«2.0» AS app', messageId: 'unpinned', ...on },
    { name: 'ARG default: the FROM image is marked', code: 'ARG BASE=node:20-alpine\nFROM «$BASE»', messageId: 'unpinned', messageIncludes: ['"node:20-alpine"'], ...on },
    { name: 'every external stage', code: `FROM golang:«1.22» AS build\nFROM build AS test\nFROM gcr.io/distroless/static:«nonroot»`, messageIds: ['unpinned', 'unpinned'], ...on },
  ],
});
