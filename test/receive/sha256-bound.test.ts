/**
 * `receive --sha256 HEX`: the receive skill shows a dry run, asks yes, then imports; the file at
 * the path can be replaced in between (a relay pull, a peer's sync into 03_Inbox/). The real
 * import passes the dry run's package_sha256 and is refused (package_changed) unless the bytes it
 * unpacks have that hash, before its commit point: the world as it was, no staging left.
 */
import { renameSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AliveError } from '../../scripts/lib/errors.ts';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { makeWorld, repoRoot, sha, testEnv, tmp, tree, v2Manifest, writePackage, type PackageFiles } from './helpers.ts';

const approved: PackageFiles = { '_kernel/key.md': '---\ngoal: approved\n---\n', 'notes.md': 'the package the user saw\n' };
const other: PackageFiles = { '_kernel/key.md': '---\ngoal: other\n---\n', 'notes.md': 'another package\n' };
const MAX = 1 << 30;

async function setup() {
  const base = tmp('sha-bound');
  const env = testEnv(base);
  const world = makeWorld(base, { layout: 'v2' });
  const pkg = await writePackage(join(base, 'in.walnut'), v2Manifest('garden', 'full', approved), approved);
  const replacement = await writePackage(join(base, 'other.walnut'), v2Manifest('garden', 'full', other), other);
  return { base, env, world, pkg, replacement };
}

async function refusal(p: Promise<unknown>): Promise<AliveError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AliveError);
  return err as AliveError;
}

describe('receive --sha256', () => {
  it('the dry run shows the sha256 of the file; the import with it goes through and records it', async () => {
    const { env, world, pkg } = await setup();
    const dry = await receivePackage({ packagePath: pkg, world, env, maxBytes: MAX, dryRun: true });
    expect(dry.package_sha256).toBe(sha(readFileSync(pkg)));
    const done = await receivePackage({ packagePath: pkg, world, env, maxBytes: MAX, sha256: dry.package_sha256 });
    expect(done.package_sha256).toBe(dry.package_sha256);
    expect(readFileSync(join(world, '03_Inbox', 'garden', 'notes.md'), 'utf8')).toBe('the package the user saw\n');
    const ledger = JSON.parse(readFileSync(join(world, '.alive', 'imports.json'), 'utf8'));
    expect(ledger.imports[0].package_sha256).toBe(dry.package_sha256);
  });

  it('a file replaced after the dry run is refused with package_changed; the world is unchanged and no staging is left', async () => {
    const { env, world, pkg, replacement } = await setup();
    const dry = await receivePackage({ packagePath: pkg, world, env, maxBytes: MAX, dryRun: true });
    renameSync(replacement, pkg);
    const before = tree(world);
    const err = await refusal(receivePackage({ packagePath: pkg, world, env, maxBytes: MAX, sha256: dry.package_sha256 }));
    expect(err.code).toBe('package_changed');
    expect(err.message).toMatch(/not the package that was checked/);
    expect(err.message).toMatch(/run the dry run again/);
    expect(tree(world)).toEqual(before);
    expect(existsSync(join(world, '.alive', 'receiving'))).toBe(false);
  });

  it('hashes the bytes it unpacks: a file replaced while it is read is judged by what was read', async () => {
    const { env, world, pkg, replacement } = await setup();
    const first = sha(readFileSync(pkg));
    const second = sha(readFileSync(replacement));
    let swapped = false;
    const swap = () => {
      if (swapped) return;
      swapped = true;
      renameSync(replacement, pkg);
    };
    // The read has the first file open when it reports progress: the path now names the second.
    const before = tree(world);
    const err = await refusal(receivePackage({ packagePath: pkg, world, env, maxBytes: MAX, sha256: second, onProgress: swap }));
    expect(swapped).toBe(true);
    expect(err.code).toBe('package_changed');
    expect(err.fields).toMatchObject({ package_sha256: first, expected_sha256: second });
    expect(tree(world)).toEqual(before);
  });

  it('a dry run with --sha256 of another package is refused too; a snapshot dry run shows its sha256', async () => {
    const { env, world, pkg } = await setup();
    const err = await refusal(receivePackage({ packagePath: pkg, world, env, maxBytes: MAX, dryRun: true, sha256: 'ab'.repeat(32) }));
    expect(err.code).toBe('package_changed');
    const snap: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n' };
    const s = await writePackage(join(world, '..', 's.walnut'), v2Manifest('garden', 'snapshot', snap), snap);
    const shown = await aliveInProcess(['receive', '--dry-run', s, '--world', world], env);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`Package sha256 ${sha(readFileSync(s))}`);
  });

  it('--sha256 that is not 64 hex digits is a usage error (exit 2); upper-case hex is taken', async () => {
    const { env, world, pkg } = await setup();
    for (const bad of ['', 'abc', 'z'.repeat(64), 'a'.repeat(65)]) {
      const r = await aliveInProcess(['receive', pkg, '--world', world, '--sha256', bad], env);
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toMatch(/--sha256 needs/);
    }
    const upper = sha(readFileSync(pkg)).toUpperCase();
    const ok = await aliveInProcess(['receive', pkg, '--world', world, '--sha256', upper, '--json'], env);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).package_sha256).toBe(upper.toLowerCase());
  });

  it('the receive skill imports with --sha256 from the dry run it showed', () => {
    const skill = readFileSync(join(repoRoot, 'skills', 'receive', 'SKILL.md'), 'utf8');
    const step8 = /^## 8\. Import[\s\S]*?(?=^## )/m.exec(skill)![0];
    const commands = [...step8.matchAll(/^alive-p2p receive .*$/gm)].map((m) => m[0]);
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) {
      expect(c).not.toMatch(/--dry-run/);
      expect(c).toMatch(/ --sha256 '<package_sha256>'/);
    }
    expect(step8).toMatch(/package_changed/);
    // The passphrase way runs the import in the user's terminal: it passes the hash too.
    const reference = readFileSync(join(repoRoot, 'skills', 'receive', 'reference.md'), 'utf8');
    expect(reference).toMatch(/without\s+`--dry-run` and with `--sha256 '<package_sha256 from plan\.json>'`/);
  });
});
