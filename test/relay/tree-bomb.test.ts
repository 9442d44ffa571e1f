/**
 * Git stores a tree once however often it is named: a few kilobytes of trees, each holding the
 * next one hundreds of times, spell an inbox/ of millions of paths. Anyone with write access can
 * commit one. Listing it must not expand it into gigabytes (that took 15 s and ended in a
 * JavaScript string-length error, or a process out of memory): it is refused, with what to do.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tempDir, gitIn, gitUser } from './helpers.ts';
import { isolateProcessGit } from './git-env.ts';

beforeAll(() => isolateProcessGit());
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Adds to inbox/ a folder `mallory/` whose three levels of shared trees hold n^3 files. */
function treeBomb(relay: string, n: number): void {
  const blob = gitIn(relay, ['hash-object', '-w', '--stdin'], 'x');
  const mktree = (lines: string[]) => gitIn(relay, ['mktree'], `${lines.join('\n')}\n`);
  const files = mktree(Array.from({ length: n }, (_, i) => `100644 blob ${blob}\tf${i}.walnut`));
  const mid = mktree(Array.from({ length: n }, (_, i) => `040000 tree ${files}\td${i}`));
  const top = mktree(Array.from({ length: n }, (_, i) => `040000 tree ${mid}\te${i}`));
  const head = gitIn(relay, ['rev-parse', 'main']);
  const root = gitIn(relay, ['ls-tree', head]).split('\n');
  const inboxLine = root.find((l) => l.endsWith('\tinbox'))!;
  const inboxEntries = gitIn(relay, ['ls-tree', inboxLine.split(/\s+/)[2]!])
    .split('\n')
    .filter(Boolean);
  const inbox = mktree([...inboxEntries, `040000 tree ${top}\tmallory`]);
  const rootTree = mktree([...root.filter((l) => !l.endsWith('\tinbox')), `040000 tree ${inbox}\tinbox`]);
  const commit = gitIn(relay, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', rootTree, '-p', head, '-m', 'bomb']);
  gitIn(relay, ['update-ref', 'refs/heads/main', commit]);
}

describe('an inbox/ of shared trees that spells millions of paths', () => {
  it('is refused as too_large within seconds, not expanded into gigabytes', async () => {
    const t = tempDir('tree-bomb');
    cleanups.push(t.cleanup);
    const alice = gitUser(t.dir, 'alice');
    const bob = gitUser(t.dir, 'bob');
    await alice.transport.setup(alice.keys.publicKeyPem);
    await bob.transport.setup(bob.keys.publicKeyPem);
    const pkg = join(t.dir, 'p.walnut');
    writeFileSync(pkg, randomBytes(2000));
    await alice.transport.deliver(
      { login: 'bob', relay: bob.url },
      pkg,
      () => 'one-20260101-000000-00000001.walnut',
      () => {},
    );
    // 250^3 = 15.6 million paths, about 1.3 GB as ls-tree -r prints them; a few hundred KB stored.
    treeBomb(bob.url, 250);

    const started = Date.now();
    const err = await bob.transport.listInbox().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(err).toMatchObject({ code: 'too_large', message: expect.stringMatching(/^inbox in the relay .* holds more paths than alive lists/) });
  }, 60_000);
});
