/**
 * `relay push` of a package the user received (sealed for their key, so the peer could not open
 * it) is refused, as it must be; the refusal said "Push the plain package instead", but whoever
 * received a package has no plain one. It now gives the commands that get through (extract it,
 * create a package of their own from what it holds, push that), and this test types them as the
 * message gives them: the peer then pulls a package verified as the forwarder's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { extractCommand } from '../../scripts/lib/package/commands/extract.ts';
import { relayGroup } from '../../scripts/lib/relay/cli.ts';
import type { Command } from '../../scripts/lib/cli/command.ts';
import { isolateProcessGit } from './git-env.ts';
import { git, tempDir } from './helpers.ts';
import { fixtureRelayUser, pair, run, walnutPackage, type RelayUser } from './in-process.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;
let carol: RelayUser;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('push-received');
  alice = await fixtureRelayUser(base.dir, 'alice');
  bob = await fixtureRelayUser(base.dir, 'bob');
  carol = await fixtureRelayUser(base.dir, 'carol');
  await pair(bob, carol);
  await pair(carol, alice);
});
afterAll(() => base.cleanup());

/** A command line as the user would type it (words, a POSIX single-quoted word), split into argv. */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^']|'\\'')*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!);
  return out;
}

const COMMANDS: Record<string, Command> = { extract: extractCommand, create: createCommand };

describe('relay push of a package you received', () => {
  it('is refused with the commands that pass on what it holds, and those commands, typed as given, deliver it', async () => {
    const sent = await walnutPackage(bob, 'orchard');
    expect((await run(bob, ['push', sent, '--to', 'carol'])).code).toBe(0);
    const pulled = await run(carol, ['pull', '--json']);
    expect(pulled.code, pulled.stderr).toBe(0);
    const received: string = pulled.json.received[0].path;

    const before = git(['rev-parse', 'main'], alice.url);
    const refused = await run(carol, ['push', received, '--to', 'alice', '--json']);
    expect(refused.code).toBe(1);
    expect(refused.json.error.code).toBe('wrong_recipient');
    const message: string = refused.json.error.message;
    expect(message).not.toMatch(/Push the plain package instead/);
    expect(git(['rev-parse', 'main'], alice.url)).toBe(before);

    // The commands, in the order given, each in backquotes.
    const given = [...message.matchAll(/`(alive-p2p [^`]+)`/g)].map((m) => m[1]!);
    expect(given.map((c) => words(c).slice(0, 3).join(' '))).toEqual([`alive-p2p extract ${received}`, 'alive-p2p create --walnut', 'alive-p2p relay push']);
    const dir = join(carol.root, 'passed-on');
    const fresh = join(carol.root, 'passed-on.walnut');
    for (const line of given) {
      const argv = words(line.replaceAll('NEW.walnut', fresh).replace(/\bDIR\b/g, dir)).slice(1);
      const [name, ...rest] = argv;
      const r = name === 'relay' ? await run(carol, rest, relayGroup) : await run(carol, rest, COMMANDS[name!]!);
      expect(r.code, `${line}\n${r.stdout}${r.stderr}`).toBe(0);
    }

    const got = await run(alice, ['pull', '--json']);
    expect(got.code, got.stderr).toBe(0);
    expect(got.json.received[0]).toMatchObject({ from: 'carol', verified: true, signer: 'carol' });
    const out = join(alice.root, 'look');
    expect((await run(alice, [got.json.received[0].path, '--output', out], extractCommand)).code).toBe(0);
    expect(readFileSync(join(out, 'notes.md'), 'utf8')).toBe('Notes for orchard.\n');
  });

  it('a bundle package: the commands name the bundle scope, and typed with its bundle name, deliver it', async () => {
    const walnut = join(bob.root, 'world', '04_Ventures', 'grove');
    mkdirSync(join(walnut, '_kernel'), { recursive: true });
    mkdirSync(join(walnut, 'bundles', 'seeds'), { recursive: true });
    writeFileSync(join(walnut, '_kernel', 'key.md'), '---\ntype: venture\n---\n# grove\n');
    writeFileSync(join(walnut, 'bundles', 'seeds', 'context.manifest.yaml'), 'goal: seeds\n');
    writeFileSync(join(walnut, 'bundles', 'seeds', 'list.md'), 'acorns\n');
    const sent = join(bob.root, 'grove-seeds.walnut');
    const made = await run(bob, ['--walnut', walnut, '--scope', 'bundle', '--bundle', 'seeds', '--output', sent], createCommand);
    expect(made.code, made.stderr).toBe(0);
    expect((await run(bob, ['push', sent, '--to', 'carol'])).code).toBe(0);
    const pulled = await run(carol, ['pull', '--json']);
    expect(pulled.code, pulled.stderr).toBe(0);
    const received: string = pulled.json.received[0].path;

    const refused = await run(carol, ['push', received, '--to', 'alice', '--json']);
    expect(refused.json.error.code).toBe('wrong_recipient');
    const message: string = refused.json.error.message;
    expect(message).toMatch(/--scope bundle --bundle NAME --output NEW\.walnut/);
    const given = [...message.matchAll(/`(alive-p2p [^`]+)`/g)].map((m) => m[1]!).filter((c) => !c.startsWith('alive-p2p info'));
    const dir = join(carol.root, 'passed-on-bundle');
    const fresh = join(carol.root, 'passed-on-bundle.walnut');
    for (const line of given) {
      const argv = words(
        line
          .replaceAll('NEW.walnut', fresh)
          .replace(/\bDIR\b/g, dir)
          .replace(/\bNAME\b/g, 'seeds'),
      ).slice(1);
      const [name, ...rest] = argv;
      const r = name === 'relay' ? await run(carol, rest, relayGroup) : await run(carol, rest, COMMANDS[name!]!);
      expect(r.code, `${line}\n${r.stdout}${r.stderr}`).toBe(0);
    }
    const got = await run(alice, ['pull', '--json']);
    expect(got.code, got.stderr).toBe(0);
    expect(got.json.received[0]).toMatchObject({ from: 'carol', verified: true });
    const out = join(alice.root, 'look-bundle');
    expect((await run(alice, [got.json.received[0].path, '--output', out], extractCommand)).code).toBe(0);
    expect(readFileSync(join(out, 'bundles', 'seeds', 'list.md'), 'utf8')).toBe('acorns\n');
  });
});

