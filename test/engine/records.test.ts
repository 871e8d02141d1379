/** Parsing the CLI's JSON into typed records; samples are lines docker 28 printed against engine 20.10. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EngineError, formatAge, formatBytes, parseHumanSize, parsePasswd, suggestRunUser } from '../../client/src/engine';
import { parseImageDetails, parseVolumeDetails } from '../../client/src/engine/inspect-records';
import { parseLabelList } from '../../client/src/engine/json-shape';
import {
  parseContainerSummary, parseContextSummary, parseDiskUsageVolumes, parseImageSummary, parseVersion, parseVolumeSummary,
} from '../../client/src/engine/records';
import { parseEngineDate } from '../../client/src/engine/sizes';
import { firstFileInTar } from '../../client/src/engine/tar';
import { parseStatLines } from '../../client/src/engine/volume-files';
import { parsePruneOutput } from '../../client/src/engine/volumes';

const IMAGE_LINE = '{"Containers":"N/A","CreatedAt":"2026-11-28 15:53:42 +0000 UTC","CreatedSince":"1 second ago","Digest":"\\u003cnone\\u003e","ID":"f7b41d57f7d0","Repository":"chx-probe","SharedSize":"N/A","Size":"1.98MB","Tag":"1","UniqueSize":"N/A","VirtualSize":"1.982MB"}';
const CONTAINER_LINE = '{"Command":"\\"true\\"","CreatedAt":"2026-11-28 15:53:46 +0000 UTC","ID":"a273ed1a33ec","Image":"chx-probe:1","Labels":"container-hygiene.test=1,note=a,b","LocalVolumes":"1","Mounts":"chx-vol","Names":"chx-c1","Networks":"bridge","Platform":null,"Ports":"","RunningFor":"1 second ago","Size":"0B (virtual 1.98MB)","State":"exited","Status":"Exited (0) Less than a second ago"}';
const VOLUME_LINE = '{"Availability":"N/A","Driver":"local","Group":"N/A","Labels":"container-hygiene.test=1","Links":"N/A","Mountpoint":"/var/lib/docker/volumes/chx-vol/_data","Name":"chx-vol","Scope":"local","Size":"N/A","Status":"N/A"}';
const VOLUME_INSPECT = '{"CreatedAt":"2026-11-28T15:53:46Z","Driver":"local","Labels":{"container-hygiene.test":"1"},"Mountpoint":"/var/lib/docker/volumes/chx-vol/_data","Name":"chx-vol","Options":null,"Scope":"local"}';
const DF_LINE = '{"Images":[],"Containers":[],"Volumes":[{"Availability":"N/A","Driver":"local","Group":"N/A","Labels":"container-hygiene.test=1","Links":"0","Mountpoint":"/var/lib/docker/volumes/chx-vol/_data","Name":"chx-vol","Scope":"local","Size":"5B","Status":"N/A"}],"BuildCache":[]}';
const CONTEXT_LINE = '{"Current":true,"Description":"Current DOCKER_HOST based configuration","DockerEndpoint":"unix:///var/run/docker.sock","Error":"","Name":"default"}';

describe('records from list output', () => {
  it('images', () => {
    const image = parseImageSummary(JSON.parse(IMAGE_LINE));
    assert.deepEqual({ ...image, createdAt: image.createdAt?.toISOString() }, {
      id: 'f7b41d57f7d0', repository: 'chx-probe', tag: '1', digest: null, createdAt: '2026-11-28T15:53:42.000Z',
      sizeBytes: 1_980_000, sizeText: '1.98MB', reference: 'chx-probe:1',
    });
    assert.equal(parseImageSummary({ ID: 'abc123abc123', Repository: '<none>', Tag: '<none>' }).reference, 'abc123abc123');
  });

  it('containers, with labels whose values hold commas', () => {
    const container = parseContainerSummary(JSON.parse(CONTAINER_LINE));
    assert.deepEqual(container, {
      id: 'a273ed1a33ec', names: ['chx-c1'], image: 'chx-probe:1', state: 'exited', status: 'Exited (0) Less than a second ago',
      labels: { 'container-hygiene.test': '1', note: 'a,b' }, mounts: ['chx-vol'],
    });
    assert.equal(parseContainerSummary({ ID: 'x', Names: 'n', Image: 'i', Status: 'Up 3 seconds' }).state, 'running');
  });

  it('volumes, volume inspect and disk usage', () => {
    assert.deepEqual(parseVolumeSummary(JSON.parse(VOLUME_LINE)), {
      name: 'chx-vol', driver: 'local', scope: 'local', labels: { 'container-hygiene.test': '1' }, mountpoint: '/var/lib/docker/volumes/chx-vol/_data',
    });
    const details = parseVolumeDetails(JSON.parse(VOLUME_INSPECT));
    assert.equal(details.anonymous, false);
    assert.equal(details.createdAt?.toISOString(), '2026-11-28T15:53:46.000Z');
    assert.deepEqual(details.options, {});
    assert.equal(parseVolumeDetails({ ...JSON.parse(VOLUME_INSPECT), Name: 'f'.repeat(64) }).anonymous, true);
    assert.equal(parseVolumeDetails({ ...JSON.parse(VOLUME_INSPECT), Labels: { 'com.docker.volume.anonymous': '' } }).anonymous, true);
    assert.deepEqual(parseDiskUsageVolumes(JSON.parse(DF_LINE)), [{ name: 'chx-vol', sizeBytes: 5, sizeText: '5B', links: 0 }]);
  });

  it('contexts and version, with and without an engine', () => {
    assert.deepEqual(parseContextSummary(JSON.parse(CONTEXT_LINE)), {
      name: 'default', current: true, description: 'Current DOCKER_HOST based configuration', endpoint: 'unix:///var/run/docker.sock', error: null,
    });
    assert.deepEqual(parseVersion({ Client: { Version: '28.2.2', Context: 'default' }, Server: null }), {
      clientVersion: '28.2.2', serverVersion: null, serverApiVersion: null, context: 'default',
    });
  });

  it('image inspect keeps env names, not values', () => {
    const details = parseImageDetails({
      Id: 'sha256:f7', RepoTags: ['a:1'], RepoDigests: [], Created: '2026-11-28T15:53:42.413349967Z', Size: 1982291,
      Config: { ExposedPorts: { '8080/tcp': {} }, Env: ['PATH=/bin', 'SECRET=hunter2'], User: 'app', Labels: null, Entrypoint: null, Cmd: ['sh'] },
    });
    assert.deepEqual(details.envNames, ['PATH', 'SECRET']);
    assert.ok(!JSON.stringify(details).includes('hunter2'));
    assert.deepEqual([details.user, details.exposedPorts, details.cmd, details.entrypoint, details.labels], ['app', ['8080/tcp'], ['sh'], [], {}]);
  });

  it('refuses output of the wrong shape with a message naming the field', () => {
    const bad: [() => unknown, RegExp][] = [
      [() => parseImageSummary('text'), /not a JSON object/],
      [() => parseImageSummary({ Repository: 'x' }), /field ID is missing/],
      [() => parseContainerSummary({ ID: 'x', Names: 3n }), /Names/],
      [() => parseVolumeDetails({ Name: 'v', Driver: 'local', Labels: { a: 1 } }), /Labels\.a/],
      [() => parseImageDetails({ Id: 'x', RepoDigests: 'sha' }), /RepoDigests/],
    ];
    for (const [parse, message] of bad) {
      assert.throws(parse, (error: unknown) => error instanceof EngineError && error.kind === 'bad-output' && message.test(error.message));
    }
  });
});

describe('text the CLI prints', () => {
  it('human sizes, dates and ages', () => {
    assert.deepEqual(['5B', '1.98MB', '2.3kB', '1.5GiB', '0B (virtual 1.98MB)', 'N/A', ''].map(parseHumanSize), [5, 1_980_000, 2300, 1_610_612_736, 0, null, null]);
    assert.deepEqual([0, 999, 1000, 1_982_291, 12_500_000_000].map(formatBytes), ['0 B', '999 B', '1.00 kB', '1.98 MB', '12.5 GB']);
    assert.equal(parseEngineDate('2026-11-28 15:53:42 +0100 CET')?.toISOString(), '2026-11-28T14:53:42.000Z');
    assert.equal(parseEngineDate('garbage'), null);
    const now = new Date('2026-11-28T12:00:00Z');
    assert.equal(formatAge(new Date('2026-11-25T11:00:00Z'), now), '3 days ago');
    assert.equal(formatAge(new Date('2026-11-28T11:59:30Z'), now), 'just now');
  });

  it('prune output', () => {
    assert.deepEqual(parsePruneOutput('Deleted Volumes:\nchx-vol\nchx-vol2\n\nTotal reclaimed space: 5B\n'), { deleted: ['chx-vol', 'chx-vol2'], reclaimedBytes: 5, reclaimedText: '5B' });
    assert.deepEqual(parsePruneOutput('Total reclaimed space: 0B\n'), { deleted: [], reclaimedBytes: 0, reclaimedText: '0B' });
  });

  it('label lists', () => {
    assert.deepEqual(parseLabelList('a=1,b=x,y,c='), { a: '1', b: 'x,y', c: '' });
  });

  it('stat lines from the helper container', () => {
    const output = 'directory|4096|1764345226|/volume/sub\nregular file|3|1764345226|/volume/a|b.txt\nsymbolic link|1|0|/volume/l\nnoise\n';
    const list = parseStatLines(output, 10);
    assert.deepEqual(list.files.map((file) => [file.path, file.type, file.sizeBytes]), [['/a|b.txt', 'file', 3], ['/l', 'symlink', 1], ['/sub', 'directory', 4096]]);
    assert.equal(parseStatLines(output, 2).truncated, true);
  });

  it('passwd and the user to suggest', () => {
    const entries = parsePasswd('root:x:0:0:root:/root:/bin/sh\n# comment\nnobody:x:65534:65534::/:/sbin/nologin\nnode:x:1000:1000::/home/node:/bin/bash\nbroken\n');
    assert.deepEqual(entries.map((entry) => [entry.name, entry.uid]), [['root', 0], ['nobody', 65534], ['node', 1000]]);
    assert.deepEqual(suggestRunUser('', entries), { user: 'node', reason: 'the image runs as root but ships the user "node" (uid 1000)' });
    assert.equal(suggestRunUser('app', entries).user, null);
    assert.equal(suggestRunUser('0:0', entries.slice(0, 2)).user, null);
  });

  it('the first file of a tar stream', () => {
    const header = Buffer.alloc(512);
    header.write('passwd', 0);
    header.write('00000000013\0', 124);
    header.write('0', 156);
    const body = Buffer.alloc(512);
    body.write('root:x:0:0:');
    const archive = Buffer.concat([header, body, Buffer.alloc(1024)]);
    assert.equal(firstFileInTar(archive)?.toString(), 'root:x:0:0:');
    assert.equal(firstFileInTar(Buffer.alloc(1024)), null);
  });
});
