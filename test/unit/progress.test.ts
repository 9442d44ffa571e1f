/**
 * cli.md 3: long work shows progress on stderr when stderr is a terminal, and stays quiet
 * otherwise. `script` gives the bundled CLI a real pseudo-terminal.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { terminalProgress } from '../../scripts/lib/cli/progress.ts';
import { bundlePath } from '../support/bundles.ts';

const cli = bundlePath('alive-p2p');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'alive-progress-'));
  mkdirSync(join(dir, 'w', '_kernel'), { recursive: true });
  writeFileSync(join(dir, 'w', '_kernel', 'key.md'), '# key\n');
  writeFileSync(join(dir, 'w', 'big.bin'), randomBytes(5 * 1024 * 1024));
});

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe('progress', () => {
  it('is shown on a terminal while packing and unpacking', () => {
    const out = join(dir, 'tty.walnut');
    const cmd = `${shellQuote(process.execPath)} ${shellQuote(cli)} create --walnut ${shellQuote(join(dir, 'w'))} --scope full --output ${shellQuote(out)}`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, ALIVE_HOME: join(dir, 'home') } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/packing \d+% \([\d.]+ (?:[KM]i)?B of 5\.0 MiB\)/);
    const x = `${shellQuote(process.execPath)} ${shellQuote(cli)} extract ${shellQuote(out)} --output ${shellQuote(join(dir, 'x'))}`;
    const e = spawnSync('script', ['-qec', x, '/dev/null'], { encoding: 'utf8' });
    expect(e.status).toBe(0);
    expect(e.stdout).toMatch(/reading \d+%/);
  });

  it('stays quiet when stderr is not a terminal', () => {
    const out = join(dir, 'pipe.walnut');
    const r = spawnSync(process.execPath, [cli, 'create', '--walnut', join(dir, 'w'), '--scope', 'full', '--output', out], {
      encoding: 'utf8',
      env: { ...process.env, ALIVE_HOME: join(dir, 'home') },
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const e = spawnSync(process.execPath, [cli, 'extract', out, '--output', join(dir, 'y')], { encoding: 'utf8' });
    expect(e.status).toBe(0);
    expect(e.stderr).toBe('');
  });
});

describe('terminalProgress', () => {
  it('asks whether its stream is a terminal only once the work is large (asking creates process.stderr)', () => {
    let asked = 0;
    const written: string[] = [];
    const stream = {
      write: (t: string) => written.push(t),
      get isTTY() {
        asked += 1;
        return true;
      },
    };
    const progress = terminalProgress(stream, 1000);
    progress({ phase: 'reading', doneBytes: 10, totalBytes: 500, finished: false });
    progress({ phase: 'reading', doneBytes: 500, totalBytes: 500, finished: true });
    expect(asked).toBe(0);
    expect(written).toEqual([]);
    progress({ phase: 'reading', doneBytes: 10, totalBytes: 5000, finished: false });
    progress({ phase: 'reading', doneBytes: 4000, totalBytes: 5000, finished: false });
    expect(asked).toBe(1);
    expect(written[0]).toMatch(/^\r\x1b\[Kreading 0% /);
  });
});
