import { imageUntagged } from '../../../server/src/rules/dockerfile/image-untagged';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(imageUntagged, {
  valid: [
    'FROM debian:12',
    'FROM ruby@sha256:f1dbca0f5dbc9',
    'FROM scratch',
    { name: 'variable without a default', code: 'FROM ${VALUE}' },
    { name: 'ARG default with a tag', code: 'ARG BASE=node:20-alpine\nFROM $BASE' },
    { name: 'tag given after a variable', code: 'ARG REGISTRY\nFROM ${REGISTRY}/team/app:1.4' },
    { name: 'previous stage by name, any case', code: 'FROM golang:1.22 AS Build\nRUN go build\nFROM build AS test\nRUN go test' },
    { name: 'registry port is not a tag', code: 'FROM registry.example.com:5000/team/app:2.0' },
    { name: 'ARG default naming a stage', code: 'ARG STAGE=build\nFROM alpine:3.20 AS build\nFROM $STAGE' },
  ],
  invalid: [
    { name: 'bare name', code: 'FROM «debian»', messageId: 'untagged', output: null, messageIncludes: ['"debian"'] },
    { name: 'with stage name', code: 'FROM «debian» AS builder', messageId: 'untagged' },
    { name: 'registry with port and no tag', code: 'FROM «localhost:5000/app»', messageId: 'untagged' },
    { name: 'stage name used before it is defined is an image', code: 'FROM «node» AS unit-test\nFROM alpine:3.7 AS node', messageId: 'untagged' },
    { name: 'lowercase from, CRLF', code: 'from «ubuntu» as base\r\nrun echo\r\n', messageId: 'untagged' },
    { name: 'untagged ARG default', code: 'ARG BASE=debian\nFROM «${BASE}»', messageId: 'untaggedDefault', messageIncludes: ['"debian"'] },
    { name: 'ARG default built from another ARG', code: 'ARG DISTRO=alpine\nARG BASE=$DISTRO\nFROM «$BASE»', messageId: 'untaggedDefault' },
    { name: 'only the untagged stage', code: 'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM «node» as unit-test\nONBUILD RUN bar\nFROM alpine:3.7', messageId: 'untagged' },
  ],
});
