import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bindsAllInterfaces, parsePortSpec, portRange } from '../../server/src/analysis/compose-ports';
import { isHostPath, parseVolumeSpec } from '../../server/src/analysis/compose-volumes';
import { interpolationRefs, isInterpolated, maskInterpolation } from '../../server/src/analysis/interpolation';

describe('interpolation', () => {
  it('finds $VAR, ${VAR} and every modifier; $$ is a literal', () => {
    assert.deepEqual(interpolationRefs('a $A ${B} ${C:-d} ${E-f} ${G:?err msg} ${H?x} ${I:+y} ${J+z} $$K').map((r) => [r.name, r.operator, r.argument]),
      [['A', '', ''], ['B', '', ''], ['C', ':-', 'd'], ['E', '-', 'f'], ['G', ':?', 'err msg'], ['H', '?', 'x'], ['I', ':+', 'y'], ['J', '+', 'z']]);
    assert.deepEqual(interpolationRefs('${A:-${B:-c}}x').map((r) => [r.name, r.argument, r.end]), [['A', '${B:-c}', 13]]);
    assert.equal(isInterpolated('$$HOME'), false);
    assert.equal(isInterpolated('price: 5$'), false);
    assert.equal(isInterpolated(8080), false);
    assert.equal(isInterpolated('${PORT}:80'), true);
    assert.equal(maskInterpolation('${A:-x}:b', '#'), '#######:b');
  });
});

describe('ports', () => {
  it('short syntax: container only, host:container, ip:host:container, ranges, IPv6, protocol', () => {
    const pick = (spec: unknown): unknown => {
      const p = parsePortSpec(spec);
      return p && [p.hostIp, p.published, p.target, p.protocol];
    };
    assert.deepEqual(pick('80'), [undefined, undefined, '80', 'tcp']);
    assert.deepEqual(pick(80), [undefined, undefined, '80', 'tcp']);
    assert.deepEqual(pick('8080:80'), [undefined, '8080', '80', 'tcp']);
    assert.deepEqual(pick('127.0.0.1:8080:80/udp'), ['127.0.0.1', '8080', '80', 'udp']);
    assert.deepEqual(pick('127.0.0.1::80'), ['127.0.0.1', undefined, '80', 'tcp']);
    assert.deepEqual(pick('[::1]:8080:80'), ['::1', '8080', '80', 'tcp']);
    assert.deepEqual(pick('8000-8010:8000-8010'), [undefined, '8000-8010', '8000-8010', 'tcp']);
    assert.deepEqual(pick('${BIND:-0.0.0.0}:${PORT:-80}:80'), ['${BIND:-0.0.0.0}', '${PORT:-80}', '80', 'tcp']);
    assert.deepEqual(pick({ target: 80, published: '8080', host_ip: '127.0.0.1', protocol: 'UDP' }), ['127.0.0.1', '8080', '80', 'udp']);
    assert.equal(parsePortSpec(true), undefined);
    assert.deepEqual(parsePortSpec('127.0.0.1:8080:80')?.publishedSpan, [10, 14]);
  });

  it('ranges and all-interface addresses', () => {
    assert.deepEqual(portRange('8080'), [8080, 8080]);
    assert.deepEqual(portRange('8000-8010'), [8000, 8010]);
    assert.equal(portRange('${PORT}'), undefined);
    assert.equal(portRange('70000'), undefined);
    assert.ok(bindsAllInterfaces(undefined) && bindsAllInterfaces('0.0.0.0') && bindsAllInterfaces('::'));
    assert.ok(!bindsAllInterfaces('127.0.0.1'));
  });
});

describe('volumes', () => {
  it('short syntax: named, bind, anonymous, modes, Windows paths, variables', () => {
    const pick = (spec: unknown): unknown => {
      const v = parseVolumeSpec(spec);
      return v && [v.type, v.source, v.target, v.readOnly];
    };
    assert.deepEqual(pick('data:/var/lib/postgresql/data'), ['volume', 'data', '/var/lib/postgresql/data', false]);
    assert.deepEqual(pick('./init:/docker-entrypoint-initdb.d:ro'), ['bind', './init', '/docker-entrypoint-initdb.d', true]);
    assert.deepEqual(pick('/data'), ['volume', undefined, '/data', false]);
    assert.deepEqual(pick('C:\\data:/data:rw'), ['bind', 'C:\\data', '/data', false]);
    assert.deepEqual(pick('~/.ssh:/root/.ssh:ro,z'), ['bind', '~/.ssh', '/root/.ssh', true]);
    assert.deepEqual(pick('${DATA:-./data}:/data'), ['bind', '${DATA:-./data}', '/data', false]);
    assert.equal(parseVolumeSpec('${VOL}:/data')?.sourceInterpolated, true);
    assert.deepEqual(pick({ type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock', read_only: true }), ['bind', '/var/run/docker.sock', '/var/run/docker.sock', true]);
    assert.deepEqual(pick({ source: 'data', target: '/d' }), ['volume', 'data', '/d', false]);
    assert.ok(isHostPath('.') && isHostPath('\\\\server\\share') && !isHostPath('data'));
  });
});
