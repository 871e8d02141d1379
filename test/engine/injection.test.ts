/**
 * Hostile names never reach a shell and never become flags: validators refuse them before anything
 * runs (the command log stays empty), and free-text values (env, build args, labels, command
 * arguments) travel to a real container literally.
 */
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { EngineError, buildArgs, runArgs, runEnvironment } from '../../client/src/engine';
import * as validate from '../../client/src/engine/validate';
import { assertEngineAnswers, buildBusybox, cleanUp, createTestEnv } from './helpers/engine';

const PWNED = '/tmp/pwned';
const HOSTILE = [
  'x; touch /tmp/pwned', '$(id)', '$(touch /tmp/pwned)', '`touch /tmp/pwned`', '--privileged', '-v/:/host', '-v', '--rm',
  'a b', 'a\nb', 'a\tb', 'ok\u0000', '| touch /tmp/pwned', '&& touch /tmp/pwned', '../../etc/passwd', "'", '"', '', ' ',
];

function assertRefused(action: () => unknown, label: string): void {
  assert.throws(action, (error: unknown) => error instanceof EngineError && error.kind === 'invalid-input', label);
}

async function assertRefusedAsync(action: () => Promise<unknown>, label: string): Promise<void> {
  await assert.rejects(action, (error: unknown) => error instanceof EngineError && error.kind === 'invalid-input', label);
}

