import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { emptyRepo, FakeGithub } from '../support/fake-github.ts';
import { startHangingServer } from '../support/hanging-server.ts';
import { hostileApi, pumpBody } from '../support/hostile-api.ts';
import { GithubTransport, CONTENTS_API_MAX_BYTES } from '../../scripts/lib/relay/github-transport.ts';
import { createOctokit, githubError } from '../../scripts/lib/relay/github-client.ts';
import { gitBlobSha } from '../../scripts/lib/relay/blob-sha.ts';
import { resolveGithubToken } from '../../scripts/lib/relay/token.ts';
import { tempDir } from './helpers.ts';
import { isolateProcessGit } from './git-env.ts';
import { TEST_KEY_COUNT, testKeyPair } from '../support/test-keys.ts';

beforeAll(() => isolateProcessGit());

// The tests run at once (each with its own server and folder): clean up after all of them.
const cleanups: Array<() => void | Promise<void>> = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const TOKENS = { 'tok-alice': 'alice', 'tok-bob': 'bob', 'tok-carol': 'carol' } as const;

async function world(opts: ConstructorParameters<typeof FakeGithub>[0] | undefined = undefined) {
  const gh = new FakeGithub(opts ?? { tokens: { ...TOKENS } });
  await gh.start();
  cleanups.push(() => gh.close());
  const t = tempDir('gh');
  cleanups.push(t.cleanup);
  const as = (login: keyof typeof byLogin) => new GithubTransport({ octokit: createOctokit(gh.url, byLogin[login]), baseUrl: gh.url, login, branch: 'main' });
  const byLogin = { alice: 'tok-alice', bob: 'tok-bob', carol: 'tok-carol' };
  return { gh, dir: t.dir, alice: as('alice'), bob: as('bob'), carol: as('carol') };
}

let nextKey = 0;
/**
 * A public key unlike the previous TEST_KEY_COUNT - 1 ones (fixed test keys, in turn: no keygen
 * wait). A test that needs different keys takes them in one go, without an await between.
 */
function pem(): string {
  return testKeyPair(nextKey++ % TEST_KEY_COUNT).publicKeyPem;
}

function file(dir: string, name: string, bytes: number): string {
  const p = join(dir, name);
  writeFileSync(p, randomBytes(bytes));
  return p;
}

/** alice and bob both set up; bob invited alice and alice accepted, so alice can write into bob's relay. */
async function connected() {
  const w = await world();
  const alicePem = pem();
  const bobPem = pem();
  await w.alice.setup(alicePem);
  await w.bob.setup(bobPem);
  expect(await w.bob.invite('alice')).toBe('invited');
  const [inv] = await w.alice.listRelayInvitations();
  await w.alice.acceptInvitation(inv!.id);
  return { ...w, alicePem, bobPem };
}

