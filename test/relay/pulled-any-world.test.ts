/**
 * A user has one relay and one inbox, and may have several worlds. What pull saved and verified
 * waits until it is received into any of them: a package received into world A counted as waiting
 * (the SessionStart notice, the `Pulled:` line) when the session started in world B, since only the
 * session's world's .alive/imports.json was read. And a folder a peer's package made (an `extract`
 * output holding .alive/imports.json, which makes it a world root) decided what counted as received
 * there: its ledger, written by whoever made the package, could name the pulled packages and hide
 * them. Receive now records what it imported in $ALIVE_HOME/relay/imported.json, the one record
 * the count reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relayNotice } from '../../scripts/lib/hook/relay-notice.ts';
import { receiveCommand } from '../../scripts/lib/receive/commands/receive.ts';
import { isolateProcessGit } from './git-env.ts';
import { tempDir } from './helpers.ts';
import { asUser, pair, relayUser, run, walnutPackage, type RelayUser } from './in-process.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;

function world(name: string): string {
  const dir = join(base.dir, name);
  mkdirSync(join(dir, '.alive'), { recursive: true });
  mkdirSync(join(dir, '03_Inbox'), { recursive: true });
  return dir;
}

function notice(cwd: string): Promise<string | undefined> {
  return asUser(bob, () =>
    relayNotice({ sessionCwd: async () => cwd, env: process.env, deadline: Date.now() + 5000, distDir: join(base.dir, 'no-dist'), now: Date.now }),
  );
}

/** How many pulled packages the notice of a session started in `cwd` says wait (0: it says none). */
async function waitingIn(cwd: string): Promise<number> {
  return Number(/ALIVE relay: (\d+) walnut packages? that `alive-p2p relay pull` downloaded and verified/.exec((await notice(cwd)) ?? '')?.[1] ?? 0);
}

/** alice pushes a package named `name` to bob, who pulls it: its path in his inbox, and its record in received.json. */
async function pulledPackage(name: string): Promise<{ path: string; identity: string }> {
  expect((await run(alice, ['push', await walnutPackage(alice, name), '--to', 'bob'])).code).toBe(0);
  const pulled = await run(bob, ['pull', '--json']);
  expect(pulled.code, pulled.stderr).toBe(0);
  const path: string = pulled.json.received[0].path;
  const log = JSON.parse(readFileSync(join(bob.paths.dir, 'received.json'), 'utf8')) as Record<string, { path: string; identity?: string }>;
  const identity = Object.values(log).find((e) => e.path === path)?.identity;
  expect(identity).toMatch(/^[0-9a-f]{64}$/);
  return { path, identity: identity! };
}

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('pulled-any-world');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
});
afterAll(() => base.cleanup());

describe("a pulled package received into one of the user's worlds", () => {
  it('waits no more in any other world: the notice and relay status in world B say nothing of it', async () => {
    const a = world('world-a');
    const b = world('world-b');
    const { path } = await pulledPackage('meadow');
    expect(await notice(b)).toMatch(/ALIVE relay: 1 walnut package that `alive-p2p relay pull` downloaded and verified waits/);

    const received = await run(bob, [path, '--world', a, '--json'], receiveCommand);
    expect(received.code, received.stderr).toBe(0);

    expect((await notice(a)) ?? '').not.toMatch(/downloaded and verified/);
    expect((await notice(b)) ?? '').not.toMatch(/downloaded and verified/);
    bob.env.ALIVE_WORLD_ROOT = b;
    try {
      const status = await run(bob, ['status', '--offline', '--json']);
      expect(status.code, status.stderr).toBe(0);
      expect(status.json.pulled).toMatchObject({ packages: 0 });
      const text = await run(bob, ['status', '--offline']);
      expect(text.stdout).not.toMatch(/^Pulled: +\d+ verified package/m);
    } finally {
      delete bob.env.ALIVE_WORLD_ROOT;
    }
  });
});

