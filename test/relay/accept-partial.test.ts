/**
 * `relay accept` without LOGIN takes several invitations; when one of them is refused (its key
 * cannot be read), the others are accepted and the command ends as a failure should: an `error:`
 * line naming who was not accepted and what to do, and under --json the failure object. Local server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGithub } from '../support/fake-github.ts';
import { makeUser, tempDir, writeFixtureKeys, type TestUser } from './helpers.ts';
import { run } from './in-process.ts';

let base: ReturnType<typeof tempDir>;
let gh: FakeGithub;
const u: Record<string, TestUser> = {};

beforeAll(async () => {
  gh = new FakeGithub({ tokens: { 'tok-alice': 'alice', 'tok-bob': 'bob', 'tok-carol': 'carol' } });
  await gh.start();
  base = tempDir('accept-partial');
  for (const login of ['alice', 'bob', 'carol'] as const) {
    const user = makeUser(base.dir, login, { GH_ENTERPRISE_TOKEN: `tok-${login}`, GITHUB_API_URL: gh.url });
    writeFixtureKeys(user.paths, login);
    const r = await run(user, ['setup', '--json']);
    if (r.code !== 0) throw new Error(`setup ${login}: ${r.stderr}`);
    u[login] = user;
  }
});
afterAll(async () => {
  await gh.close();
  base.cleanup();
});

describe('accept of every invitation, one of them refused', () => {
  it('accepts the others, then exits 1 with an error line and --json error object naming the refused peer', async () => {
    const { alice, bob, carol } = u as Record<string, TestUser>;
    expect((await run(bob!, ['add-peer', 'alice'])).code).toBe(0);
    expect((await run(carol!, ['add-peer', 'alice'])).code).toBe(0);
    // Without a LOGIN, accept takes the invitations of alice's peers only.
    expect((await run(alice!, ['add-peer', 'bob'])).code).toBe(0);
    expect((await run(alice!, ['add-peer', 'carol'])).code).toBe(0);
    gh.failNext('GET', /\/repos\/carol\/walnut-relay\/contents\/keys/, 404, 20);
    const acc = await run(alice!, ['accept', '--json']);
    expect(acc.code).toBe(1);
    expect(acc.json.accepted).toEqual([expect.objectContaining({ peer: 'bob' })]);
    expect(acc.json.refused).toEqual([expect.objectContaining({ peer: 'carol' })]);
    expect(acc.json).toMatchObject({ ok: false, error: { code: expect.any(String) } });
    expect(acc.json.error.message).toMatch(/carol/);
    expect(acc.json.error.message).toContain('alive-p2p relay accept carol');
    expect(acc.stderr).toMatch(/^error: .*carol/m);
  });
});
