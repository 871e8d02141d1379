import { copyArchiveThenExtract } from '../../../server/src/rules/dockerfile/copy-archive-then-extract';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(copyArchiveThenExtract, {
  valid: [
    'FROM a\nCOPY package.json /usr/src/app',
    { name: 'archive kept, not extracted', code: 'FROM a\nCOPY packaged-app.tar /usr/src/app\nFROM debian:11 AS newstage\nRUN tar -xf packaged-app.tar' },
    { name: 'copied from another stage', code: 'FROM a\nCOPY --from=builder /usr/local/share/some.tar /opt/some.tar\nRUN tar -xf /opt/some.tar' },
    { name: 'tar creating, not extracting', code: 'FROM a\nCOPY app.tar /tmp/\nRUN tar -cf backup.tar /tmp/app.tar' },
  ],
  invalid: [
    { name: 'copy then tar -x', code: 'FROM a\nCOPY «packaged-app.tar» /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar', messageId: 'useAdd', output: null,
      messageIncludes: ['line 3'] },
    { name: 'extract later in a chain', code: 'FROM a\nCOPY «packaged-app.tar» /usr/src/app\nWORKDIR /usr/src/app\nRUN foo bar && echo something && tar -xzf packaged-app.tar', messageId: 'useAdd' },
    { name: 'the destination names the archive', code: 'FROM a\nCOPY foo/bar/packaged-app.tar «/foo.tar»\nRUN tar -xf /foo.tar', messageId: 'useAdd' },
    { name: 'Windows paths', code: 'FROM a\nCOPY «build\\foo\\bar.tar.gz» "C:\\Program Files\\Foo"\nRUN tar -xf "C:\\Program Files\\Foo\\bar.tar.gz"', messageId: 'useAdd' },
    { name: 'gunzip and old-style tar flags', code: 'FROM a\nCOPY «a.gz» «b.tgz» /tmp/\nRUN gunzip /tmp/a.gz && tar xzf /tmp/b.tgz', messageId: 'useAdd' },
    { name: 'ONBUILD RUN extracts it', code: 'FROM a\nCOPY «app.tar.xz» /opt/\nONBUILD RUN tar --extract -f /opt/app.tar.xz', messageId: 'useAdd' },
  ],
});