describe('injection', () => {
  const env = createTestEnv();
  let image = '';

  before(async () => {
    assertEngineAnswers();
    rmSync(PWNED, { force: true });
    image = await buildBusybox(env, 'inject');
  });
  after(() => cleanUp(env));

  it('every name validator refuses hostile values', () => {
    const validators: [string, (value: string) => unknown][] = [
      ['image', validate.checkImage], ['image name', validate.checkImageName], ['tag', validate.checkTag],
      ['volume', validate.checkVolumeName], ['container', validate.checkContainerName], ['context', validate.checkContextName],
      ['env name', validate.checkEnvName], ['label key', validate.checkLabelKey], ['stage', validate.checkStageName],
      ['user', validate.checkUser], ['network', validate.checkNetworkName], ['container path', validate.checkContainerPath],
      ['host ip', validate.checkHostIp], ['entrypoint', validate.checkProgram],
    ];
    for (const [what, check] of validators) {
      for (const value of HOSTILE) assertRefused(() => check(value), `${what} ${JSON.stringify(value)}`);
    }
    for (const value of ['relative/path', '-v/:/host', '/a,b', '/ok\nnot', '--privileged']) {
      assertRefused(() => validate.checkHostPath(value), `host path ${JSON.stringify(value)}`);
    }
    for (const value of ['-docker', 'docker --privileged', 'docker;id', 'doc\nker', '$(id)']) {
      assertRefused(() => validate.checkCliCommand(value), `cli ${JSON.stringify(value)}`);
    }
  });

  it('argv builders refuse hostile names in every position', () => {
    const base = { image: 'busybox:1.36' };
    for (const value of HOSTILE) {
      assertRefused(() => runArgs({ image: value }), `run image ${JSON.stringify(value)}`);
      assertRefused(() => runArgs({ ...base, name: value }), `run name ${JSON.stringify(value)}`);
      assertRefused(() => runArgs({ ...base, mounts: [{ type: 'volume', source: value, target: '/data' }] }), `volume ${JSON.stringify(value)}`);
      assertRefused(() => runArgs({ ...base, mounts: [{ type: 'volume', source: 'data', target: value }] }), `target ${JSON.stringify(value)}`);
      assertRefused(() => runArgs({ ...base, env: [{ name: value, value: 'x' }] }), `env name ${JSON.stringify(value)}`);
      assertRefused(() => runArgs({ ...base, user: value }), `user ${JSON.stringify(value)}`);
      assertRefused(() => buildArgs({ dockerfile: '/w/Dockerfile', contextDir: '/w', tags: [value] }), `tag ${JSON.stringify(value)}`);
      assertRefused(() => buildArgs({ dockerfile: '/w/Dockerfile', contextDir: '/w', tags: ['a:1'], target: value }), `target ${JSON.stringify(value)}`);
    }
    assertRefused(() => runArgs({ ...base, mounts: [{ type: 'bind', source: '-v/:/host', target: '/host' }] }), 'bind source');
    assertRefused(() => runArgs({ ...base, ports: [{ container: 80, hostIp: '0.0.0.0 --privileged' }] }), 'host ip');
    assertRefused(() => runArgs({ ...base, ports: [{ container: 70000 }] }), 'port range');
  });

  it('engine operations refuse hostile names before running anything', async () => {
    const engine = env.engine;
    const logged = env.log.length;
    for (const value of HOSTILE) {
      await assertRefusedAsync(() => engine.removeVolume(value), `removeVolume ${JSON.stringify(value)}`);
      await assertRefusedAsync(() => engine.createVolume(value), `createVolume ${JSON.stringify(value)}`);
      await assertRefusedAsync(() => engine.inspectVolume(value), `inspectVolume ${JSON.stringify(value)}`);
      await assertRefusedAsync(() => engine.inspectImage(value), `inspectImage ${JSON.stringify(value)}`);
      await assertRefusedAsync(() => engine.imageRepoDigests(value), `imageRepoDigests ${JSON.stringify(value)}`);
      await assertRefusedAsync(() => engine.removeImage(value), `removeImage ${JSON.stringify(value)}`);
      await assertRefusedAsync(() => engine.useContext(value), `useContext ${JSON.stringify(value)}`);
      await assertRefusedAsync(() => engine.listVolumeFiles(value, { helperImage: image }), `listVolumeFiles ${JSON.stringify(value)}`);
      await assertRefusedAsync(() => engine.removeContainer(value), `removeContainer ${JSON.stringify(value)}`);
      await assertRefusedAsync(() => engine.runDetached({ image: value }), `runDetached ${JSON.stringify(value)}`);
    }
    assert.equal(env.log.length, logged, 'no command ran');
    assert.equal(existsSync(PWNED), false);
  });

  it('free-text values reach a real container literally, through argv and environment', async () => {
    const secret = '$(touch /tmp/pwned); `touch /tmp/pwned`';
    const options = {
      image, mode: 'attached' as const, labels: { ...env.labels, note: '; touch /tmp/pwned' },
      env: [{ name: 'HOSTILE', value: secret }],
      entrypoint: 'sh',
      command: ['-c', 'printf "%s|%s|%s" "$HOSTILE" "$1" "$2"', 'sh', 'x; touch /tmp/pwned', '--privileged'],
    };
    const args = runArgs(options);
    assert.ok(!args.some((arg) => arg.includes(secret)), 'the env value is not in argv');
    assert.deepEqual(args.slice(args.indexOf('--env'), args.indexOf('--env') + 2), ['--env', 'HOSTILE']);
    const output = await env.engine.cli.text(args, { secretEnv: runEnvironment(options), timeoutMs: 60_000 });
    assert.equal(output, `${secret}|x; touch /tmp/pwned|--privileged`);
    assert.ok(!env.log.some((line) => line.includes(secret)), 'the env value is not in the log');
    assert.equal(existsSync(PWNED), false);
  });

  it('build-arg values are passed through the environment, never in argv', async () => {
    const value = '$(touch /tmp/pwned)';
    const options = { dockerfile: '/w/Dockerfile', contextDir: '/w', tags: ['a:1'], buildArgs: [{ name: 'TOKEN', value }] };
    const args = buildArgs(options);
    assert.deepEqual(args, ['build', '--file', '/w/Dockerfile', '--tag', 'a:1', '--build-arg', 'TOKEN', '--', '/w']);
    assert.deepEqual(env.engine.buildInvocation(options).env, { TOKEN: value });
  });
});