describe.concurrent('github transport against a REST server that behaves as GitHub documents', () => {
  it('token order for github.com: GH_TOKEN, then GITHUB_TOKEN, then a clear error (gh is absent)', async () => {
    const api = 'https://api.github.com';
    expect(await resolveGithubToken(api, { GH_TOKEN: 'a', GITHUB_TOKEN: 'b', PATH: '' })).toBe('a');
    expect(await resolveGithubToken(api, { GITHUB_TOKEN: 'b', PATH: '' })).toBe('b');
    await expect(resolveGithubToken(api, { PATH: '' })).rejects.toThrow(/set GH_TOKEN .*gh auth login/);
  });

  it('setup creates a private walnut-relay with README and key, and a second run changes nothing', async () => {
    const w = await world();
    // Both keys taken together: the tests run at once and take fixed keys in turn.
    const [key, newKey] = [pem(), pem()];
    const r = await w.alice.setup(key);
    expect(r).toMatchObject({ repo: 'alice/walnut-relay', created: true, keyPublished: true });
    expect(w.gh.repo('alice/walnut-relay').private).toBe(true);
    expect(w.gh.files('alice/walnut-relay').get('keys/alice.pem')?.toString()).toBe(key);
    const head = w.gh.repo('alice/walnut-relay').refs.get('heads/main');
    const again = await w.alice.setup(key);
    expect(again).toMatchObject({ created: false, keyPublished: false });
    expect(w.gh.repo('alice/walnut-relay').refs.get('heads/main')).toBe(head);
    // A new key replaces the published one (an update with the blob sha GitHub requires).
    expect(newKey).not.toBe(key);
    expect((await w.alice.setup(newKey)).keyPublished).toBe(true);
    expect(w.gh.files('alice/walnut-relay').get('keys/alice.pem')?.toString()).toBe(newKey);
  });

  it('setup refuses a public repository of that name', async () => {
    const w = await world();
    w.gh.repos.set('alice/walnut-relay', { ...emptyRepo('alice'), private: false });
    await expect(w.alice.setup(pem())).rejects.toThrow(/is public/);
  });

  it('a private relay without access reads as 404: fetching the key says how to get access', async () => {
    const w = await world();
    await w.bob.setup(pem());
    await expect(w.alice.fetchPeerKey({ login: 'bob', relay: 'bob/walnut-relay' })).rejects.toThrow(/no access yet.*add-peer alice/);
  });

  it('invite answers 201 with an invitation, then 204 once the peer is a collaborator', async () => {
    const w = await connected();
    expect(await w.bob.invite('alice')).toBe('already');
    expect(await w.bob.isCollaborator('alice')).toBe(true);
    expect(await w.bob.isCollaborator('carol')).toBe(false);
    expect(await w.alice.fetchPeerKey({ login: 'bob', relay: 'bob/walnut-relay' })).toBe(w.bobPem);
  });

  it('invitations are read across pages (Link headers) and filtered to walnut-relay', async () => {
    const users = Array.from({ length: 105 }, (_, i) => `user${i}`);
    const tokens: Record<string, string> = { 'tok-alice': 'alice', 'tok-bob': 'bob', 'tok-carol': 'carol' };
    for (const u of users) tokens[`tok-${u}`] = u;
    const gh = new FakeGithub({ tokens });
    await gh.start();
    cleanups.push(() => gh.close());
    const key = pem();
    // Two inviters go through setup and invite; the other 103 relays and invitations are put in
    // the fake's state directly (only the listing below is under test, and 103 setups through the
    // API cost seconds of CPU).
    await Promise.all(
      users.slice(0, 2).map(async (u) => {
        const t = new GithubTransport({ octokit: createOctokit(gh.url, `tok-${u}`), baseUrl: gh.url, login: u, branch: 'main' });
        await t.setup(key);
        expect(await t.invite('bob')).toBe('invited');
      }),
    );
    for (const [k, u] of users.slice(2).entries()) {
      gh.repos.set(`${u}/walnut-relay`, emptyRepo(u));
      gh.invitations.set(1000 + k, { id: 1000 + k, repo: `${u}/walnut-relay`, invitee: 'bob', inviter: u });
    }
    // An invitation to some other repository is not a relay invitation.
    gh.repos.set('carol/other', { ...emptyRepo('carol'), name: 'other' });
    gh.invitations.set(9999, { id: 9999, repo: 'carol/other', invitee: 'bob', inviter: 'carol' });
    // Nor is carol's invitation to a walnut-relay that someone else owns: keys/carol.pem there
    // would not be carol's own relay speaking for her.
    gh.repos.set('acme/walnut-relay', { ...emptyRepo('acme'), name: 'walnut-relay' });
    gh.invitations.set(9998, { id: 9998, repo: 'acme/walnut-relay', invitee: 'bob', inviter: 'carol' });
    const bob = new GithubTransport({ octokit: createOctokit(gh.url, 'tok-bob'), baseUrl: gh.url, login: 'bob', branch: 'main' });
    const list = await bob.listRelayInvitations();
    expect(list.length).toBe(105);
    expect(new Set(list.map((i) => i.inviter))).toEqual(new Set(users));
    expect(gh.count('GET', /^\/user\/repository_invitations$/)).toBe(2);
  });

  it("an invitation is to its owner's walnut-relay: a full_name naming another repository is not recorded, nor is an id that is not a number", async () => {
    const w = await world();
    await w.bob.setup(pem());
    await w.carol.setup(pem());
    await w.bob.invite('alice');
    await w.carol.invite('alice');
    // bob's invitation names mallory's repository as its full_name; carol's has an id that would be a path.
    w.gh.tamperInvitation = (inv) => {
      const repo = inv.repository as { owner: { login: string } };
      if (repo.owner.login === 'bob') return { ...inv, repository: { ...repo, full_name: 'mallory/walnut-relay' } };
      return { ...inv, id: '1/../../../user' };
    };
    expect(await w.alice.listRelayInvitations()).toEqual([{ id: expect.any(Number), repo: 'bob/walnut-relay', inviter: 'bob' }]);
  });

  it('invitation pages that repeat themselves (a server ignoring page=) end at the first page with nothing new', async () => {
    const page = Array.from({ length: 100 }, (_, i) => ({
      id: i + 1,
      repository: { name: 'walnut-relay', full_name: `p${i}/walnut-relay`, owner: { login: `p${i}` } },
      inviter: { login: `p${i}` },
    }));
    const api = await hostileApi((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(page)));
    cleanups.push(api.close);
    const t = new GithubTransport({ octokit: createOctokit(api.url, 'tok-alice'), baseUrl: api.url, login: 'alice', branch: 'main' });
    const invitations = await t.listRelayInvitations();
    expect(invitations.map((i) => i.id)).toEqual(page.map((i) => i.id));
    expect(api.requests).toHaveLength(2);
  });

  it('small packages go through the Contents API; a taken name is never overwritten', async () => {
    const w = await connected();
    const f = file(w.dir, 'small.walnut', 5000);
    // Someone already wrote a file with the first name we will try.
    w.gh.commitFiles('bob/walnut-relay', { 'inbox/alice/taken.walnut': 'original' });
    const names = ['taken.walnut', 'fresh.walnut'];
    const r = await w.alice.deliver(
      { login: 'bob', relay: 'bob/walnut-relay' },
      f,
      () => names.shift()!,
      () => {},
    );
    expect(r).toMatchObject({ name: 'fresh.walnut', via: 'contents-api' });
    const files = w.gh.files('bob/walnut-relay');
    expect(files.get('inbox/alice/taken.walnut')?.toString()).toBe('original');
    expect(files.get('inbox/alice/fresh.walnut')?.equals(readFileSync(f))).toBe(true);
  });

  it("a deposit refused at every name says what GitHub answered, not only 'try again' (a repository rule refuses every time)", async () => {
    const w = await connected();
    w.gh.failNext('PUT', /\/contents\/inbox\//, 409, 10);
    let n = 0;
    const err = await w.alice
      .deliver(
        { login: 'bob', relay: 'bob/walnut-relay' },
        file(w.dir, 'small.walnut', 100),
        () => `p${n++}.walnut`,
        () => {},
      )
      .then(
        () => undefined,
        (e: Error & { code?: string }) => e,
      );
    expect(err?.code).toBe('conflict');
    expect(err?.message).toMatch(/bob\/walnut-relay kept refusing the deposit \(HTTP 409, a conflict with a change made meanwhile\)/);
    // What the server said is the untrusted detail, not part of the message.
    expect(err?.message).not.toContain('Injected failure');
    expect((err as { untrusted?: { json: Record<string, string> } })?.untrusted?.json.server_message).toMatch(/^Injected failure/);
    expect(n).toBe(4);
    // The same through the Git data API (a package over 1 MiB), whose ref update is refused.
    w.gh.failNext('PATCH', /\/git\/refs\/heads\//, 422, 10);
    const large = await w.alice
      .deliver(
        { login: 'bob', relay: 'bob/walnut-relay' },
        file(w.dir, 'large.walnut', CONTENTS_API_MAX_BYTES + 10),
        () => `p${n++}.walnut`,
        () => {},
      )
      .then(
        () => undefined,
        (e: Error & { code?: string }) => e,
      );
    expect(large?.code).toBe('conflict');
    expect(large?.message).toMatch(
      /bob\/walnut-relay kept changing while delivering \(HTTP 422, a request it would not carry out\); try again, and if it keeps refusing, ask bob/,
    );
    expect((large as { untrusted?: { json: Record<string, string> } })?.untrusted?.json.server_message).toMatch(/^Injected failure/);
  });

  it('a small deposit (Contents API) waits at most the per-call timeout, never the long transfer one', async () => {
    // The smallest seam: the timeout each call asks for. A PUT that is accepted and never answered
    // then fails after 30 s, not 30 minutes.
    const w = await connected();
    const asked: number[] = [];
    const t = w.alice as unknown as { req: (limits: object, ms?: number) => unknown };
    const req = t.req.bind(w.alice);
    t.req = (limits, ms) => {
      asked.push(ms ?? 0);
      return req(limits, ms);
    };
    const r = await w.alice.deliver(
      { login: 'bob', relay: 'bob/walnut-relay' },
      file(w.dir, 'small.walnut', CONTENTS_API_MAX_BYTES),
      () => 'small-1.walnut',
      () => {},
    );
    expect(r.via).toBe('contents-api');
    expect(asked.length).toBeGreaterThan(0);
    expect(Math.max(...asked)).toBeLessThanOrEqual(30_000);
  });

  it('packages above the Contents API limit go through the Git data API, streamed', async () => {
    const w = await connected();
    const f = file(w.dir, 'big.walnut', CONTENTS_API_MAX_BYTES + 300_001);
    const r = await w.alice.deliver(
      { login: 'bob', relay: 'bob/walnut-relay' },
      f,
      () => 'big-1.walnut',
      () => {},
    );
    expect(r.via).toBe('git-data-api');
    expect(r.blob).toBe(await gitBlobSha(f));
    // What push compares a file pushed again with: the blob ids listed in inbox/alice/ of bob's relay.
    expect((await w.alice.listDeposits({ login: 'bob', relay: 'bob/walnut-relay' })).map((e) => [e.name, e.blobSha])).toEqual([['big-1.walnut', r.blob]]);
    expect(w.gh.count('POST', /\/git\/blobs$/)).toBe(1);
    expect(w.gh.count('PUT', /\/contents\/inbox\//)).toBe(0);
    const listing = await w.bob.listInbox();
    expect(listing.entries).toHaveLength(1);
    expect(listing.entries[0]!.blobSha).toBe(await gitBlobSha(f));
    const dest = join(w.dir, 'down.walnut');
    await w.bob.download(listing.entries[0]!, dest);
    expect(readFileSync(dest).equals(readFileSync(f))).toBe(true);
  });

  // Each would wait out the 30-minute transfer limit without the idle one: failed at 20 s here.
  it('a download the server stops sending halfway ends as a timeout once nothing moves for the idle time', { timeout: 20_000 }, async () => {
    const w = await connected();
    const f = file(w.dir, 'big.walnut', CONTENTS_API_MAX_BYTES + 300_001);
    await w.alice.deliver(
      { login: 'bob', relay: 'bob/walnut-relay' },
      f,
      () => 'big-1.walnut',
      () => {},
    );
    const bob = new GithubTransport({ octokit: createOctokit(w.gh.url, 'tok-bob'), baseUrl: w.gh.url, login: 'bob', branch: 'main', transferIdleMs: 300 });
    const [entry] = (await bob.listInbox()).entries;
    w.gh.stallRawBodiesAfter = 64 * 1024;
    const started = Date.now();
    const err = await bob.download(entry!, join(w.dir, 'down.walnut')).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout', message: expect.stringMatching(/did not answer in time while downloading the package/) });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  // Fifth review of 2026-12-07: a server that sends a byte a second never trips the idle time, and
  // held pull for the 30-minute total on each package. A download of a listed size has until a
  // floor plus that size at a slow link's rate.
  it('a download that only trickles ends as a timeout once it is slower than the least rate for its listed size', { timeout: 20_000 }, async () => {
    const w = await connected();
    const f = file(w.dir, 'small.walnut', 4_000);
    await w.alice.deliver(
      { login: 'bob', relay: 'bob/walnut-relay' },
      f,
      () => 'small-1.walnut',
      () => {},
    );
    const bob = new GithubTransport({
      octokit: createOctokit(w.gh.url, 'tok-bob'),
      baseUrl: w.gh.url,
      login: 'bob',
      branch: 'main',
      // Longer than the total below: only the total can end it (an idle time of 300 ms ended it
      // after 1 s once, on a loaded machine, between two drips).
      transferIdleMs: 5_000,
      transferRate: { floorMs: 500, bytesPerSecond: 2_000 },
    });
    const [entry] = (await bob.listInbox()).entries;
    expect(entry!.size).toBe(4_000);
    w.gh.dripRawBodiesEveryMs = 20;
    const started = Date.now();
    const err = await bob.download(entry!, join(w.dir, 'down-small.walnut')).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout' });
    // 0.5 s + 4,000 bytes at 2,000 a second; the drip would take 80 s.
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(Date.now() - started).toBeGreaterThan(2_000);
  });

  it('an upload the server stops reading ends as a timeout once nothing moves for the idle time', { timeout: 20_000 }, async () => {
    const w = await connected();
    // Larger than what loopback's socket buffers take in before the writer has to wait. Zeros the
    // disk holds no blocks for: the upload stops reading after a few MB, and random bytes cost
    // 0.15 s of CPU to make and write.
    const f = join(w.dir, 'big.walnut');
    writeFileSync(f, '');
    truncateSync(f, 32 * 1024 * 1024);
    w.gh.stallBlobUploadsAfter = 1024 * 1024;
    const alice = new GithubTransport({
      octokit: createOctokit(w.gh.url, 'tok-alice'),
      baseUrl: w.gh.url,
      login: 'alice',
      branch: 'main',
      transferIdleMs: 300,
    });
    const started = Date.now();
    const err = await alice
      .deliver(
        { login: 'bob', relay: 'bob/walnut-relay' },
        f,
        () => 'big-1.walnut',
        () => {},
      )
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout', message: expect.stringMatching(/did not answer in time while uploading a package to bob\/walnut-relay/) });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect([...w.gh.files('bob/walnut-relay').keys()].filter((p) => p.startsWith('inbox/'))).toEqual([]);
  });

  it('a large delivery that loses the ref race (422 not a fast forward) is rebuilt on the new tip', async () => {
    const w = await connected();
    const f = file(w.dir, 'big.walnut', CONTENTS_API_MAX_BYTES + 10);
    w.gh.failNext('PATCH', /\/git\/refs\/heads\/main$/, 422, 1);
    const r = await w.alice.deliver(
      { login: 'bob', relay: 'bob/walnut-relay' },
      f,
      () => `n-${randomBytes(2).toString('hex')}.walnut`,
      () => {},
    );
    expect(w.gh.files('bob/walnut-relay').has(r.path)).toBe(true);
    expect(w.gh.count('PATCH', /\/git\/refs\/heads\/main$/)).toBe(2);
  });

  it('lists inbox/*/*.walnut, downloads, and removes with the blob sha', async () => {
    const w = await connected();
    const f = file(w.dir, 'a.walnut', 1000);
    await w.alice.deliver(
      { login: 'bob', relay: 'bob/walnut-relay' },
      f,
      () => 'a-1.walnut',
      () => {},
    );
    w.gh.commitFiles('bob/walnut-relay', { 'inbox/alice/.sneaky.walnut': 'x', 'inbox/alice/sub/x.walnut': 'x', 'inbox/carol/.gitkeep': '' });
    const listing = await w.bob.listInbox();
    expect(listing.entries.map((e) => e.path)).toEqual(['inbox/alice/a-1.walnut']);
    expect(listing.ignored.sort()).toEqual(['inbox/alice/.sneaky.walnut', 'inbox/alice/sub/x.walnut']);
    await w.bob.remove(listing.entries);
    expect(w.gh.files('bob/walnut-relay').has('inbox/alice/a-1.walnut')).toBe(false);
    await w.bob.remove(listing.entries); // 404: already gone, fine
  });

  // A local write failure (no such folder, a full disk) is ours, not GitHub's: it was reported as
  // "cannot reach GitHub" (network), which sends a user to check a connection that works.
  it('a download whose destination cannot be written is unwritable, naming its folder, not a network failure', async () => {
    const w = await connected();
    const f = file(w.dir, 'a.walnut', 1000);
    await w.alice.deliver(
      { login: 'bob', relay: 'bob/walnut-relay' },
      f,
      () => 'a-1.walnut',
      () => {},
    );
    const [entry] = (await w.bob.listInbox()).entries;
    const dest = join(w.dir, 'no-such-folder', 'down.walnut');
    const err = await w.bob.download(entry!, dest).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'unwritable', message: expect.stringContaining(`cannot write into ${join(w.dir, 'no-such-folder')} (`) });
    expect((err as Error).message).toMatch(/ENOENT/);
    expect((err as Error).message).toMatch(/then pull again/);
    expect(w.gh.files('bob/walnut-relay').has('inbox/alice/a-1.walnut')).toBe(true);
  });

  it('a truncated recursive tree listing falls back to walking folder by folder', async () => {
    const gh = new FakeGithub({ tokens: { ...TOKENS }, treeRecursiveLimit: 2 });
    await gh.start();
    cleanups.push(() => gh.close());
    const bob = new GithubTransport({ octokit: createOctokit(gh.url, 'tok-bob'), baseUrl: gh.url, login: 'bob', branch: 'main' });
    await bob.setup(pem());
    gh.commitFiles('bob/walnut-relay', { 'inbox/alice/a.walnut': '1', 'inbox/alice/b.walnut': '2', 'inbox/carol/c.walnut': '3' });
    const listing = await bob.listInbox();
    expect(listing.entries.map((e) => e.path)).toEqual(['inbox/alice/a.walnut', 'inbox/alice/b.walnut', 'inbox/carol/c.walnut']);
  });

  it('a truncated listing of thousands of sender folders is refused, not walked with a request per folder', async () => {
    // Anyone with write access can push an inbox/ of many folders (sharing one tree, the push is
    // small); walking them spent one API request each, the user's whole hourly rate limit.
    const gh = new FakeGithub({ tokens: { ...TOKENS }, treeRecursiveLimit: 100 });
    await gh.start();
    cleanups.push(() => gh.close());
    const bob = new GithubTransport({ octokit: createOctokit(gh.url, 'tok-bob'), baseUrl: gh.url, login: 'bob', branch: 'main' });
    await bob.setup(pem());
    gh.commitFiles('bob/walnut-relay', Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`inbox/s${i}/a-20260101-000000-00000001.walnut`, 'x'])));
    const before = gh.requests.length;
    const err = await bob.listInbox().then(
      () => undefined,
      (e: Error & { code?: string }) => e,
    );
    expect(err?.code).toBe('too_large');
    expect(err?.message).toMatch(/inbox\/ of bob\/walnut-relay holds 1500 folders/);
    expect(gh.requests.length - before).toBeLessThan(20);
  });

  it('a truncated listing walked folder by folder stops at its file cap, not holding every file of every folder', async () => {
    // Folders sharing one tree of many files (a small push): each walked folder listed all of
    // them again, and a thousand folders of GitHub's 100,000-entry trees were 100 million entries.
    // The cap is 200,000 files (MAX_WALKED_FILES); 2,000 here shows the same bound with a hundredth
    // of the entries (the full size took 5 s of CPU).
    const gh = new FakeGithub({ tokens: { ...TOKENS }, treeRecursiveLimit: 100 });
    await gh.start();
    cleanups.push(() => gh.close());
    const bob = new GithubTransport({ octokit: createOctokit(gh.url, 'tok-bob'), baseUrl: gh.url, login: 'bob', branch: 'main', maxWalkedFiles: 2_000 });
    await bob.setup(pem());
    gh.commitFiles('bob/walnut-relay', Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`inbox/s0/p${i}.walnut`, 'x'])));
    gh.commitTreeCopies(
      'bob/walnut-relay',
      'inbox/s0',
      Array.from({ length: 59 }, (_, i) => `inbox/s${i + 1}`),
    );
    const before = gh.requests.length;
    const err = await bob.listInbox().then(
      () => undefined,
      (e: Error & { code?: string }) => e,
    );
    expect(err?.code).toBe('too_large');
    expect(err?.message).toMatch(/inbox\/ of bob\/walnut-relay holds over 2,000 files in its 60 folders/);
    // It stops at the 41st folder (2,050 files) of 60: a request per folder walked, and five before.
    expect(gh.requests.length - before).toBeLessThan(50);
  });

  it('401: says the token was rejected and what to do', async () => {
    const w = await world();
    const bad = new GithubTransport({ octokit: createOctokit(w.gh.url, 'nope'), baseUrl: w.gh.url, login: 'alice', branch: 'main' });
    await expect(bad.authenticatedLogin()).rejects.toThrow(
      /rejected the token .*HTTP 401, the token is not valid, or has expired.*set GH_ENTERPRISE_TOKEN to a valid token for 127\.0\.0\.1:\d+ or run `gh auth login --hostname 127\.0\.0\.1:\d+`/,
    );
  });

  it('403 with x-ratelimit-remaining: 0: says the rate limit is used up and when it resets', async () => {
    const w = await world();
    w.gh.rateLimited.add('tok-alice');
    await expect(w.alice.setup(pem())).rejects.toThrow(/rate limit is used up .*try again at \d{4}-/);
  });

  it('a secondary rate limit (403 with retry-after, requests left) is rate_limited, not a missing scope', async () => {
    const w = await world();
    w.gh.secondaryRateLimited.add('tok-alice');
    const err = await w.alice.setup(pem()).then(
      () => undefined,
      (e: Error & { code?: string }) => e,
    );
    expect(err?.code).toBe('rate_limited');
    expect(err?.message).toMatch(/rate limit.*retry after 60 s/);
    expect(err?.message).not.toMatch(/scope/);
    // Either sign alone is enough: retry-after on a 403, x-ratelimit-remaining: 0 on a 429.
    const answer = (status: number, headers: Record<string, string>) =>
      githubError(Object.assign(new Error('x'), { status, response: { headers, data: { message: 'slow down' } } }), 'reading x', w.gh.url);
    expect(answer(403, { 'retry-after': '5', 'x-ratelimit-remaining': '4000' }).code).toBe('rate_limited');
    expect(answer(429, { 'x-ratelimit-remaining': '0' }).code).toBe('rate_limited');
    expect(answer(429, {}).code).toBe('rate_limited');
    expect(answer(403, { 'x-ratelimit-remaining': '4000' }).code).toBe('forbidden');
  });

  it('5xx on a read is retried; a persistent 5xx becomes a clear error', async () => {
    const w = await world();
    w.gh.failNext('GET', /^\/user$/, 502, 1);
    expect(await w.alice.authenticatedLogin()).toBe('alice');
    w.gh.failNext('GET', /^\/user$/, 503, 10);
    await expect(w.alice.authenticatedLogin()).rejects.toThrow(/GitHub failed .*503.*try again/);
  });

  it("invitations: a page link to another host is not followed (the token stays with the API's host), and paging ends", async () => {
    // Another host, recording what reaches it; and an API whose every page links onward.
    const seen: Array<string | undefined> = [];
    const other = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => other.close(() => r())));
    const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    let pages = 0;
    const api = createServer((req, res) => {
      pages++;
      const page = Number(new URL(req.url!, 'http://x').searchParams.get('page') ?? '1');
      const next = page === 1 ? `${otherUrl}/user/repository_invitations?page=2` : `/user/repository_invitations?page=${page + 1}`;
      const full = Array.from({ length: 100 }, (_, i) => ({
        id: page * 1000 + i,
        repository: { name: 'elsewhere', full_name: `x${i}/elsewhere`, owner: { login: `x${i}` } },
        inviter: { login: `x${i}` },
      }));
      res
        .writeHead(200, { 'content-type': 'application/json', link: `<${next.startsWith('/') ? `http://${req.headers.host}${next}` : next}>; rel="next"` })
        .end(JSON.stringify(full));
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => api.close(() => r())));
    const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    const t = new GithubTransport({ octokit: createOctokit(apiUrl, 'tok-secret'), baseUrl: apiUrl, login: 'bob', branch: 'main' });
    const err = await t.listRelayInvitations().then(
      (r) => r,
      (e: Error) => e,
    );
    expect(seen).toEqual([]);
    expect(pages).toBeLessThanOrEqual(20);
    expect(err instanceof Error ? err.message : '').not.toContain('tok-secret');
  });

  it('a key is read up to a cap: a huge answer for keys/bob.pem is refused without being read whole', async () => {
    // A hostile --api-url answering with a JSON body far beyond any key, written as it is read.
    const offered = 24 * 1024 * 1024; // a few MB more than the client may read: enough to tell
    let sent: ReturnType<typeof pumpBody> | undefined;
    const api = await hostileApi((_req, res, path) => {
      if (!/\/contents\/keys\//.test(path)) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      sent = pumpBody(res, `{"type":"file","sha":"${'a'.repeat(40)}","encoding":"base64","content":"`, Buffer.alloc(64 * 1024, 'A'), offered, '"}');
    });
    cleanups.push(api.close);
    const t = new GithubTransport({ octokit: createOctokit(api.url, 'tok-alice'), baseUrl: api.url, login: 'alice', branch: 'main' });
    const err = await t.fetchPeerKey({ login: 'bob', relay: 'bob/walnut-relay' }).then(
      () => undefined,
      (e: Error & { code?: string }) => e,
    );
    expect(err?.code).toBe('too_large');
    expect(err?.message).toMatch(/keys\/bob\.pem in bob\/walnut-relay is over 64 KiB/);
    for (let i = 0; i < 100 && !sent!.closed(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(sent!.closed()).toBe(true);
    expect(sent!.written()).toBeLessThan(offered); // the client stopped reading: the body was never sent to its end
  });

  it('a key file over the cap on the relay is refused; a large deposit still steps over a taken name', async () => {
    const w = await connected();
    w.gh.commitFiles('bob/walnut-relay', { 'keys/carol.pem': randomBytes(100 * 1024).toString('base64') });
    await expect(w.alice.fetchPeerKey({ login: 'carol', relay: 'bob/walnut-relay' })).rejects.toMatchObject({ code: 'too_large' });
    // A file already at the first name (its JSON larger than the cap): the deposit takes the next name.
    w.gh.commitFiles('bob/walnut-relay', { 'inbox/alice/taken.walnut': randomBytes(300 * 1024) });
    const names = ['taken.walnut', 'fresh.walnut'];
    const f = file(w.dir, 'big.walnut', CONTENTS_API_MAX_BYTES + 10);
    const r = await w.alice.deliver(
      { login: 'bob', relay: 'bob/walnut-relay' },
      f,
      () => names.shift()!,
      () => {},
    );
    expect(r).toMatchObject({ name: 'fresh.walnut', via: 'git-data-api' });
    expect(w.gh.files('bob/walnut-relay').get('inbox/alice/taken.walnut')?.length).toBe(300 * 1024);
  });

  it('a server that never answers: a listing with a deadline fails at the deadline', async () => {
    const hang = await startHangingServer();
    cleanups.push(hang.close);
    const t = new GithubTransport({ octokit: createOctokit(hang.url, 'tok-bob'), baseUrl: hang.url, login: 'bob', branch: 'main' });
    const t0 = Date.now();
    await expect(t.listInbox({ deadline: Date.now() + 1000 })).rejects.toThrow(/did not answer in time/);
    expect(Date.now() - t0).toBeLessThan(1000 + 10_000); // the deadline, with room for a loaded machine
  });
});
