/**
 * The share skill hands a passphrase create to the user's terminal (the passphrase never passes
 * through the agent), so what create leaves out, holds back or packs that looks like a key reached
 * the user only as lines in that terminal (a review of 2026-12-07). `create --dry-run --json` says
 * it first: the same lists, nothing written, no passphrase asked.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { setProcessEnv } from '../support/process-env.ts';
import { makeWalnut, rmrf, tempRoot } from './helpers.ts';

let root: string;
let restore: () => void = () => {};
beforeAll(() => {
  root = tempRoot('create-dry-run');
  restore = setProcessEnv({ WALNUT_PASSPHRASE: undefined, HOME: join(root, 'home'), ALIVE_HOME: join(root, 'home', '.alive') });
});
afterAll(() => {
  restore();
  rmrf(root);
});

for (const format of ['2.0', '2.1']) {
  it(`--dry-run --json (format ${format}) lists what create would leave out and warn of, and writes nothing, asking no passphrase`, async () => {
    const walnut = makeWalnut(join(root, `w-${format}`), {
      'notes/a.md': 'a\n',
      'notes/.netrc': 'machine x login y password z\n',
      'notes/CLAUDE.md': 'instructions\n',
    });
    const out = join(root, `out-${format}`);
    mkdirSync(out);
    const output = join(out, 'p.walnut');
    const r = await runCaptured(createCommand, [
      '--walnut',
      walnut,
      '--scope',
      'full',
      '--output',
      output,
      '--encrypt',
      'passphrase',
      '--format',
      format,
      '--dry-run',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ ok: true, dry_run: true, scope: 'full', encrypted: true, path: null, sha256: null });
    expect(j.files).toBeGreaterThan(1);
    expect(j.skipped).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'notes/.netrc' })]));
    expect(j.agent_files).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'notes/CLAUDE.md' })]));
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(out)).toEqual([]);
    const human = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', output, '--dry-run']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^Dry run: nothing written/m);
    expect(existsSync(output)).toBe(false);
  });
}
