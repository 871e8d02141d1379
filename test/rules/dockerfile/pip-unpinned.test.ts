import { pipUnpinned } from '../../../server/src/rules/dockerfile/pip-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(pipUnpinned, {
  valid: [
    'FROM python:3.12\nRUN pip install requests==2.32.3 "flask>=3,<4" \'alabaster!=0.7\' six~=1.16',
    'FROM python:3.12\nRUN pip install -r requirements.txt && pip install --requirement dev.txt && pip install .',
    'FROM python:3.12\nRUN pip install pykafka -c constraints.txt',
    'FROM python:3.12\nRUN pip install ./dist/pkg-1.0-py3-none-any.whl pkg.tar.gz https://example.com/pkg.zip',
    'FROM python:3.12\nRUN pip install git+https://github.com/org/repo.git@v1.2#egg=repo',
    'FROM python:3.12\nRUN pip install --index-url https://user:pass@example.com/simple --target /opt/x --root-user-action ignore x==1',
    'FROM python:3.12\nRUN pipx install --python "$(which python)" "poetry==1.8.5" && pipenv install black',
    { name: 'variables cannot be judged', code: 'FROM python:3.12\nARG PKG\nRUN pip install "$PKG"' },
  ],
  invalid: [
    { name: 'unpinned package', code: 'FROM python:3.12\nRUN pip install «requests»', messageId: 'unpinned', output: null },
    { name: 'flag with an attached value still checks the package', code: 'FROM python:3.12\nRUN pip install --root-user-action=ignore «mypkg»' },
    { name: 'VCS URL without a ref', code: 'FROM python:3.12\nRUN pip install «git+ssh://git@github.com/org/repo.git#egg=repo»' },
    { name: 'python -m pip, pipx, pip3', code: 'FROM python:3.12\nRUN python -m pip install «example» && pipx install «black» && pip3 install -U «pip»' },
    { name: 'ONBUILD, lowercase, continuation, CRLF', code: 'FROM python:3.12\r\nonbuild run pip install \\\r\n  six==1.16 \\\r\n  «flask»\r\n' },
    { name: 'heredoc and multi-stage', code: 'FROM python:3.12 AS a\nRUN <<EOF\npip install «flask»\nEOF\nFROM python:3.12\nRUN pip install «six»' },
  ],
});
