import { addInsteadOfCopy } from '../../../server/src/rules/dockerfile/add-instead-of-copy';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(addInsteadOfCopy, {
  valid: [
    'FROM a\nADD file.tar /usr/src/app/',
    'FROM a\nADD "file.tgz" /usr/src/app/',
    'FROM a\nADD https://example.com/app.jar /opt/app.jar',
    'FROM a\nADD git@github.com:moby/buildkit.git /src',
    'FROM a\nCOPY file /usr/src/app/',
    { name: 'one archive among the sources', code: 'FROM a\nADD notes.txt rootfs.tar.xz /' },
  ],
  invalid: [
    { name: 'local file', code: 'FROM a\n«ADD» file /usr/src/app/', messageId: 'useCopy', output: 'FROM a\nCOPY file /usr/src/app/' },
    { name: 'zip is not unpacked by ADD', code: 'FROM a\n«ADD» "file.zip" /usr/src/app/', messageId: 'useCopy', output: 'FROM a\nCOPY "file.zip" /usr/src/app/' },
    { name: 'flags COPY also has', code: 'FROM a\n«add» --chown=app:app --chmod=644 ["conf", "/etc/app/"]', messageId: 'useCopy', output: 'FROM a\ncopy --chown=app:app --chmod=644 ["conf", "/etc/app/"]' },
    { name: 'a variable may hold a URL: no fix', code: 'FROM a\nARG SRC\n«ADD» $SRC /opt/', messageId: 'useCopy', output: null },
    { name: 'ADD flag without a COPY equivalent: no fix', code: 'FROM a\n«ADD» --keep-git-dir=true src /src', messageId: 'useCopy', output: null },
    { name: 'ONBUILD ADD', code: 'FROM a\nONBUILD «ADD» . /app/src', messageId: 'useCopy', output: 'FROM a\nONBUILD COPY . /app/src' },
    { name: 'line continuation and CRLF', code: 'FROM a\r\n«ADD» a \\\r\n  b /dst/\r\n', messageId: 'useCopy', output: 'FROM a\r\nCOPY a \\\r\n  b /dst/\r\n' },
  ],
});
