/**
 * Names that are not UTF-8 in a relay's trees (whoever writes to the relay may commit any bytes):
 * a delivery or a clean-up rebuilds the folders on its path (the root, inbox/, inbox/<sender>/)
 * and must write every entry it does not own back byte for byte. They were read as UTF-8 text and
 * written back through mktree: each such name became U+FFFD (`note-\xff.txt` became
 * `note-\xef\xbf\xbd.txt`), and two of them collapsed into one, the other dropped.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitPeers, deliverTo, tempDir } from './helpers.ts';
import { isolateProcessGit } from './git-env.ts';

let t: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  t = tempDir('non-utf8');
});
afterAll(() => t.cleanup());

function gitBytes(repo: string, args: string[], input?: Buffer): Buffer {
  const r = spawnSync('git', ['--git-dir', repo, ...args], { input, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Every entry of `ref`, all levels, as raw `ls-tree -r -z` records (mode, type, id, the name's bytes). */
function rawEntries(repo: string, ref = 'main'): string[] {
  return gitBytes(repo, ['ls-tree', '-r', '-z', ref]).toString('latin1').split('\0').filter(Boolean).sort();
}

/** Commits files whose paths are given as bytes (latin1 strings: one character a byte) onto `main`. */
function commitRawNames(repo: string, files: Record<string, string>): void {
  const now = Math.floor(Date.now() / 1000);
  const quoted = (path: string) => `"${[...Buffer.from(path, 'latin1')].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('')}"`;
  let text = `commit refs/heads/main\ncommitter m <m@m> ${now} +0000\ndata 5\nnotes\nfrom refs/heads/main^0\n`;
  for (const [path, content] of Object.entries(files)) text += `M 100644 inline ${quoted(path)}\ndata ${content.length}\n${content}\n`;
  gitBytes(repo, ['fast-import', '--quiet'], Buffer.from(`${text}\n`, 'latin1'));
}

it('a delivery and a clean-up write back names that are not UTF-8 byte for byte, none renamed or dropped', async () => {
  const { alice, bob } = await gitPeers(t.dir);
  const pkg = join(t.dir, 'p.walnut');
  writeFileSync(pkg, randomBytes(2000));
  // One of alice's first: inbox/alice/ exists, so her next delivery rebuilds it.
  await deliverTo(alice, bob, pkg, 'one-20260101-000000-00000001.walnut');
  commitRawNames(bob.url, {
    'note-\xfe.txt': 'one',
    'note-\xff.txt': 'two',
    'inbox/\xff\xfe/x.walnut': 'three',
    'inbox/alice/\xff.walnut': 'four',
    'inbox/alice/\xfe.walnut': 'five',
  });
  const before = rawEntries(bob.url);
  expect(before.filter((e) => /[\x80-\xff]/.test(e))).toHaveLength(5);

  const second = await deliverTo(alice, bob, pkg, 'two-20260101-000000-00000002.walnut');
  const afterDelivery = rawEntries(bob.url);
  expect(afterDelivery.filter((e) => !e.endsWith(`\t${second.path}`))).toEqual(before);

  const listing = await bob.transport.listInbox();
  const taken = listing.entries.find((e) => e.path === second.path)!;
  await bob.transport.remove([taken]);
  expect(rawEntries(bob.url)).toEqual(before);
});
