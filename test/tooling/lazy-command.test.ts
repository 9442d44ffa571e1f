import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCommand, defineGroup, lazyCommand, runCaptured } from '../../scripts/lib/cli/command.ts';
import { bundleOptions } from '../../tools/build-options.mjs';

const heavy = () =>
  defineCommand({
    name: 'heavy',
    summary: 'heavy',
    usage: 'usage: demo heavy [--n N]',
    options: { n: { type: 'string' } },
    run: (ctx) => ctx.print(`n=${ctx.values.n}`),
  });

describe('lazyCommand', () => {
  it('loads its module only when the command runs, once', async () => {
    let loads = 0;
    const group = defineGroup({
      name: 'demo',
      summary: 'demo',
      commands: [
        lazyCommand('heavy', 'a heavy command', async () => {
          loads++;
          return heavy();
        }),
      ],
    });
    expect((await runCaptured(group, ['--help'])).stdout).toContain('heavy  a heavy command');
    expect(loads).toBe(0);
    expect(await runCaptured(group, ['heavy', '--n', '3'])).toEqual({ code: 0, stdout: 'n=3\n', stderr: '' });
    expect((await runCaptured(group, ['heavy', '--help'])).stdout).toBe('usage: demo heavy [--n N]\n');
    expect((await runCaptured(group, ['heavy', '--bogus'])).code).toBe(2);
    expect(loads).toBe(1);
  });

  it('a module that fails to load is one error line (and one --json failure object)', async () => {
    const group = defineGroup({
      name: 'demo',
      summary: 'demo',
      commands: [lazyCommand('heavy', 'heavy', () => Promise.reject(new Error('boom')))],
    });
    const r = await runCaptured(group, ['heavy', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'unexpected' } });
    expect(r.stderr).toMatch(/^error: unexpected failure: boom/);
  });

  it('refuses a loaded command of another name', async () => {
    const r = await runCaptured(
      lazyCommand('other', 'x', async () => heavy()),
      [],
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/loaded a command named 'heavy'/);
  });

  describe('in an esbuild bundle', () => {
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'alive-lazy-'));
      await build({ ...bundleOptions('lazy-entry'), entryPoints: [join(import.meta.dirname, 'fixtures', 'lazy-entry.ts')], outdir: dir });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('puts the lazy module in a chunk of its own, run only for its command', () => {
      expect(readdirSync(join(dir, 'chunks')).some((f) => f.startsWith('lazy-heavy-'))).toBe(true);
      const run = (...args: string[]) => spawnSync(process.execPath, [join(dir, 'lazy-entry.mjs'), ...args], { encoding: 'utf8' });
      const help = run('--help');
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('heavy  a command with heavy dependencies');
      expect(help.stderr).toBe('');
      const ran = run('heavy');
      expect(ran.stdout).toBe('heavy ran\n');
      expect(ran.stderr).toBe('heavy module loaded\n');
    });
  });
});
