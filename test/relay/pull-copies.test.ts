/**
 * Anyone with write access to a relay can name one blob under as many folders as a listing holds.
 * Under folders that are not the user's peers, every copy is the same unverified bytes: pull saves
 * one and reports the others as duplicates of it, so one large blob cannot fill the disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { bareFiles, commitToBare, gitIn, tempDir, bytesUnder } from './helpers.ts';
import { pair, relayUser, run, walnutPackage } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('pull-copies');
});
afterAll(() => base.cleanup());

describe('one blob named under many folders that are not peers', () => {
  it('is saved once; the other copies are duplicates of it, removed from the relay', async () => {
    const carol = await relayUser(base.dir, 'carol');
    const blob = gitIn(carol.url, ['hash-object', '-w', '--stdin'], randomBytes(256 * 1024).toString('base64'));
    const mktree = (lines: string[]) => gitIn(carol.url, ['mktree'], `${lines.join('\n')}\n`);
    const folder = mktree([`100644 blob ${blob}\tjunk-20260101-000000-00000001.walnut`]);
    const copies = 40;
    const inbox = mktree(Array.from({ length: copies }, (_, i) => `040000 tree ${folder}\ts${i}`));
    const head = gitIn(carol.url, ['rev-parse', 'main']);
    const root = gitIn(carol.url, ['ls-tree', head])
      .split('\n')
      .filter((l) => !l.endsWith('\tinbox'));
    const tree = mktree([...root, `040000 tree ${inbox}\tinbox`]);
    gitIn(carol.url, [
      'update-ref',
      'refs/heads/main',
      gitIn(carol.url, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', tree, '-p', head, '-m', 'copies']),
    ]);

    const pull = await run(carol, ['pull', '--json']);
    expect(pull.json.error.code).toBe('unverified');
    expect(pull.json.received).toHaveLength(1);
    expect(pull.json.received[0]).toMatchObject({ verified: false });
    expect(pull.json.duplicates).toHaveLength(copies - 1);
    for (const d of pull.json.duplicates) expect(d.first).toBe(pull.json.received[0].path);
    expect(bytesUnder(carol.paths.inbox)).toBeLessThan(2 * 350 * 1024);
    expect([...bareFiles(carol.url).keys()].filter((p) => p.startsWith('inbox/'))).toEqual([]);

    // Put back under new folders: the copy saved before answers for them too.
    gitIn(carol.url, [
      'update-ref',
      'refs/heads/main',
      gitIn(carol.url, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', tree, '-p', 'main', '-m', 'again']),
    ]);
    const again = await run(carol, ['pull', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json.received).toEqual([]);
    expect(again.json.duplicates).toHaveLength(copies);
    expect(bytesUnder(carol.paths.inbox)).toBeLessThan(2 * 350 * 1024);

    // On a terminal, a duplicate from a sender who is not a peer names neither them nor the file:
    // the saved copy's path holds the folder and file names whoever writes the relay chose.
    gitIn(carol.url, [
      'update-ref',
      'refs/heads/main',
      gitIn(carol.url, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', tree, '-p', 'main', '-m', 'once more']),
    ]);
    const human = await run(carol, ['pull']);
    const lines = human.stdout.split('\n').filter((l) => l.startsWith('Duplicate in'));
    // The first 20 by name, then how many more (pull-many-copies.test.ts).
    expect(lines).toHaveLength(Math.min(copies, 20));
    if (copies > 20) expect(human.stdout).toContain(`… and ${copies - 20} more copies removed from the relay`);
    for (const l of lines) expect(l).not.toMatch(/junk-|inbox\//);
  }, 120_000);

  it("copies of a peer's delivery under such folders: the delivery is received, one copy kept apart, the rest duplicates", async () => {
    const dave = await relayUser(base.dir, 'dave');
    const erin = await relayUser(base.dir, 'erin');
    await pair(dave, erin);
    const push = await run(erin, ['push', await walnutPackage(erin, 'shared'), '--to', 'dave', '--json']);
    expect(push.code, push.stderr).toBe(0);
    const files: Record<string, Buffer> = {};
    const blob = Buffer.from(spawnSync('git', ['cat-file', 'blob', `main:${push.json.path}`], { cwd: dave.url }).stdout);
    for (let i = 0; i < 20; i++) files[`inbox/z${i}/${push.json.name}`] = blob; // after erin's folder
    commitToBare(dave.url, files);
    const pull = await run(dave, ['pull', '--json']);
    const byFrom = pull.json.received.map((r: any) => [r.from, r.verified]);
    expect(byFrom).toEqual([
      ['erin', true],
      ['z0', false],
    ]);
    expect(pull.json.duplicates).toHaveLength(19);
  }, 120_000);

  it("one blob of junk under many names in a peer's folder: checked once, saved once", async () => {
    const fay = await relayUser(base.dir, 'fay');
    const gus = await relayUser(base.dir, 'gus');
    await pair(fay, gus);
    const junk = randomBytes(64 * 1024);
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 20; i++) files[`inbox/gus/junk${i}-20260101-000000-00000001.walnut`] = junk;
    commitToBare(fay.url, files);
    const pull = await run(fay, ['pull', '--json']);
    expect(pull.json.received.map((r: any) => [r.from, r.verified])).toEqual([['gus', false]]);
    expect(pull.json.duplicates).toHaveLength(19);
  }, 120_000);
});
