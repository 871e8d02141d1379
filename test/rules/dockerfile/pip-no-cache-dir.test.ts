import { pipNoCacheDir } from '../../../server/src/rules/dockerfile/pip-no-cache-dir';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(pipNoCacheDir, {
  valid: [
    'FROM python:3.12\nRUN pip install --no-cache-dir requests==2.32.3',
    'FROM python:3.12\nRUN pip3 install requests==2.32.3 --no-cache-dir',
    'FROM python:3.12\nRUN pipx install black && pipenv install',
    'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install requests',
    'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=true pip install requests && export PIP_NO_CACHE_DIR=on && pip install flask',
    'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install requests',
    'FROM python:3.12\nRUN --mount=type=tmpfs,target=/home/app/.cache pip install requests',
    { name: 'inherited from the stage it is built FROM', code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=yes\nFROM base\nRUN pip install six' },
    { name: 'no FROM at all', code: 'ENV PIP_NO_CACHE_DIR=1\nRUN pip install six' },
    { name: 'other pip commands', code: 'FROM python:3.12\nRUN pip freeze && pip download six' },
  ],
  invalid: [
    { name: 'plain install', code: 'FROM python:3.12\nRUN «pip install» requests', messageId: 'cacheDir',
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir requests' },
    { name: 'python -m pip with options before install', code: 'FROM python:3.12\nRUN «python3 -m pip --quiet install» -r requirements.txt',
      output: 'FROM python:3.12\nRUN python3 -m pip --quiet install --no-cache-dir -r requirements.txt' },
    { name: 'falsy PIP_NO_CACHE_DIR, as hadolint reads it', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN «pip install» six\nRUN PIP_NO_CACHE_DIR=off «pip install» six',
      output: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN pip install --no-cache-dir six\nRUN PIP_NO_CACHE_DIR=off pip install --no-cache-dir six' },
    { name: 'ENV after the RUN or in an unrelated stage', code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN «pip install» six\nENV PIP_NO_CACHE_DIR=1',
      output: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install --no-cache-dir six\nENV PIP_NO_CACHE_DIR=1' },
    { name: 'export after the install does not count', code: 'FROM python:3.12\nRUN «pip install» six && export PIP_NO_CACHE_DIR=1',
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir six && export PIP_NO_CACHE_DIR=1' },
    { name: 'ONBUILD, lowercase, continuation, CRLF', code: 'FROM python:3.12\r\nonbuild run «pip \\\r\n  install» six\r\n',
      output: 'FROM python:3.12\r\nonbuild run pip \\\r\n  install --no-cache-dir six\r\n' },
    { name: 'heredoc and exec form', code: 'FROM python:3.12\nRUN <<EOF\n«pip install» six\nEOF\nRUN [«"pip", "install"», "six"]',
      output: 'FROM python:3.12\nRUN <<EOF\npip install --no-cache-dir six\nEOF\nRUN ["pip", "install", "--no-cache-dir", "six"]' },
  ],
});
