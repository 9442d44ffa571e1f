import { spawn } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { recoverLeftovers } from '../../scripts/lib/receive/journal.ts';
import { makeWalnut, makeWorld, testEnv, tmp, tree, writePackage, v2Manifest, v3Manifest, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;
const files: PackageFiles = {
  '_kernel/key.md': '---\ngoal: g\n---\n',
  'bundles/a/context.manifest.yaml': 'goal: a\n',
  'bundles/a/x.md': 'x\n',
  'bundles/b/context.manifest.yaml': 'goal: b\n',
};

describe('the imports ledger', () => {
  it("keeps the sender's invisible and control characters out of the file's text (as \\u escapes), the values the same", async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const sender = 'bob\u202etxt.exe\u2028\u0085\u009b31m';
    const v3files: PackageFiles = { '_kernel/key.md': 'k\n', 'b1/context.manifest.yaml': 'goal: b\n' };
    const pkg = await writePackage(join(base, 'p.walnut'), v3Manifest('garden\u202e', 'bundle', v3files, { bundles: ['b1'], sender }), v3files);
    await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env });
    const text = readFileSync(join(world, '.alive', 'imports.json'), 'utf8');
    expect(text).not.toMatch(/[\u202e\u2028\u0085\u009b]/);
    expect(JSON.parse(text).imports[0]).toMatchObject({ sender, walnut: 'garden\u202e' });
  });

  it('records each import and refuses the same package twice, anywhere in the world for a full package', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('garden', 'full', files), files);
    const r = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env });
    const before = tree(world);
    await expect(receivePackage({ packagePath: pkg, world, as: 'garden-2', maxBytes: MAX, env })).rejects.toThrow(
      /already imported into 03_Inbox\/garden on .*pass --force/,
    );
    expect(tree(world)).toEqual(before);
    const again = await receivePackage({ packagePath: pkg, world, as: 'garden-2', maxBytes: MAX, env, force: true });
    expect(again.walnut).toBe(join(world, '03_Inbox', 'garden-2'));
    const ledger = JSON.parse(readFileSync(join(world, '.alive', 'imports.json'), 'utf8'));
    expect(ledger.imports.map((e: { target: string }) => e.target)).toEqual(['03_Inbox/garden', '03_Inbox/garden-2']);
    expect(ledger.imports[0]).toMatchObject({
      package_sha256: r.package_sha256,
      format_version: '2.0.0',
      walnut: 'garden',
      scope: 'full',
      created: '2026-03-01T10:00:00Z',
      sender: null,
      signer: null,
      signature_verified: false,
      source: pkg,
      imported: ['03_Inbox/garden'],
      conflicts: [],
    });
  });

  it('allows the same bundle package into another walnut, and keeps entries it does not know', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    makeWalnut(join(world, '04_Ventures', 'two'), { layout: 'v3' });
    writeFileSync(join(world, '.alive', 'imports.json'), JSON.stringify({ imports: [], other_tool: { keep: true } }));
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('garden', 'bundle', files, { bundles: ['a', 'b'] }), files);
    await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env });
    await receivePackage({ packagePath: pkg, world, into: '04_Ventures/two', maxBytes: MAX, env });
    await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures/two', maxBytes: MAX, env })).rejects.toThrow(/already imported/);
    const ledger = JSON.parse(readFileSync(join(world, '.alive', 'imports.json'), 'utf8'));
    expect(ledger.other_tool).toEqual({ keep: true });
    expect(ledger.imports).toHaveLength(2);
  });

  it('stops, writing nothing, when the ledger is damaged', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    writeFileSync(join(world, '.alive', 'imports.json'), '{"imports": [{"package_sha256": 5}]}');
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('garden', 'full', files), files);
    const before = tree(world);
    await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env })).rejects.toThrow(/imports\.json is damaged/);
    expect(tree(world)).toEqual(before);
  });
});

describe('--dry-run', () => {
  it('returns the plan, entry and conflicts a real run would have, and writes nothing', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const withAlpha: PackageFiles = { ...files, 'bundles/alpha/context.manifest.yaml': 'goal: clash\n' };
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('garden', 'bundle', withAlpha, { bundles: ['a', 'alpha', 'b'] }), withAlpha);
    const before = tree(world);
    const now = new Date('2026-05-04T12:00:00Z');
    const dry = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env, now, dryRun: true });
    expect(tree(world)).toEqual(before);
    expect(dry.dry_run).toBe(true);
    const real = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env, now });
    expect(dry.imported).toEqual(real.imported);
    expect(dry.conflicts).toEqual([{ bundle: 'alpha', existing: 'bundles/alpha', imported_as: 'alpha-imported-20260504' }]);
    expect(dry.conflicts).toEqual(real.conflicts);
    expect(dry.log_entry).toBe(real.log_entry);
    // After the real run, a dry run reports the refusal the real run would meet.
    await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env, dryRun: true })).rejects.toThrow(
      /already imported/,
    );
  });
});

