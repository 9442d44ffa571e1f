/**
 * Whether a peer's relay answers is asked with `git ls-remote`, whose output says nothing more than
 * that it did. Whoever hosts that relay chooses what it advertises: a packed-refs file that names
 * the branch millions of times made ls-remote print each (57 bytes a line), all of it read into
 * the probe's (or status's) memory before it was thrown away.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { gitIn, gitUser, tempDir } from './helpers.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('ls-remote-output');
});
afterAll(() => base.cleanup());

/** A bare repository whose packed-refs names refs/heads/main `times` times. */
function repeatedBranch(dir: string, times: number): string {
  const repo = join(dir, 'mallory.git');
  gitIn(dir, ['init', '--quiet', '--bare', '--initial-branch=main', repo]);
  const tree = gitIn(repo, ['mktree'], '');
  const commit = gitIn(repo, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', tree, '-m', 'x']);
  rmSync(join(repo, 'refs', 'heads'), { recursive: true, force: true });
  const fd = openSync(join(repo, 'packed-refs'), 'w');
  writeSync(fd, '# pack-refs with: peeled fully-peeled sorted \n');
  const chunk = Buffer.from(`${commit} refs/heads/main\n`.repeat(10_000));
  for (let i = 0; i < times / 10_000; i++) writeSync(fd, chunk);
  closeSync(fd);
  return repo;
}

// 300,000 lines: 17 MB printed whole, twice the bound below; a million (57 MB) cost git a second of CPU.
it("a relay that advertises its branch 300,000 times does not fill memory with ls-remote's output", async () => {
  const relay = repeatedBranch(base.dir, 300_000);
  const erin = gitUser(base.dir, 'erin');
  const start = process.memoryUsage().arrayBuffers;
  let peak = start;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
  }, 2);
  try {
    expect(await erin.transport.isReachable({ login: 'mallory', relay })).toBe(true);
  } finally {
    clearInterval(sample);
  }
  peak = Math.max(peak, process.memoryUsage().arrayBuffers);
  // The advertisement printed whole is 17 MB; one line of it says the relay answered.
  expect(peak - start).toBeLessThan(8 * 1024 * 1024);
}, 60_000);
