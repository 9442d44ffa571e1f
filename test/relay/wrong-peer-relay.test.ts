/**
 * `relay add-peer bob --url …/alice.git` (another person's relay): the relay has no keys/bob.pem
 * but publishes someone else's key. The refusal said "ask bob to run relay setup", blaming bob; it
 * says the URL looks like someone else's relay (whose keys it holds: untrusted, fenced) and to
 * check it, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tempDir } from './helpers.ts';
import { relayUser, run } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('wrong-peer-relay');
});
afterAll(() => base.cleanup());

describe("add-peer with another person's relay URL", () => {
  it("says the URL looks like someone else's relay, names whose keys it holds as untrusted text, and changes nothing", async () => {
    const alice = await relayUser(base.dir, 'alice');
    const carol = await relayUser(base.dir, 'carol');
    const config = readFileSync(carol.paths.config, 'utf8');

    const json = await run(carol, ['add-peer', 'bob', '--url', alice.url, '--json']);
    expect(json.code).toBe(1);
    expect(json.json.error.code).toBe('no_peer_key');
    expect(json.json.error.message).toMatch(/looks like someone else's relay/);
    expect(json.json.error.message).toMatch(/check the URL/);
    expect(json.json.error.message).not.toMatch(/ask bob to run/);
    expect(json.json.error.message.replace(alice.url, 'URL')).not.toContain('alice');
    expect(json.json.error.untrusted.relay_keys).toContain('alice');
    expect(readFileSync(carol.paths.config, 'utf8')).toBe(config);

    const text = await run(carol, ['add-peer', 'bob', '--url', alice.url]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^<<<BEGIN UNTRUSTED RELAY KEYS \S+\nalice\nEND UNTRUSTED RELAY KEYS \S+>>>$/m);
  });

  it('a login close to the one given is still named as the likely typo', async () => {
    const bob = await relayUser(base.dir, 'bob');
    const dave = await relayUser(base.dir, 'dave');
    const r = await run(dave, ['add-peer', 'bbo', '--url', bob.url, '--json']);
    expect(r.code).toBe(1);
    expect(r.json.error.message).toMatch(/did you mean bob\?/);
  });
});