describe("a folder a peer's package made, holding .alive/imports.json", () => {
  it('hides no pulled package from the notice of a session started in it', async () => {
    const { path, identity } = await pulledPackage('orchard');
    // What `alive-p2p extract` writes of a package that carries .alive/imports.json: a world root
    // (it holds .alive/) whose ledger says, in the package maker's words, that the package was received.
    const extracted = join(base.dir, 'extracted', 'orchard');
    mkdirSync(join(extracted, '.alive'), { recursive: true });
    const forged = { package_sha256: '0'.repeat(64), identity, source: path, received_at: '2026-01-01T00:00:00Z' };
    writeFileSync(join(extracted, '.alive', 'imports.json'), JSON.stringify({ imports: [forged] }));

    // What waits is the user's, whatever folder the session starts in: the same as in a world of theirs.
    const own = await notice(world('world-c'));
    expect(own).toMatch(/walnut packages? that `alive-p2p relay pull` downloaded and verified/);
    expect(await notice(extracted)).toBe(own);
    const pulledIn = async (dir: string) => {
      bob.env.ALIVE_WORLD_ROOT = dir;
      try {
        const status = await run(bob, ['status', '--offline', '--json']);
        expect(status.code, status.stderr).toBe(0);
        return status.json.pulled.packages;
      } finally {
        delete bob.env.ALIVE_WORLD_ROOT;
      }
    };
    expect(await pulledIn(extracted)).toBe(await pulledIn(join(base.dir, 'world-c')));
  });
});

// A duplicate refusal records nothing in imported.json: the ledger that refuses can be any folder's
// with .alive/ in it (one a peer's package made), and what it would match on is known to the sender
// (the inbox path is $ALIVE_HOME/relay/inbox/<folder>/<the deposit's own name>, the hash the relay's
// blob's). A package received before receive kept its record counts as waiting until its file is deleted.
describe('a pulled package received before receive kept its record (only in its world’s imports.json)', () => {
  it('counts as waiting until its file is deleted: receive asked for it again refuses it as a duplicate and records nothing', async () => {
    const a = world('world-d');
    const { path } = await pulledPackage('hedge');
    expect((await run(bob, [path, '--world', a, '--json'], receiveCommand)).code).toBe(0);
    const waiting = () => waitingIn(a);
    const before = await waiting();
    // As a version before imported.json left it: the import in world D's ledger only (and the
    // earlier tests' imports lost with it: only the difference counts here).
    const record = join(bob.paths.dir, 'imported.json');
    const kept = JSON.parse(readFileSync(record, 'utf8')) as { source: string }[];
    writeFileSync(record, JSON.stringify(kept.filter((r) => r.source !== path)));
    expect(await waiting()).toBe(before + 1);

    const dry = await run(bob, [path, '--world', a, '--dry-run', '--json'], receiveCommand);
    expect(dry.json.error?.code).toBe('duplicate');
    expect(await waiting()).toBe(before + 1);

    const again = await run(bob, [path, '--world', a, '--json'], receiveCommand);
    expect(again.code).toBe(1);
    expect(again.json.error.code).toBe('duplicate');
    expect(await waiting()).toBe(before + 1);
    rmSync(path);
    expect(await waiting()).toBe(before);
  });
  it('a folder a peer made, whose ledger names the package (by identity, or by its path and hash), gets the duplicate refusal but records nothing', async () => {
    const { path, identity } = await pulledPackage('copse');
    const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
    const own = world('world-e');
    const waiting = () => waitingIn(own);
    const before = await waiting();
    const peerFolder = join(base.dir, 'from-peer', 'copse');
    mkdirSync(join(peerFolder, '.alive'), { recursive: true });
    const forged = {
      package_sha256: '0'.repeat(64),
      identity,
      format_version: '2.0',
      walnut: 'copse',
      scope: 'full',
      created: null,
      sender: null,
      signer: null,
      signature_verified: true,
      received_at: '2020-01-01T00:00:00Z',
      source: '/x',
      target: 'somewhere',
      imported: [],
      conflicts: [],
      receipt: 'r1',
    };
    const byPath = { ...forged, identity: undefined, package_sha256: sha, source: path, receipt: 'r2' };
    for (const entry of [forged, byPath]) {
      writeFileSync(join(peerFolder, '.alive', 'imports.json'), JSON.stringify({ imports: [entry] }));
      const refused = await run(bob, [path, '--world', peerFolder, '--json'], receiveCommand);
      expect(refused.json.error?.code).toBe('duplicate');
      expect(await waiting()).toBe(before);
    }
  });
});
