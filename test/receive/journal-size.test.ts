/**
 * The journal is written at the commit point and read back (capped: a leftover is a file anyone
 * who can write the world may have planted) by the receive that finishes an interrupted import. A
 * large import (many files left out or held back, many bundles, long names) wrote a journal past
 * that cap, which recovery then refused to read: the interrupted import stayed half in the world.
 * A journal is now never written larger than recovery reads: its result keeps only the first
 * entries of each list (with the totals), and an import whose journal is still too large (its
 * moves: one per bundle) is refused before its commit point. The cap is lowered here through a
 * test-only knob, so the packages stay small.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AliveError } from '../../scripts/lib/errors.ts';
import { type Journal, recoverLeftovers, setLeftoverFileMaxForTests, writeJournal } from '../../scripts/lib/receive/journal.ts';
import { JOURNAL_LIST_MAX, journalResult, receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWorld, testEnv, tmp, tree, v2Manifest, writePackage, type PackageFiles } from './helpers.ts';

const CAP = 64 * 1024;
afterEach(() => setLeftoverFileMaxForTests(undefined));

/** A full package with `n` files under .git/ (left out, each listed in the result) with long names. */
function withGitFiles(n: number): PackageFiles {
  const files: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n', 'notes.md': 'n\n' };
  for (let i = 0; i < n; i++) files[`.git/objects/${'o'.repeat(150)}/${i}`] = 'x';
  return files;
}

