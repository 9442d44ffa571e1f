/**
 * A receive killed with SIGKILL at any moment leaves no partial walnut or bundle visible, and the
 * next receive cleans up (or finishes the import) and succeeds. The real CLI is run on a package
 * of 60 files and killed in each kind of state it can leave behind: during staging (after the
 * first file, half of them, all of them unpacked), just before the commit point (the journal being
 * written), right after it (the journal in place: the rerun must roll forward), and during the
 * roll-forward (full scope: the walnut renamed in, the ledger written; bundle scope: the first
 * bundle, every bundle, then log.md in place).
 *
 * Each moment is exact, not a race: the CLI runs with test/support/stop-at.mjs preloaded, which
 * freezes the process right after the file-system call that makes the state (the nth file created
 * in staging, the rename of the journal, of a bundle, ...) and says so on stderr; the test then
 * kills it. A machine under load reaches the same states, only later. The trials run one at a time;
 * each is a real CLI run, killed, then the rerun in-process (the same receive command, on the world
 * the killed process left); this file is slow for the CLI runs.
 */
import { startStopped } from '../support/stopped-child.ts';
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeSyntheticWalnut } from '../../bench/synthetic.ts';
import { createPlainPackage } from '../../scripts/lib/package/create.ts';
import { readPackageHead } from '../../scripts/lib/package/info.ts';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { receiveCommand } from '../../scripts/lib/receive/commands/receive.ts';
import { cliBundle, makeWorld, subtree, testEnv, tmp, tree, filesOnly } from './helpers.ts';

const base = tmp('kill');
const env = testEnv(base);
// The reruns run in-process: they see the same environment as the CLI runs.
Object.assign(process.env, env);
let cli = '';
let fullPkg = '';
let bundlePkg = '';
let fullFiles = 0;
let bundleFiles = 0;
let expectedWalnut = new Map<string, string>();
let expectedBundles = new Map<string, Map<string, string>>();
const BUNDLES = Array.from({ length: 10 }, (_, i) => `bundle-${i}`);

