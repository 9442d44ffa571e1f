/**
 * A receive killed with SIGKILL at any moment leaves no partial walnut or bundle visible, and the
 * next receive cleans up (or finishes the import) and succeeds. The real CLI is run on a package
 * of 6 MB and 400 files, and killed at a spread of moments, one trial per kind of state left
 * behind: as staging starts (a few files unpacked), mid-staging, at the end of staging (all
 * unpacked, not yet committed), right after the journal appears (the commit point: the rerun must
 * roll forward), and — bundle scope — right after the first bundle becomes visible (mid
 * roll-forward: some bundles in, some not). Each moment is reached by waiting for its event, so
 * more trials of the same moment test the same state again; the commit point (five trials in full
 * scope, where roll-forward is one rename) and the first bundle (two) get more than one, since a
 * kill there may land after the process has finished its work. The trials run one at a time: the
 * watch for a moment polls, and anything else on the event loop would let the kill land later.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeSyntheticWalnut } from '../../bench/synthetic.ts';
import { createPlainPackage } from '../../scripts/lib/package/create.ts';
import { readPackageHead } from '../../scripts/lib/package/info.ts';
import { cliBundle, makeWorld, subtree, testEnv, tmp, tree, filesOnly } from './helpers.ts';

const base = tmp('kill');
const env = testEnv(base);
let cli = '';
let fullPkg = '';
let bundlePkg = '';
let expectedWalnut = new Map<string, string>();
let expectedBundles = new Map<string, Map<string, string>>();
const BUNDLES = Array.from({ length: 10 }, (_, i) => `bundle-${i}`);

/** Runs the CLI to the end (asynchronously: the reference imports run at once). */
function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function withoutGenerated(t: Map<string, string>): Map<string, string> {
  return new Map([...filesOnly(t)].filter(([k]) => k !== '_kernel/log.md' && !k.endsWith('now.json')));
}

/**
 * When to kill: once the package's file `path` has been unpacked into staging (files unpack in
 * manifest order, so a spread of paths is a spread of moments during unpacking, whatever the
 * machine's load), once the journal exists, or once the first bundle is visible in the world.
 */
type Trigger = { kind: 'unpacked'; path: string } | { kind: 'journal' } | { kind: 'first-bundle'; dir: string };

/** Files of a package at the given fractions of its (archive-ordered) file list. */
async function filesAt(pkg: string, fractions: number[]): Promise<string[]> {
  const files = (await readPackageHead(pkg)).manifest!.files.map((f) => f.path);
  return fractions.map((f) => files[Math.min(files.length - 1, Math.floor(files.length * f))]!);
}

