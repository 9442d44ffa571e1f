/**
 * The git transport's next steps name the flags that make them work: `relay setup --login NAME
 * --url URL` without `--transport git` says to add it, and `push` to someone who is not a peer yet
 * names `add-peer LOGIN --url THEIR_RELAY_URL` (without --url, a push still could not go).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeUser, tempDir, writeTestKeys } from './helpers.ts';
import { run } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;

beforeAll(() => {
  isolateProcessGit();
  base = tempDir('setup-hint');
});
afterAll(() => base.cleanup());

describe('relay setup --url without --transport git', () => {
  it('says to add --transport git, and that command sets the relay up', async () => {
    const dana = makeUser(base.dir, 'dana');
    writeTestKeys(dana.paths);
    const url = join(base.dir, 'remotes', 'dana.git');
    const slip = await run(dana, ['setup', '--login', 'dana', '--url', url]);
    expect(slip.code).toBe(2);
    expect(slip.stderr).toMatch(/^error: .*add --transport git/m);
    const fixed = await run(dana, ['setup', '--login', 'dana', '--url', url, '--transport', 'git', '--json']);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.json).toMatchObject({ ok: true, transport: 'git' });
  });
});

describe('relay push to someone who is not a peer yet (git transport)', () => {
  it('names the add-peer command that makes the push work: with --url', async () => {
    const erin = makeUser(base.dir, 'erin');
    writeTestKeys(erin.paths);
    const fred = makeUser(base.dir, 'fred');
    writeTestKeys(fred.paths);
    const urls = { erin: join(base.dir, 'remotes', 'erin.git'), fred: join(base.dir, 'remotes', 'fred.git') };
    for (const u of [erin, fred]) expect((await run(u, ['setup', '--transport', 'git', '--login', u.login, '--url', urls[u.login as 'erin']])).code).toBe(0);
    const pkg = join(base.dir, 'nothing.walnut');
    writeFileSync(pkg, 'not checked before the peer is');
    const refused = await run(erin, ['push', pkg, '--to', 'fred']);
    expect(refused.code).toBe(1);
    const hint = /run `(alive-p2p relay add-peer [^`]+)`/.exec(refused.stderr)?.[1];
    expect(hint, refused.stderr).toBe('alive-p2p relay add-peer fred --url THEIR_RELAY_URL');
    expect((await run(erin, ['add-peer', 'fred', '--url', urls.fred])).code).toBe(0);
  });
});