/** The receive command in-process (the rerun after a kill, and the reference imports). */
async function rerun(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const r = await runCaptured(receiveCommand, args);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

function withoutGenerated(t: Map<string, string>): Map<string, string> {
  return new Map([...filesOnly(t)].filter(([k]) => k !== '_kernel/log.md' && !k.endsWith('now.json')));
}

/** Where to freeze the receive (test/support/stop-at.mjs): after the nth matching call has completed. */
interface Stop {
  calls: ('renameSync' | 'openSync' | 'open')[];
  arg: 0 | 1;
  pattern: string;
  nth?: number;
}
const STAGED_FILE = '/\\.alive/receiving/[^/]+/pkg/';
/** The nth file created while unpacking into staging (small files by openSync, large by open). */
const unpacked = (nth: number): Stop => ({ calls: ['openSync', 'open'], arg: 0, pattern: STAGED_FILE, nth });
/** The journal's temporary file created: everything staged, the commit point not reached. */
const beforeJournal: Stop = { calls: ['openSync'], arg: 0, pattern: '/\\.alive/receiving/[^/]+/\\.journal\\.json\\.[^/]*$' };
/** The journal renamed into place: the commit point. */
const journal: Stop = { calls: ['renameSync'], arg: 1, pattern: '/\\.alive/receiving/[^/]+/journal\\.json$' };
const renamedTo = (pathEnd: string, nth = 1): Stop => ({ calls: ['renameSync'], arg: 1, pattern: `${pathEnd}$`, nth });

/** Spawns a receive frozen at `stop`, and SIGKILLs it there; fails if the moment never came. */
async function receiveAndKill(args: string[], stop: Stop): Promise<void> {
  const { child, closed } = await startStopped([cli, ...args], stop, { env, what: 'the receive' });
  child.kill('SIGKILL');
  await closed;
}

function ledgerEntries(world: string): unknown[] {
  const p = join(world, '.alive', 'imports.json');
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')).imports : [];
}

function countEntries(log: string): number {
  return (log.match(/^signed: squirrel:test-session$/gm) ?? []).length;
}

beforeAll(async () => {
  cli = await cliBundle();
  const w = await makeSyntheticWalnut(join(base, 'src'), { files: 60, bytes: 512 * 1024, incompressible: 0.5, seed: 3, layout: 'v2' });
  fullPkg = join(base, 'full.walnut');
  bundlePkg = join(base, 'bundles.walnut');
  await createPlainPackage({ walnut: w.path, scope: 'full', bundles: [], output: fullPkg, allowSensitive: false });
  await createPlainPackage({ walnut: w.path, scope: 'bundle', bundles: BUNDLES, output: bundlePkg, allowSensitive: false });
  fullFiles = (await readPackageHead(fullPkg)).manifest!.files.length;
  bundleFiles = (await readPackageHead(bundlePkg)).manifest!.files.length;
  // Reference imports, uninterrupted: what a complete result looks like (in-process, as the reruns).
  const refFull = makeWorld(join(base, 'ref-full'), { layout: 'v2' });
  const refBundles = makeWorld(join(base, 'ref-bundles'), { layout: 'v2' });
  const a = await rerun([fullPkg, '--world', refFull]);
  const b = await rerun([bundlePkg, '--world', refBundles, '--into', '04_Ventures/existing']);
  expect(a.status, a.stderr).toBe(0);
  expect(b.status, b.stderr).toBe(0);
  expectedWalnut = withoutGenerated(tree(join(refFull, '03_Inbox', 'synthetic')));
  const t = tree(join(refBundles, '04_Ventures', 'existing'));
  expectedBundles = new Map(BUNDLES.map((n) => [n, subtree(t, `bundles/${n}`)]));
  expect(expectedWalnut.size).toBeGreaterThan(60);
}, 120_000);

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

describe('kill -9 during receive, full scope: never a partial walnut; the next run cleans up or finishes', () => {
  const trials: { moment: string; stop: () => Stop; committed: boolean; visible: boolean }[] = [
    { moment: 'the first file unpacked', stop: () => unpacked(1), committed: false, visible: false },
    { moment: 'half of the files unpacked', stop: () => unpacked(Math.floor(fullFiles / 2)), committed: false, visible: false },
    { moment: 'every file unpacked', stop: () => unpacked(fullFiles), committed: false, visible: false },
    { moment: 'everything staged, the journal being written', stop: () => beforeJournal, committed: false, visible: false },
    { moment: 'the journal in place (the commit point)', stop: () => journal, committed: true, visible: false },
    { moment: 'the walnut renamed into the world', stop: () => renamedTo('/03_Inbox/synthetic'), committed: true, visible: true },
    { moment: 'the ledger written', stop: () => renamedTo('/\\.alive/imports\\.json'), committed: true, visible: true },
  ];
  for (const [i, trial] of trials.entries()) {
    it(`killed at ${trial.moment}`, async () => {
      const world = makeWorld(join(base, `full-${i}`), { layout: 'v2' });
      await receiveAndKill(['receive', fullPkg, '--world', world], trial.stop());
      expect(checkFullWorld(world, false)).toBe(trial.visible);
      expect(ledgerEntries(world)).toHaveLength(trial.moment === 'the ledger written' ? 1 : 0);
      const again = await rerun([fullPkg, '--world', world, '--json']);
      expect(again.status, again.stderr).toBe(0);
      const out = JSON.parse(again.stdout);
      expect(out.ok).toBe(true);
      // Killed after the commit point, the rerun rolled the import forward; before it, imported afresh.
      expect(out.resumed ?? false).toBe(trial.committed);
      checkFullWorld(world, true);
      expect(ledgerEntries(world)).toHaveLength(1);
      expect(existsSync(join(world, '.alive', 'receiving'))).toBe(false);
      expect(existsSync(join(world, '.alive', 'receive.lock'))).toBe(false);
      rmSync(join(base, `full-${i}`), { recursive: true, force: true });
    });
  }
});

describe('kill -9 during receive, bundle scope: every visible bundle is whole', () => {
  const bundleDir = '/04_Ventures/existing/bundles/bundle-\\d+';
  const trials: { moment: string; stop: () => Stop; committed: boolean; visible: number; logged: boolean }[] = [
    { moment: 'half of the files unpacked', stop: () => unpacked(Math.floor(bundleFiles / 2)), committed: false, visible: 0, logged: false },
    { moment: 'the journal in place (the commit point)', stop: () => journal, committed: true, visible: 0, logged: false },
    { moment: 'the first bundle renamed in', stop: () => renamedTo(bundleDir, 1), committed: true, visible: 1, logged: false },
    { moment: 'every bundle renamed in', stop: () => renamedTo(bundleDir, BUNDLES.length), committed: true, visible: BUNDLES.length, logged: false },
    { moment: 'log.md written', stop: () => renamedTo('/04_Ventures/existing/_kernel/log\\.md'), committed: true, visible: BUNDLES.length, logged: true },
  ];
  for (const [i, trial] of trials.entries()) {
    it(`killed at ${trial.moment}`, async () => {
      const world = makeWorld(join(base, `bundle-${i}`), { layout: 'v2' });
      const args = ['receive', bundlePkg, '--world', world, '--into', '04_Ventures/existing'];
      await receiveAndKill(args, trial.stop());
      expect(checkBundleWorld(world, false)).toBe(trial.visible);
      const logPath = join(world, '04_Ventures', 'existing', '_kernel', 'log.md');
      expect(countEntries(existsSync(logPath) ? readFileSync(logPath, 'utf8') : '')).toBe(trial.logged ? 1 : 0);
      const again = await rerun([...args.slice(1), '--json']);
      expect(again.status, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout).resumed ?? false).toBe(trial.committed);
      checkBundleWorld(world, true);
      expect(countEntries(readFileSync(logPath, 'utf8'))).toBe(1);
      expect(ledgerEntries(world)).toHaveLength(1);
      expect(existsSync(join(world, '.alive', 'receiving'))).toBe(false);
      rmSync(join(base, `bundle-${i}`), { recursive: true, force: true });
    });
  }
});
