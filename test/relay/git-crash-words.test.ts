/**
 * git 2.39 reads a tree recursively, and a folder some 30,000 levels deep (which a push accepts)
 * crashes it. Where a relay command lists such a tree on a path other than the inbox listing
 * (listTreeNow maps that one to too_large), the error said only "git ls-tree was ended by signal
 * SIGSEGV": nothing of why, nor what to do. A crash now says both, wherever git crashes.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { GitError, runGit } from '../../scripts/lib/relay/git-run.ts';

const bin = mkdtempSync(join(tmpdir(), 'crashing-git-'));
afterAll(() => rmSync(bin, { recursive: true, force: true }));

it('a git that crashes (SIGSEGV) says what makes it crash on a relay and what to do', async () => {
  writeFileSync(join(bin, 'git'), '#!/bin/sh\nkill -SEGV $$\n');
  chmodSync(join(bin, 'git'), 0o755);
  const err = await runGit(['ls-tree', '-r', '-z', 'HEAD', '--', 'keys'], { env: { PATH: `${bin}:${process.env.PATH ?? ''}` } }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(GitError);
  expect((err as GitError).signal).toBe('SIGSEGV');
  expect((err as GitError).message).toBe(
    'git ls-tree crashed (signal SIGSEGV), as git does (among other causes) on a folder nested tens of thousands of levels deep, which anyone who can write to a relay can commit: ' +
      'remove it from the relay (a clone, `git rm -r`, push) and try again',
  );
});
