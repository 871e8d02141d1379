/** The pure parts of Build Image and Run Container: Dockerfile stages/args/ports, names, ports, .env. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeDockerfile, targetStages } from '../../client/src/model/dockerfile-info';
import { parseDotenv } from '../../client/src/model/dotenv';
import { imageNameProblem, imageReference, suggestImageName, tagInputProblem, tagProblem, tagWarning } from '../../client/src/model/image-naming';
import { parsePortList, portListFromExposed } from '../../client/src/model/port-list';

describe('Dockerfile facts for Build Image', () => {
  const text = [
    'ARG BASE=alpine:3.20',
    'FROM ${BASE} AS deps',
    'ARG NPM_TOKEN',
    'EXPOSE 9999',
    'FROM deps AS Build',
    'ARG NPM_TOKEN',
    'FROM scratch',
    'EXPOSE 8080 53/udp ${PORT} 9000-9010 70000',
  ].join('\n');

  it('lists stages with their names as written, and only named ones as targets', () => {
    const info = describeDockerfile(text);
    assert.deepEqual(info.stages.map((stage) => [stage.index, stage.name, stage.image, stage.line]), [[0, 'deps', '${BASE}', 1], [1, 'Build', 'deps', 4], [2, null, 'scratch', 6]]);
    assert.deepEqual(targetStages(info).map((stage) => stage.name), ['deps', 'Build']);
  });

  it('lists build args once, noting defaults', () => {
    assert.deepEqual(describeDockerfile(text).buildArgs, [{ name: 'BASE', hasDefault: true }, { name: 'NPM_TOKEN', hasDefault: false }]);
  });

  it('takes literal ports exposed by the last stage only', () => {
    assert.deepEqual(describeDockerfile(text).exposedPorts, [{ port: 8080, protocol: 'tcp' }, { port: 53, protocol: 'udp' }]);
    assert.deepEqual(describeDockerfile('').stages, []);
  });
});

describe('image names and tags', () => {
  it('suggests a valid repository name from a folder', () => {
    assert.deepEqual(['My App', 'web_2', '---', 'Ünïcode', 'a...b'].map(suggestImageName), ['my-app', 'web_2', 'app', 'n-code', 'a-b']);
  });

  it('warns about an empty or latest tag, and validates input', () => {
    assert.deepEqual(['', ' ', 'latest', '1.0.0'].map(tagProblem), ['empty', 'empty', 'latest', null]);
    assert.match(tagWarning('empty', 'web'), /tagged "latest"/);
    assert.match(tagWarning('latest', 'web'), /version tag/);
    assert.equal(tagInputProblem('1.0'), null);
    assert.equal(tagInputProblem(''), null);
    assert.match(tagInputProblem('-x') ?? '', /does not start/);
    assert.equal(imageNameProblem('localhost:5000/team/web'), null);
    assert.match(imageNameProblem('web:1') ?? '', /without a tag/);
    assert.match(imageNameProblem('Web') ?? '', /lower-case/);
    assert.match(imageNameProblem('web; rm -rf /') ?? '', /Not a valid image name/);
    assert.deepEqual([imageReference('web', ''), imageReference('web', '1.2')], ['web', 'web:1.2']);
  });
});

describe('the ports field', () => {
  it('parses host:container lists, on 127.0.0.1 unless an address is given', () => {
    const parsed = parsePortList('8080:80, 3000  0.0.0.0:443:8443/tcp,[::1]:53:53/udp');
    assert.deepEqual(parsed, { ok: true, ports: [
      { container: 80, host: 8080, hostIp: '127.0.0.1' },
      { container: 3000, hostIp: '127.0.0.1' },
      { container: 8443, host: 443, hostIp: '0.0.0.0', protocol: 'tcp' },
      { container: 53, host: 53, hostIp: '::1', protocol: 'udp' },
    ] });
    assert.deepEqual(parsePortList(''), { ok: true, ports: [] });
  });

  it('refuses anything else, naming the entry', () => {
    for (const text of ['80:80:80:80', '--privileged', '8080:0', '99999', 'a:b', '80;id']) {
      const parsed = parsePortList(text);
      assert.equal(parsed.ok, false, text);
    }
  });

  it('pre-fills from EXPOSE', () => {
    assert.equal(portListFromExposed(['8080/tcp', '53/udp']), '8080:8080, 53:53/udp');
    assert.equal(portListFromExposed([{ port: 3000, protocol: 'tcp' }]), '3000:3000');
  });
});

describe('.env files', () => {
  it('reads names and values the way Compose does', () => {
    const text = [
      '# comment', '', 'PLAIN=value # trailing comment', 'export EXPORTED=yes', "SINGLE='$NOT_EXPANDED # kept'",
      'DOUBLE="line1\\nline2 \\"q\\""', 'MULTI="a', 'b"', 'EMPTY=', 'SPACED = padded ', 'NAME_ONLY',
    ].join('\n');
    const { variables, problems } = parseDotenv(text);
    assert.deepEqual(Object.fromEntries(variables.map((variable) => [variable.name, variable.value])), {
      PLAIN: 'value', EXPORTED: 'yes', SINGLE: '$NOT_EXPANDED # kept', DOUBLE: 'line1\nline2 "q"', MULTI: 'a\nb', EMPTY: '', SPACED: 'padded',
    });
    assert.deepEqual(problems, []);
  });

  it('reports bad lines by number without their values', () => {
    const { variables, problems } = parseDotenv('1BAD=secret-one\nGOOD=x\nOPEN="secret-two');
    assert.deepEqual(variables, [{ name: 'GOOD', value: 'x' }]);
    assert.deepEqual(problems, ['line 1: "1BAD" is not a variable name', 'line 3: the quoted value of OPEN is not closed']);
    assert.ok(!problems.join(' ').includes('secret'));
  });
});
