import { goInstallUnpinned } from '../../../server/src/rules/dockerfile/go-install-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(goInstallUnpinned, {
  valid: [
    'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.1',
    'FROM golang:1.23\nRUN go install . && go install ./cmd/... && go install /go/app/foobar',
    'FROM golang:1.23\nRUN go get -tool example.com/tool@v1.2.3 && go get -u ./...',
    'FROM golang:1.23\nRUN go run example.com/pkg@v1.2.3 --foo bar && go run main.go && go run .',
    'FROM golang:1.23\nRUN go install -ldflags "-s -w" -tags netgo example.com/cmd@v1.0.0',
    'FROM golang:1.23\nRUN go build ./... && go mod download',
    { name: 'variables cannot be judged', code: 'FROM golang:1.23\nRUN go install "$TOOL"' },
  ],
  invalid: [
    { name: 'no version', code: 'FROM golang:1.23\nRUN go install «example.com/pkg»', messageId: 'unpinned', output: null },
    { name: '@latest and other moving queries', code: 'FROM golang:1.23\nRUN go install «example.com/pkg@latest» && go get «example.com/x@master»' },
    { name: 'go get -tool and go run', code: 'FROM golang:1.23\nRUN go get -tool «foobar» && go run «example.com/pkg@latest» arg' },
    { name: 'ONBUILD, lowercase, continuation, CRLF', code: 'FROM golang:1.23\r\nonbuild run go install \\\r\n  «example.com/pkg»\r\n' },
    { name: 'heredoc, multi-stage', code: 'FROM golang:1.23 AS a\nRUN <<EOF\ngo install «a.io/b»\nEOF\nFROM golang:1.23\nRUN go install «c.io/d@upgrade»' },
  ],
});