/** `pkg` as an alive older than the recipients list made it: the same RSA package, its manifest without the list. */
function withoutRecipients(pkg: string, out: string): string {
  const dir = `${out}.d`;
  mkdirSync(dir);
  const tar = (args: string[]) => {
    const r = spawnSync('tar', args);
    if (r.status !== 0) throw new Error(`tar ${args.join(' ')}: ${r.stderr}`);
  };
  tar(['-xzf', pkg, '-C', dir]);
  const manifest = readFileSync(join(dir, 'manifest.yaml'), 'utf8');
  const cut = manifest.indexOf('\n\nrecipients:');
  expect(cut).toBeGreaterThan(0);
  writeFileSync(join(dir, 'manifest.yaml'), `${manifest.slice(0, cut)}\n`);
  tar(['--format=ustar', '-czf', out, '-C', dir, 'manifest.yaml', 'payload.key', 'payload.enc']);
  return out;
}

// An RSA package without the list: whose key its payload.key was wrapped for cannot be told
// without that key's private half (RSA-OAEP is randomised). Push added `recipients: [peer]` and
// signed it, a claim it never checked: for a package sealed for carol herself, alice's reader
// then said the manifest names her key and the package was forwarded or damaged.
describe('relay push of an RSA package that does not say for whom it was sealed (an older alive made it)', () => {
  it.each([
    ['sealed for carol (one she received)', () => carol.paths.publicKey],
    ['sealed for alice herself', () => alice.paths.publicKey],
  ])('%s: refused, not signed, nothing delivered, with how to make a package of her own', async (what, recipient) => {
    const walnut = join(carol.root, 'world', 'old-one');
    mkdirSync(join(walnut, '_kernel'), { recursive: true });
    writeFileSync(join(walnut, '_kernel', 'key.md'), '---\ntype: venture\n---\n# old\n');
    const made = join(carol.root, `made-${what.length}.walnut`);
    const r = await run(carol, ['--walnut', walnut, '--scope', 'full', '--output', made, '--encrypt', 'rsa', '--recipient', recipient()], createCommand);
    expect(r.code, r.stderr).toBe(0);
    const old = withoutRecipients(made, join(carol.root, `old-${what.length}.walnut`));

    const before = git(['rev-parse', 'main'], alice.url);
    const push = await run(carol, ['push', old, '--to', 'alice', '--json']);
    expect(push.code, push.stdout).toBe(1);
    expect(push.json.error.code).toBe('wrong_recipient');
    expect(push.json.error.message).toMatch(/does not say for whose key it was encrypted/);
    expect(push.json.error.message).toMatch(/it was not signed or sent/);
    expect(push.json.error.message).toContain(`alive-p2p extract ${old} --output DIR`);
    expect(git(['rev-parse', 'main'], alice.url)).toBe(before);
  });
});
