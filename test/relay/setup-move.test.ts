/**
 * `relay setup` run again is documented as safe (it republishes your key and keeps your peers).
 * With another --url (a typo, or another remote) it silently moved your mailbox: your peers
 * deliver to the relay they know, which you would no longer read. It is now refused, naming both
 * relays and what moving involves; --move says you mean it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';
import { relayUser, run, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('setup-move');
  alice = await relayUser(base.dir, 'alice');
}, 60_000);
afterAll(() => base.cleanup());

describe('relay setup again with another relay', () => {
  it('the same relay again: safe, as before', async () => {
    expect((await run(alice, ['setup', '--transport', 'git', '--login', 'alice', '--url', alice.url])).code).toBe(0);
    expect((await run(alice, ['setup'])).code).toBe(0);
  });

  it('another --url: refused, relay.json unchanged, saying what moving means', async () => {
    const before = readFileSync(alice.paths.config, 'utf8');
    const other = join(base.dir, 'remotes', 'alice-typo.git');
    const r = await run(alice, ['setup', '--transport', 'git', '--login', 'alice', '--url', other, '--json']);
    expect(r.code).toBe(1);
    expect(r.json.error.code).toBe('already_set_up');
    expect(r.json.error.message).toBe(
      `your relay is already ${alice.url} (git), where your peers deliver to you; setup with ${other} would move your mailbox there, ` +
        'and what your peers send to the old one would no longer reach you. To move it, run setup again with --move, then give your peers ' +
        'the new relay (each runs `alive-p2p relay accept alice --url NEW_URL`)',
    );
    expect(readFileSync(alice.paths.config, 'utf8')).toBe(before);
  });

  it('--move moves it', async () => {
    const other = join(base.dir, 'remotes', 'alice-new.git');
    const r = await run(alice, ['setup', '--transport', 'git', '--login', 'alice', '--url', other, '--move', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(alice.paths.config, 'utf8')).url).toBe(other);
  });
});
