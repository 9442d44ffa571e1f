/**
 * The folder test every world and bus lookup makes (fs/find-up.ts isDirectory): a folder or a
 * link to one, and nothing else.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findUp, isDirectory } from '../../scripts/lib/fs/find-up.ts';

const dir = mkdtempSync(join(tmpdir(), 'alive-find-up-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isDirectory', () => {
  it('is true for a folder and a link to one, false for a file, a link to one, a FIFO, a broken link and what is missing', () => {
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'file'), 'x');
    symlinkSync(join(dir, 'folder'), join(dir, 'to-folder'));
    symlinkSync(join(dir, 'file'), join(dir, 'to-file'));
    symlinkSync(join(dir, 'gone'), join(dir, 'broken'));
    expect(spawnSync('mkfifo', [join(dir, 'fifo')]).status).toBe(0);
    const answers = Object.fromEntries(
      ['folder', 'folder/', 'to-folder', 'file', 'to-file', 'fifo', 'broken', 'missing', 'file/below'].map((name) => [name, isDirectory(join(dir, name))]),
    );
    expect(answers).toEqual({
      folder: true,
      'folder/': true,
      'to-folder': true,
      file: false,
      'to-file': false,
      fifo: false,
      broken: false,
      missing: false,
      'file/below': false,
    });
    expect(isDirectory('/')).toBe(true);
    expect(isDirectory('')).toBe(false);
  });

  it('finds a folder whose path is at the system limit, where the slash it adds would pass it', () => {
    // 4,095 bytes is Linux's longest path: made here one level at a time, relative to the last.
    let path = join(dir, 'long');
    mkdirSync(path);
    while (path.length + 201 < 4095) {
      path = join(path, 'd'.repeat(200));
      mkdirSync(path);
    }
    path = join(path, 'e'.repeat(4095 - path.length - 1));
    mkdirSync(path);
    expect(path.length).toBe(4095);
    expect(isDirectory(path)).toBe(true);
  });

  it('findUp stops at the first folder that matches, and past the root gives undefined', () => {
    mkdirSync(join(dir, 'a', 'b', 'c'), { recursive: true });
    mkdirSync(join(dir, 'a', '.marker'));
    expect(findUp(join(dir, 'a', 'b', 'c'), (d) => isDirectory(join(d, '.marker')))).toBe(join(dir, 'a'));
    expect(findUp(join(dir, 'a', 'b'), () => false)).toBeUndefined();
  });
});