/** Spawns a receive and SIGKILLs it when the trigger fires (or lets it finish if it never does). */
async function receiveAndKill(args: string[], world: string, trigger: Trigger): Promise<'killed' | 'finished'> {
  const child = spawn(process.execPath, [cli, ...args], { env, stdio: 'ignore' });
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  let finished = false;
  void exited.then(() => (finished = true));
  const receiving = join(world, '.alive', 'receiving');
  // The receive removes receiving/ when it is done, maybe between an exists check and the listing.
  const stagings = () => {
    try {
      return readdirSync(receiving).map((d) => join(receiving, d));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  };
  const fired = () => {
    if (trigger.kind === 'journal') return stagings().some((d) => existsSync(join(d, 'journal.json')));
    if (trigger.kind === 'unpacked') {
      // Unpacked, or already past unpacking (shaped into out/, or journaled).
      return stagings().some((d) => existsSync(join(d, 'pkg', trigger.path)) || existsSync(join(d, 'out')) || existsSync(join(d, 'journal.json')));
    }
    return existsSync(trigger.dir) && readdirSync(trigger.dir).some((n) => n.startsWith('bundle-'));
  };
  const deadline = Date.now() + 60_000;
  while (!finished && !fired() && Date.now() < deadline) await new Promise((r) => setImmediate(r));
  if (finished) return 'finished';
  child.kill('SIGKILL');
  await exited;
  return 'killed';
}

function ledgerEntries(world: string): unknown[] {
  const p = join(world, '.alive', 'imports.json');
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')).imports : [];
}

/** The import was complete before the kill landed (the process had done its work but not yet exited). */
function completedBeforeKill(world: string): boolean {
  const receiving = join(world, '.alive', 'receiving');
  return ledgerEntries(world).length === 1 && (!existsSync(receiving) || readdirSync(receiving).length === 0);
}

function countEntries(log: string): number {
  return (log.match(/^signed: squirrel:test-session$/gm) ?? []).length;
}

beforeAll(async () => {
  cli = await cliBundle();
  // 12 receives killed with SIGKILL (and re-run) on a package large enough that a kill lands
  // mid-unpack; the moments are files of the package, not times, so the machine's speed is free.
  const w = await makeSyntheticWalnut(join(base, 'src'), { files: 400, bytes: 6 * 1024 * 1024, incompressible: 0.5, seed: 3, layout: 'v2' });
  fullPkg = join(base, 'full.walnut');
  bundlePkg = join(base, 'bundles.walnut');
  await createPlainPackage({ walnut: w.path, scope: 'full', bundles: [], output: fullPkg, allowSensitive: false });
  await createPlainPackage({ walnut: w.path, scope: 'bundle', bundles: BUNDLES, output: bundlePkg, allowSensitive: false });
  // Reference imports, uninterrupted: what a complete result looks like.
  const refFull = makeWorld(join(base, 'ref-full'), { layout: 'v2' });
  const refBundles = makeWorld(join(base, 'ref-bundles'), { layout: 'v2' });
  const [a, b] = await Promise.all([
    run(['receive', fullPkg, '--world', refFull]),
    run(['receive', bundlePkg, '--world', refBundles, '--into', '04_Ventures/existing']),
  ]);
  expect(a.status, a.stderr).toBe(0);
  expect(b.status, b.stderr).toBe(0);
  expectedWalnut = withoutGenerated(tree(join(refFull, '03_Inbox', 'synthetic')));
  const t = tree(join(refBundles, '04_Ventures', 'existing'));
  expectedBundles = new Map(BUNDLES.map((n) => [n, subtree(t, `bundles/${n}`)]));
  expect(expectedWalnut.size).toBeGreaterThan(400);
}, 240_000);

function checkFullWorld(world: string, mustBeComplete: boolean) {
  const walnut = join(world, '03_Inbox', 'synthetic');
  const visible = existsSync(walnut);
  if (mustBeComplete) expect(visible).toBe(true);
  if (visible) {
    expect(withoutGenerated(tree(walnut))).toEqual(expectedWalnut);
    expect(countEntries(readFileSync(join(walnut, '_kernel', 'log.md'), 'utf8'))).toBe(1);
  }
  // Nothing else appeared in the inbox (no half-renamed or stray folders).
  expect(readdirSync(join(world, '03_Inbox')).filter((n) => n !== 'synthetic')).toEqual([]);
  return visible;
}

function checkBundleWorld(world: string, mustBeComplete: boolean) {
  const dir = join(world, '04_Ventures', 'existing', 'bundles');
  const visible = readdirSync(dir).filter((n) => n !== 'alpha');
  for (const n of visible) {
    expect(BUNDLES).toContain(n);
    expect(subtree(tree(join(dir)), n)).toEqual(expectedBundles.get(n));
  }
  if (mustBeComplete) expect(visible.sort()).toEqual([...BUNDLES].sort());
  return visible.length;
}

describe('kill -9 during receive', () => {
  it('full scope: killed at a spread of moments, never a partial walnut; the next run cleans up or finishes', async () => {
    const triggers: Trigger[] = [
      ...(await filesAt(fullPkg, [0.05, 0.5, 1.0])).map((path) => ({ kind: 'unpacked' as const, path })),
      ...Array.from({ length: 5 }, () => ({ kind: 'journal' as const })),
    ];
    let killed = 0;
    let resumed = 0;
    let sawWalnutBeforeRerun = 0;
    for (const [i, trigger] of triggers.entries()) {
      const world = makeWorld(join(base, `full-${i}`), { layout: 'v2' });
      let outcome = await receiveAndKill(['receive', fullPkg, '--world', world], world, trigger);
      if (outcome === 'killed' && completedBeforeKill(world)) outcome = 'finished';
      if (outcome === 'killed') killed++;
      if (checkFullWorld(world, false)) sawWalnutBeforeRerun++;
      const again = await run(['receive', fullPkg, '--world', world, '--json']);
      if (outcome === 'finished') {
        expect(again.status).toBe(1); // already imported
        expect(again.stderr).toMatch(/already imported/);
      } else {
        expect(again.status, again.stderr).toBe(0);
        const out = JSON.parse(again.stdout);
        expect(out.ok).toBe(true);
        if (out.resumed) resumed++;
      }
      checkFullWorld(world, true);
      expect(ledgerEntries(world)).toHaveLength(1);
      expect(existsSync(join(world, '.alive', 'receiving'))).toBe(false);
      expect(existsSync(join(world, '.alive', 'receive.lock'))).toBe(false);
      rmSync(join(base, `full-${i}`), { recursive: true, force: true });
    }
    // The kills during staging did land (at least those at its start and middle: the receive was
    // still unpacking), so the checks above looked at interrupted imports.
    expect(killed).toBeGreaterThanOrEqual(2);
    // At least one kill landed after the commit point, and the next run rolled it forward.
    expect(resumed).toBeGreaterThanOrEqual(1);
    expect(sawWalnutBeforeRerun).toBeLessThan(triggers.length);
  }, 300_000);

  it('bundle scope: killed mid-unpack, at the commit point and between bundle renames; every visible bundle is whole', async () => {
    const triggers: Trigger[] = [
      ...(await filesAt(bundlePkg, [0.5])).map((path) => ({ kind: 'unpacked' as const, path })),
      { kind: 'journal' },
      { kind: 'first-bundle', dir: '' },
      { kind: 'first-bundle', dir: '' },
    ];
    let partialSeen = 0;
    for (const [i, t] of triggers.entries()) {
      const world = makeWorld(join(base, `bundle-${i}`), { layout: 'v2' });
      const trigger = t.kind === 'first-bundle' ? { ...t, dir: join(world, '04_Ventures', 'existing', 'bundles') } : t;
      let outcome = await receiveAndKill(['receive', bundlePkg, '--world', world, '--into', '04_Ventures/existing'], world, trigger);
      if (outcome === 'killed' && completedBeforeKill(world)) outcome = 'finished';
      const visible = checkBundleWorld(world, false);
      if (visible > 0 && visible < BUNDLES.length) partialSeen++;
      const again = await run(['receive', bundlePkg, '--world', world, '--into', '04_Ventures/existing', '--json']);
      expect(again.status, again.stderr).toBe(outcome === 'finished' ? 1 : 0);
      checkBundleWorld(world, true);
      const log = readFileSync(join(world, '04_Ventures', 'existing', '_kernel', 'log.md'), 'utf8');
      expect(countEntries(log)).toBe(1);
      expect(ledgerEntries(world)).toHaveLength(1);
      expect(existsSync(join(world, '.alive', 'receiving'))).toBe(false);
      rmSync(join(base, `bundle-${i}`), { recursive: true, force: true });
    }
    // Killing between renames did happen at least once: some bundles in, others not yet — and the rerun finished them.
    expect(partialSeen).toBeGreaterThanOrEqual(1);
  }, 300_000);
});