describe('recovery of interrupted receives', () => {
  it('deletes a staging folder that never reached its journal, leaving the world as it was', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const before = tree(world);
    const leftover = join(world, '.alive', 'receiving', 'dead-1', 'pkg', 'bundles', 'a');
    mkdirSync(leftover, { recursive: true });
    writeFileSync(join(leftover, 'half.md'), 'half');
    writeFileSync(join(world, '.alive', 'receive.lock'), JSON.stringify({ pid: 999_999_999, started: 'then' }));
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('garden', 'full', files), files);
    const r = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env });
    expect(r.notes.join('\n')).toMatch(/cleaned up 1 interrupted receive/);
    const after = tree(world);
    for (const [k, v] of before) expect(after.get(k)).toBe(v);
    expect([...after.keys()].filter((k) => !before.has(k)).every((k) => k.startsWith('03_Inbox/garden') || k === '.alive/imports.json')).toBe(true);
  });

  it('finishes a receive whose journal was written (roll forward), once, and the next run of the same package reports it done', async () => {
    const base = tmp();
    const env = testEnv(base);
    // Run a bundle receive in a scratch copy to obtain a genuine journal and staging tree.
    const scratch = makeWorld(join(base, 'scratch'), { layout: 'v2' });
    const world = makeWorld(base, { layout: 'v2' });
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('garden', 'bundle', files, { bundles: ['a', 'b'] }), files);
    const done = await receivePackage({ packagePath: pkg, world: scratch, into: '04_Ventures/existing', maxBytes: MAX, env });
    // Rebuild what a run killed right after writing its journal leaves behind.
    const id = JSON.parse(readFileSync(join(scratch, '.alive', 'imports.json'), 'utf8')).imports[0].receipt as string;
    const staging = join(world, '.alive', 'receiving', id);
    mkdirSync(join(staging, 'out', 'bundles'), { recursive: true });
    cpSync(join(scratch, '04_Ventures', 'existing', 'bundles', 'a'), join(staging, 'out', 'bundles', 'a'), { recursive: true });
    cpSync(join(scratch, '04_Ventures', 'existing', 'bundles', 'b'), join(staging, 'out', 'bundles', 'b'), { recursive: true });
    const entry = done.log_entry!;
    const ledgerEntry = JSON.parse(readFileSync(join(scratch, '.alive', 'imports.json'), 'utf8')).imports[0];
    writeFileSync(
      join(staging, 'journal.json'),
      JSON.stringify({
        version: 1,
        id,
        package_sha256: done.package_sha256,
        target: '04_Ventures/existing',
        mkdirs: ['04_Ventures/existing/bundles'],
        moves: [
          { from: 'out/bundles/a', to: '04_Ventures/existing/bundles/a' },
          { from: 'out/bundles/b', to: '04_Ventures/existing/bundles/b' },
        ],
        log: { path: '04_Ventures/existing/_kernel/log.md', entry, walnut: 'existing', timestamp: '2026-05-04T12:00:00Z', summary: 's' },
        now: { walnut: '04_Ventures/existing', layout: 'v2', timestamp: '2026-05-04T12:00:00Z', session: 'test-session', context: 'c' },
        ledger: ledgerEntry,
        result: { ...done, walnut: join(world, '04_Ventures', 'existing') },
      }),
    );
    // Half of it had happened: bundle a was already moved in.
    cpSync(join(staging, 'out', 'bundles', 'a'), join(world, '04_Ventures', 'existing', 'bundles', 'a'), { recursive: true });
    const { rmSync } = await import('node:fs');
    rmSync(join(staging, 'out', 'bundles', 'a'), { recursive: true });

    const r = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env });
    expect(r.resumed).toBe(true);
    expect(existsSync(join(world, '04_Ventures', 'existing', 'bundles', 'b', 'context.manifest.yaml'))).toBe(true);
    expect(existsSync(staging)).toBe(false);
    const log = readFileSync(join(world, '04_Ventures', 'existing', '_kernel', 'log.md'), 'utf8');
    expect(log.split(entry).length - 1).toBe(1);
    const ledger = JSON.parse(readFileSync(join(world, '.alive', 'imports.json'), 'utf8'));
    expect(ledger.imports).toHaveLength(1);
    // Recovery is idempotent: nothing left, nothing repeated.
    expect(recoverLeftovers(world, join(world, '.alive', 'receiving'))).toEqual({ finished: [], discarded: [], stuck: [] });
    await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env })).rejects.toThrow(/already imported/);
  });

  it('refuses to run beside a live receive in the same world', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    // Another process's lock (this process's own pid would be an earlier process's: taken over).
    const other = spawn('sleep', ['30']);
    try {
      writeFileSync(join(world, '.alive', 'receive.lock'), JSON.stringify({ pid: other.pid, started: 'now' }));
      const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('garden', 'full', files), files);
      await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env })).rejects.toThrow(new RegExp(`another receive is running.*pid ${other.pid}`));
      expect(existsSync(join(world, '03_Inbox', 'garden'))).toBe(false);
    } finally {
      other.kill();
    }
  });
});
