import { invalidDefaultArgInFrom } from '../../../server/src/rules/dockerfile/invalid-default-arg-in-from';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(invalidDefaultArgInFrom, {
  valid: [
    'ARG VERSION="latest"\nFROM busybox:${VERSION}',
    'ARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}',
    'ARG BUSYBOX_VARIANT\nFROM busybox:stable${BUSYBOX_VARIANT}',
    'ARG REGISTRY=ghcr.io/acme\nARG IMAGE=${REGISTRY}/app:1.0\nFROM $IMAGE',
    'ARG TAG\nFROM node:${TAG:-22}-alpine',
    'FROM --platform=$BUILDPLATFORM golang:1.23',
  ],
  invalid: [
    { name: 'empty tag', code: 'ARG VERSION\nFROM «busybox:$VERSION»', messageId: 'invalid', output: null, messageIncludes: ['"busybox:"'] },
    { name: 'empty image', code: 'ARG IMAGE\nFROM «$IMAGE»', messageId: 'invalid' },
    { name: 'default breaks the name', code: 'ARG SFX="box:"\nFROM «busy${SFX}»', messageId: 'invalid' },
    { name: 'upper-case repository, CRLF', code: 'ARG NAME=MyApp\r\nFROM «$NAME» AS app\r\n', messageId: 'invalid' },
  ],
});