describe('the receive journal and the recovery cap', () => {
  it('whatever journal a receive writes, recovery can read back and finish', () => {
    setLeftoverFileMaxForTests(CAP);
    const base = tmp('journal-size');
    const world = makeWorld(base, { layout: 'v2' });
    const receiving = join(world, '.alive', 'receiving');
    const staging = join(receiving, 'big-1');
    mkdirSync(join(staging, 'out', 'w'), { recursive: true });
    const skipped = Array.from({ length: 600 }, (_, i) => ({ path: `.git/objects/${'o'.repeat(150)}/${i}`, reason: 'Git metadata is never imported' }));
    const journal: Journal = {
      version: 1,
      id: 'big-1',
      package_sha256: 'a'.repeat(64),
      target: '03_Inbox/w',
      mkdirs: [],
      moves: [{ from: 'out/w', to: '03_Inbox/w' }],
      log: null,
      now: null,
      ledger: {
        package_sha256: 'a'.repeat(64),
        format_version: '2.0.0',
        walnut: 'w',
        scope: 'full',
        created: '2026-01-01T00:00:00Z',
        sender: null,
        signer: null,
        signature_verified: false,
        received_at: '2026-01-01T00:00:00Z',
        source: '/p.walnut',
        target: '03_Inbox/w',
        imported: ['03_Inbox/w'],
        conflicts: [],
        receipt: 'big-1',
      },
      result: { ok: true, skipped },
    };
    let written = true;
    try {
      writeJournal(staging, journal);
    } catch (err) {
      written = false;
      expect((err as AliveError).code).toBe('too_large');
    }
    if (written) {
      const report = recoverLeftovers(world, receiving);
      expect(report.stuck.map((s) => s.message)).toEqual([]);
      expect(report.finished.map((f) => f.id)).toEqual(['big-1']);
    } else expect(existsSync(join(staging, 'journal.json'))).toBe(false);
  });

  it('many files left out do not make the journal large: its result keeps the first of each list and the totals', async () => {
    setLeftoverFileMaxForTests(CAP);
    const base = tmp('journal-size');
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const files = withGitFiles(400);
    const pkg = await writePackage(join(base, 'big.walnut'), v2Manifest('garden', 'full', files), files);
    const r = await receivePackage({ packagePath: pkg, world, env, maxBytes: 1 << 30 });
    expect(r.skipped).toHaveLength(400);
    expect(readFileSync(join(world, '03_Inbox', 'garden', 'notes.md'), 'utf8')).toBe('n\n');
    const listed = journalResult(r);
    expect(listed.skipped).toHaveLength(JOURNAL_LIST_MAX);
    expect(listed.skipped_total).toBe(400);
    expect(listed.imported).toEqual(r.imported);
    expect(listed.imported_total).toBeUndefined();
  });

  it('a receive that finishes such an import reports the totals the journal kept, not only the first items', async () => {
    const base = tmp('journal-size');
    const env = testEnv(base);
    const files = withGitFiles(150);
    const pkg = await writePackage(join(base, 'big.walnut'), v2Manifest('garden', 'full', files), files);
    // A genuine result and ledger entry from a scratch world, and the leftover a run killed right
    // after writing its journal would leave in the real one (as ledger.test.ts builds it).
    const scratch = makeWorld(join(base, 'scratch'), { layout: 'v2' });
    const done = await receivePackage({ packagePath: pkg, world: scratch, env, maxBytes: 1 << 30 });
    const ledgerEntry = JSON.parse(readFileSync(join(scratch, '.alive', 'imports.json'), 'utf8')).imports[0];
    const world = makeWorld(base, { layout: 'v2' });
    const staging = join(world, '.alive', 'receiving', ledgerEntry.receipt as string);
    cpSync(join(scratch, '03_Inbox', 'garden'), join(staging, 'out', 'garden'), { recursive: true });
    const journal: Journal = {
      version: 1,
      id: ledgerEntry.receipt as string,
      package_sha256: done.package_sha256,
      target: '03_Inbox/garden',
      mkdirs: [],
      moves: [{ from: 'out/garden', to: '03_Inbox/garden' }],
      log: null,
      now: null,
      ledger: ledgerEntry,
      result: journalResult({ ...done, walnut: join(world, '03_Inbox', 'garden') }) as unknown as Record<string, unknown>,
    };
    writeJournal(staging, journal);
    const r = await aliveInProcess(['receive', pkg, '--world', world], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/left out 150 files: /);
    expect(r.stdout).toMatch(/this finished an import that an interrupted run had started/);
    const json = await aliveInProcess(['receive', pkg, '--world', world, '--json'], env);
    expect(JSON.parse(json.stdout).error.code).toBe('duplicate');
  });

  it('an import whose journal would still be past the cap (its moves: one per bundle) is refused before its commit point: the world as it was, no staging left', async () => {
    setLeftoverFileMaxForTests(CAP);
    const base = tmp('journal-size');
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    mkdirSync(join(world, '04_Ventures', 'existing', '_kernel'), { recursive: true });
    writeFileSync(join(world, '04_Ventures', 'existing', '_kernel', 'key.md'), '---\ngoal: g\n---\n');
    const names = Array.from({ length: 400 }, (_, i) => `b${String(i).padStart(3, '0')}-${'n'.repeat(80)}`);
    const files: PackageFiles = {};
    for (const name of names) files[`bundles/${name}/context.manifest.yaml`] = 'goal: g\n';
    const pkg = await writePackage(join(base, 'big.walnut'), v2Manifest('garden', 'bundle', files, { bundles: names }), files);
    const before = tree(world);
    const err = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', env, maxBytes: 1 << 30 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AliveError);
    expect((err as AliveError).code).toBe('too_large');
    expect((err as AliveError).message).toMatch(/journal/);
    expect((err as AliveError).message).toMatch(/400 folders to move into place/);
    expect(tree(world)).toEqual(before);
    expect(existsSync(join(world, '.alive', 'receiving'))).toBe(false);
  });

  it('an ordinary import stays well under the cap, and its journal is read back by the same cap', async () => {
    setLeftoverFileMaxForTests(CAP);
    const base = tmp('journal-size');
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const files = withGitFiles(20);
    const pkg = await writePackage(join(base, 'ok.walnut'), v2Manifest('garden', 'full', files), files);
    const r = await receivePackage({ packagePath: pkg, world, env, maxBytes: 1 << 30 });
    expect(r.skipped).toHaveLength(20);
    expect(readFileSync(join(world, '03_Inbox', 'garden', 'notes.md'), 'utf8')).toBe('n\n');
    expect(statSync(join(world, '.alive', 'imports.json')).isFile()).toBe(true);
  });
});
