/**
 * gitPeers(dir, bobOptions) copies each relay from a template (setup-templates.ts) made once per
 * template id. The id named the login and key only, and the template's setup ran a transport of
 * its own: bob's options (listingMaxBytes, depositLogMaxBytes, compactSlackBytes) never reached his
 * setup, and a template made without them (or with others) was copied for him all the same.
 */
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { GitTransport, type GitTransportOptions } from '../../scripts/lib/relay/git-transport.ts';
import { gitPeers, gitUser, setUpGitUser, tempDir } from './helpers.ts';

afterEach(() => vi.restoreAllMocks());

/** The options of each transport whose setup ran for `login`, in order. */
function setupsOf(spy: { mock: { contexts: unknown[] } }, login: string): GitTransportOptions[] {
  return spy.mock.contexts.map((c) => (c as { opts: GitTransportOptions }).opts).filter((o) => o.login === login);
}

it("bob's relay is set up with his transport options, never copied from a template made without them or with others", async () => {
  const t = tempDir('git-peers-options');
  try {
    const spy = vi.spyOn(GitTransport.prototype, 'setup');
    // Values no other test uses: a template of their own, made in this test.
    const options = { listingMaxBytes: 8_000_000 + randomInt(1_000_000), depositLogMaxBytes: 4_000_000 + randomInt(1_000_000) };
    const { bob } = await gitPeers(join(t.dir, 'a'), options);
    expect(setupsOf(spy, 'bob')).toEqual([expect.objectContaining(options)]);

    // The same login and key with other options: set up again, with those.
    const other = { ...options, listingMaxBytes: options.listingMaxBytes + 1 };
    await setUpGitUser(join(t.dir, 'b'), { ...gitUser(join(t.dir, 'b'), 'bob', other), keys: bob.keys });
    expect(setupsOf(spy, 'bob')).toEqual([expect.objectContaining(options), expect.objectContaining(other)]);
    // And with the first options again: the first template, copied.
    await setUpGitUser(join(t.dir, 'c'), { ...gitUser(join(t.dir, 'c'), 'bob', options), keys: bob.keys });
    expect(setupsOf(spy, 'bob')).toHaveLength(2);
  } finally {
    t.cleanup();
  }
});
