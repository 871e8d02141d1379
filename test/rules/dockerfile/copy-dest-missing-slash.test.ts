import { copyDestMissingSlash } from '../../../server/src/rules/dockerfile/copy-dest-missing-slash';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(copyDestMissingSlash, {
  valid: [
    'FROM a\nCOPY foo bar',
    'FROM a\nCOPY foo bar baz/',
    'FROM a\nCOPY foo bar "baz/"',
    'FROM a\nCOPY ["package.json", "yarn.lock", "myapp/"]',
    { name: 'a variable destination may end with a slash', code: 'FROM a\nARG DEST=/app/\nCOPY a b $DEST' },
    { name: 'Windows folder', code: '# escape=`\nFROM a\nCOPY a b C:\\app\\' },
    { name: 'heredoc sources', code: 'FROM a\nCOPY <<one <<two /dst\none\ntwo\n' },
  ],
  invalid: [
    // Found by test/robustness: dockerfile-ast skips the character after an escaped blank, so it and Docker end these
    // instructions in different places, and the slash moved where dockerfile-ast ends them.
    { name: 'an escaped blank before a final escape: no fix', code: '# escape=`\nFROM a\nCOPY a b «c` » `\nRUN x', messageId: 'missingSlash', output: null },
    { name: 'an escaped blank before a no-break space inside a continuation: no fix', code: 'FROM a\nCOPY a b \\\r\n  «\\ \u00a0»\n   \\\n', messageId: 'missingSlash', output: null },
    { name: 'three arguments', code: 'FROM a\nCOPY foo bar «baz»', messageId: 'missingSlash', output: 'FROM a\nCOPY foo bar baz/' },
    { name: 'quoted destination', code: 'FROM a\nCOPY foo bar «"baz"»', messageId: 'missingSlash', output: 'FROM a\nCOPY foo bar "baz/"' },
    { name: 'JSON form', code: 'FROM a\nCOPY ["package.json", "yarn.lock", «"myapp"»]', messageId: 'missingSlash', output: 'FROM a\nCOPY ["package.json", "yarn.lock", "myapp/"]' },
    { name: 'ADD with flags and a continuation', code: 'FROM a\nadd --chown=app a \\\n  b «/opt/app»', messageId: 'missingSlash', output: 'FROM a\nadd --chown=app a \\\n  b /opt/app/' },
    { name: 'CRLF', code: 'FROM a\r\nCOPY a b «c»\r\n', messageId: 'missingSlash', output: 'FROM a\r\nCOPY a b c/\r\n' },
  ],
});
