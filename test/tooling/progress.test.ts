/**
 * lib/package reports progress through a callback and never writes to the terminal itself; the
 * command's terminalProgress shows it only on a terminal.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { terminalProgress } from '../../scripts/lib/cli/progress.ts';
import { createPlainPackage } from '../../scripts/lib/package/create.ts';
import { extractPackage } from '../../scripts/lib/package/extract.ts';
import type { ByteProgress } from '../../scripts/lib/package/progress.ts';

const dir = mkdtempSync(join(tmpdir(), 'alive-progress-cb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('package progress', () => {
  it('comes to the callback, while nothing is written to stderr or stdout', async () => {
    const walnut = join(dir, 'w');
    mkdirSync(join(walnut, '_kernel'), { recursive: true });
    writeFileSync(join(walnut, '_kernel', 'key.md'), '# key\n');
    writeFileSync(join(walnut, 'big.bin'), randomBytes(3 * 1024 * 1024));
    const stderr = vi.spyOn(process.stderr, 'write');
    const stdout = vi.spyOn(process.stdout, 'write');
    try {
      const events: ByteProgress[] = [];
      const out = join(dir, 'w.walnut');
      await createPlainPackage({ walnut, scope: 'full', bundles: [], allowSensitive: false, output: out, onProgress: (p) => events.push(p) });
      const packing = events.filter((e) => e.phase === 'packing');
      expect(packing.at(-1)).toMatchObject({ finished: true, doneBytes: packing.at(-1)!.totalBytes });
      expect(packing.at(-1)!.totalBytes).toBeGreaterThanOrEqual(3 * 1024 * 1024);
      expect(packing.slice(0, -1).every((e) => !e.finished && e.doneBytes <= e.totalBytes)).toBe(true);

      events.length = 0;
      await extractPackage(out, join(dir, 'x'), { maxBytes: 1 << 30, onProgress: (p) => events.push(p) });
      expect(events.some((e) => e.phase === 'reading' && !e.finished)).toBe(true);
      expect(events.at(-1)).toMatchObject({ phase: 'reading', finished: true });
      expect(stderr).not.toHaveBeenCalled();
      expect(stdout).not.toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
  });

  it('terminalProgress leaves no characters of a longer line behind when its line gets shorter', async () => {
    // What a terminal shows: \r goes back to the start of the line, ESC [ K erases to its end.
    let line = '';
    let col = 0;
    const screen = {
      isTTY: true,
      write: (t: string) => {
        for (let i = 0; i < t.length; i++) {
          if (t[i] === '\r') col = 0;
          else if (t.startsWith('\x1b[K', i)) {
            line = line.slice(0, col);
            i += 2;
          } else {
            line = line.slice(0, col) + t[i] + line.slice(col + 1);
            col++;
          }
        }
      },
    };
    const total = 12 * 1024 * 1024;
    const now = vi.spyOn(Date, 'now');
    try {
      const tty = terminalProgress(screen);
      now.mockReturnValue(1_000_000);
      tty({ phase: 'uploading', doneBytes: 1023 * 1024, totalBytes: total, finished: false });
      expect(line).toBe('uploading 8% (1023.0 KiB of 12.0 MiB)');
      now.mockReturnValue(1_001_000);
      tty({ phase: 'uploading', doneBytes: 1024 * 1024, totalBytes: total, finished: false });
      expect(line).toBe('uploading 8% (1.0 MiB of 12.0 MiB)');
    } finally {
      now.mockRestore();
    }
  });

  it('terminalProgress draws on a terminal only, and clears its line when a phase finishes', () => {
    const written: string[] = [];
    const big = 64 * 1024 * 1024;
    const tty = terminalProgress({ isTTY: true, write: (t: string) => written.push(t) });
    tty({ phase: 'packing', doneBytes: big / 2, totalBytes: big, finished: false });
    tty({ phase: 'packing', doneBytes: big, totalBytes: big, finished: true });
    expect(written).toEqual(['\r\x1b[Kpacking 50% (32.0 MiB of 64.0 MiB)', '\r\x1b[K']);

    const piped: string[] = [];
    const pipe = terminalProgress({ isTTY: false, write: (t: string) => piped.push(t) });
    pipe({ phase: 'packing', doneBytes: big / 2, totalBytes: big, finished: false });
    pipe({ phase: 'packing', doneBytes: big, totalBytes: big, finished: true });
    expect(piped).toEqual([]);
  });

  it('terminalProgress shows the bytes alone while a total is not known (0), once they pass the threshold', () => {
    const written: string[] = [];
    const tty = terminalProgress({ isTTY: true, write: (t: string) => written.push(t) });
    tty({ phase: 'downloading', doneBytes: 1024 * 1024, totalBytes: 0, finished: false });
    tty({ phase: 'downloading', doneBytes: 8 * 1024 * 1024, totalBytes: 0, finished: false });
    tty({ phase: 'downloading', doneBytes: 9 * 1024 * 1024, totalBytes: 9 * 1024 * 1024, finished: true });
    expect(written).toEqual(['\r\x1b[Kdownloading 8.0 MiB', '\r\x1b[K']);
  });
});
