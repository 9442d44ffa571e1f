/**
 * The time `relay inbox` shows for a deposit is its commit's committer time, which whoever wrote
 * the commit chooses. One far outside what a JavaScript Date can hold must not break the listing
 * of every other package: the time is then unknown.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tempDir, gitIn, gitPeers, deliverTo } from './helpers.ts';
import { isolateProcessGit } from './git-env.ts';

beforeAll(() => isolateProcessGit());
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('a deposit commit with a committer time no Date can hold', () => {
  it('leaves the listing and its details working; that time is unknown', async () => {
    const t = tempDir('deposit-time');
    cleanups.push(t.cleanup);
    const { alice, bob } = await gitPeers(t.dir);
    const pkg = join(t.dir, 'p.walnut');
    writeFileSync(pkg, randomBytes(2000));
    const good = await deliverTo(alice, bob, pkg, 'one-20260101-000000-00000001.walnut');
    const odd = await deliverTo(alice, bob, pkg, 'two-20260101-000000-00000002.walnut');

    // The second deposit's commit rewritten with a committer time of year ~287,000 (git takes it).
    const head = gitIn(bob.url, ['rev-parse', 'main']);
    const tree = gitIn(bob.url, ['rev-parse', `${head}^{tree}`]);
    const parent = gitIn(bob.url, ['rev-parse', `${head}^`]);
    const text = `tree ${tree}\nparent ${parent}\nauthor m <m@m> 9000000000000 +0000\ncommitter m <m@m> 9000000000000 +0000\n\ndeposit: two from alice (2000 bytes)\n`;
    const commit = gitIn(bob.url, ['hash-object', '-t', 'commit', '-w', '--stdin'], text);
    gitIn(bob.url, ['update-ref', 'refs/heads/main', commit]);

    const listing = await bob.transport.listInbox();
    expect(listing.entries.map((e) => e.path)).toEqual([good.path, odd.path]);
    const details = await bob.transport.depositDetails(listing.head, new Set([good.path, odd.path]));
    expect(details.get(good.path)).toMatchObject({ size: 2000, time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(details.get(odd.path)).toEqual({ size: 2000, time: null });
  });
});
