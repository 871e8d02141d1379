import { composeVersionObsolete } from '../../../server/src/rules/compose/compose-version-obsolete';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(composeVersionObsolete, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n',
    { name: 'a service field named version is not the top-level key', code: 'services:\n  web:\n    image: nginx:1.27\n    labels:\n      version: "3"\n' },
    { name: 'x- extension named version', code: 'x-version: "3"\nservices: {}\n' },
  ],
  invalid: [
    { name: 'first line, with the blank line after it', code: '«version»: "3.8"\n\nservices:\n  web:\n    image: nginx:1.27\n', messageId: 'obsolete', output: 'services:\n  web:\n    image: nginx:1.27\n' },
    { name: 'keeps the comment above it', code: '# My app\n«version»: \'3\'  # legacy\nservices: {}\n', output: '# My app\nservices: {}\n' },
    { name: 'in the middle, unquoted number', code: 'name: app\n«version»: 3\nservices: {}\n', output: 'name: app\nservices: {}\n' },
    { name: 'at the end without a final newline', code: 'services: {}\n«version»: "2.4"', output: 'services: {}\n' },
    { name: 'CRLF', code: '«version»: "3.8"\r\nservices: {}\r\n', output: 'services: {}\r\n' },
    // Found by test/robustness: the removed value held the anchor a merge key used, which then named nothing.
    { name: 'its value is an anchor that an alias uses: no fix', code: '«version»: &common\n  restart: unless-stopped\nservices:\n  web:\n    <<: *common\n    image: nginx:1.27\n', output: null },
    { name: 'an anchor no alias uses goes with it', code: '«version»: &v "3"\nservices: {}\n', output: 'services: {}\n' },
  ],
});

ruleTester(composeVersionObsolete, {
  valid: [
    { name: 'dclint disable-line on the line', code: 'version: "3" # dclint disable-line no-version-field\nservices: {}\n' },
    { name: 'dclint disable-line on its own line covers the next line', code: '# dclint disable-line no-version-field\nversion: "3"\nservices: {}\n' },
    { name: 'container-hygiene ignore above the key', code: '# container-hygiene ignore=compose-version-obsolete\nversion: "3"\nservices: {}\n' },
    { name: 'file-wide dclint disable', code: '# dclint disable no-version-field\nversion: "3"\nservices: {}\n' },
    { name: 'settings can turn it off by alias', code: 'version: "3"\nservices: {}\n', settings: { ignored: ['no-version-field'] } },
  ],
  invalid: [],
});
