/**
 * After a pull, the text output names the next command and the real path of what was received
 * (found following the README as a new user). The path's file name is the relay writer's, so the
 * path is shown in an untrusted fence, and the command points at it (PATH).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';
import { pair, relayUser, run, walnutPackage, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { infoCommand } from '../../scripts/lib/package/commands/info.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('pull-next');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
});
afterAll(() => base.cleanup());

describe('relay pull says what to run next', () => {
  it('one package: the receive command points at its path, shown fenced above', async () => {
    const push = await run(alice, ['push', await walnutPackage(alice, 'meadow'), '--to', 'bob']);
    expect(push.code, push.stderr).toBe(0);
    const pull = await run(bob, ['pull']);
    expect(pull.code, pull.stderr).toBe(0);
    const saved = /^Received from alice, saved as .*\n<<<BEGIN UNTRUSTED PATH (\S+)\n(.+)\nEND UNTRUSTED PATH \1>>>$/m.exec(pull.stdout)?.[2];
    expect(saved).toMatch(/meadow-.*\.walnut$/);
    expect(existsSync(saved!)).toBe(true);
    expect(pull.stdout).toContain('Import it with: alive-p2p receive PATH --world YOUR_WORLD (or /alive:receive), PATH the path shown above');
  });

  it('several packages: one receive per package, the paths as listed above', async () => {
    for (const name of ['field', 'orchard']) {
      expect((await run(alice, ['push', await walnutPackage(alice, name), '--to', 'bob'])).code).toBe(0);
    }
    const pull = await run(bob, ['pull']);
    expect(pull.code, pull.stderr).toBe(0);
    expect([...pull.stdout.matchAll(/^Received from alice, saved as .*\n<<<BEGIN UNTRUSTED PATH /gm)]).toHaveLength(2);
    expect(pull.stdout).toContain('Import each with: alive-p2p receive PATH --world YOUR_WORLD (or /alive:receive), PATH the path shown above');
  });
});

describe('relay pull that leaves packages on the relay says so as a failure', () => {
  it('a package over --max-size: an error line with the count and the next step, and under --json an error object', async () => {
    const push = await run(alice, ['push', await walnutPackage(alice, 'boulder'), '--to', 'bob', '--json']);
    expect(push.code, push.stderr).toBe(0);
    const text = await run(bob, ['pull', '--max-size', '100']);
    expect(text.code).toBe(1);
    // The relay path is named once per warning, not twice.
    expect(text.stderr.split(push.json.path)).toHaveLength(2);
    expect(text.stderr).toMatch(/^error: 1 package could not be fetched and stays on the relay .*pull with a larger --max-size/m);
    const json = await run(bob, ['pull', '--max-size', '100', '--json']);
    expect(json.code).toBe(1);
    expect(json.json).toMatchObject({ ok: false, error: { code: 'too_large' }, remaining: 1 });
    expect(json.json.failed).toEqual([expect.objectContaining({ name: push.json.name, code: 'too_large' })]);
    expect((await run(bob, ['pull'])).code).toBe(0);
  });
});

describe('relay push of a path that is not a package file', () => {
  it('is refused in the words and code info, verify and receive use for the same path', async () => {
    for (const path of [join(base.dir, 'no-such.walnut'), base.dir]) {
      const push = await run(alice, ['push', path, '--to', 'bob', '--json']);
      const info = await runCaptured(infoCommand, [path, '--json']);
      expect(push.code).toBe(1);
      expect(push.json.error).toEqual(JSON.parse(info.stdout).error);
      expect(push.json.error.message).toMatch(path === base.dir ? /is a folder, not a package file; give the \.walnut file's path/ : /; check the path$/);
    }
  });
});
