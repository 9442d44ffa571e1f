/**
 * A relay whose branch names a tree (or any object that is not a commit): git stores what the
 * server lists, so the fetch succeeds, and the branch was then taken for one that is not there:
 * a push to that peer said "ask bob to run `alive-p2p relay setup`", advice that changes nothing
 * (the branch is there, damaged or made by hand). It is a damaged relay, and is named so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AliveError } from '../../scripts/lib/errors.ts';
import { isolateProcessGit } from './git-env.ts';
import { deliverTo, fixtureGitPeers, gitIn, tempDir } from './helpers.ts';

let t: ReturnType<typeof tempDir>;
let peers: Awaited<ReturnType<typeof fixtureGitPeers>>;

beforeAll(async () => {
  isolateProcessGit();
  t = tempDir('branch-not-commit');
  peers = await fixtureGitPeers(t.dir);
  // git refuses to point a branch at a tree (update-ref): a server's ref file says what it says.
  const tree = gitIn(peers.bob.url, ['mktree'], '');
  writeFileSync(join(peers.bob.url, 'refs', 'heads', 'main'), `${tree}\n`);
});
afterAll(() => t.cleanup());

describe('a relay whose branch is not a commit', () => {
  it('a push to it is refused as a damaged relay, not as one never set up', async () => {
    const pkg = join(t.dir, 'p.walnut');
    writeFileSync(pkg, randomBytes(500));
    const pushed = deliverTo(peers.alice, peers.bob, pkg, 'one-20260101-000000-00000001.walnut');
    await expect(pushed).rejects.toBeInstanceOf(AliveError);
    await expect(pushed).rejects.toMatchObject({ code: 'bad_relay', message: expect.stringMatching(/'main' .*not a commit/) });
    await expect(pushed).rejects.not.toMatchObject({ message: expect.stringMatching(/relay setup/) });
  });

  it("its owner's listing says the same", async () => {
    await expect(peers.bob.transport.listInbox()).rejects.toMatchObject({ code: 'bad_relay', message: expect.stringMatching(/'main' .*not a commit/) });
  });
});
