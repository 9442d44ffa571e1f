/**
 * The GitHub token never reaches what alive prints or keeps: not stderr, not a --json failure, not
 * state.json's last_error (which `relay status` shows, and skills read). A token that cannot be an
 * HTTP header value (an inner line break, from a two-line token file) is refused before any request,
 * without echoing it; whatever the HTTP layer or a server says is scrubbed of the token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { FakeGithub } from '../support/fake-github.ts';
import { makeUser, tempDir, writeFixtureKeys, type TestUser } from './helpers.ts';
import { cliAsync } from './cli.ts';
import { runAsCli } from './in-process.ts';
import { createOctokit, githubError } from '../../scripts/lib/relay/github-client.ts';
import { GithubTransport } from '../../scripts/lib/relay/github-transport.ts';
import { resolveGithubToken } from '../../scripts/lib/relay/token.ts';

let base: ReturnType<typeof tempDir>;
let gh: FakeGithub;
let alice: TestUser;

beforeAll(async () => {
  gh = new FakeGithub({ tokens: { 'tok-alice': 'alice' } });
  await gh.start();
  base = tempDir('gh-token');
  alice = makeUser(base.dir, 'alice', { GH_TOKEN: 'tok-alice', GITHUB_API_URL: gh.url });
  writeFixtureKeys(alice.paths, 'alice');
  const r = await runAsCli(alice, ['setup', '--json']);
  if (r.status !== 0) throw new Error(`setup: ${r.stderr}`);
});
afterAll(async () => {
  await gh.close();
  base.cleanup();
});

const SECRET = 'ghp_SECRET0123456789';
const SECOND = 'second-line-of-the-file';

function leaks(text: string): string[] {
  return [SECRET, SECOND, 'SECRET01'].filter((s) => text.includes(s));
}

describe('the GitHub token stays out of messages and state', () => {
  it('a token with an inner line break is refused without echoing it: stderr, --json, state.json and status', async () => {
    const badToken = `${SECRET}\n${SECOND}`;
    const u: TestUser = { ...alice, env: { ...alice.env, GH_TOKEN: badToken } };
    const requestsBefore = gh.requests.length;
    const outputs: string[] = [];
    const setup = await cliAsync(u, 'alive-p2p', ['relay', 'setup', '--json']);
    expect(setup.status).toBe(1);
    outputs.push(setup.stdout, setup.stderr);
    expect(setup.json.error.code).toBe('bad_token');
    expect(setup.json.error.message).toMatch(/GH_TOKEN .*not a token/);
    const probe = await cliAsync(u, 'relay-probe', ['--json']);
    outputs.push(probe.stdout, probe.stderr);
    expect(existsSync(u.paths.state)).toBe(true);
    const state = readFileSync(u.paths.state, 'utf8');
    expect(JSON.parse(state).last_error).toMatch(/GH_TOKEN/);
    outputs.push(state);
    const status = await cliAsync(u, 'alive-p2p', ['relay', 'status']);
    outputs.push(status.stdout, status.stderr);
    const statusJson = await cliAsync(u, 'alive-p2p', ['relay', 'status', '--json']);
    outputs.push(statusJson.stdout, statusJson.stderr);
    for (const text of outputs) expect(leaks(text), text).toEqual([]);
    // Refused before anything was sent.
    expect(gh.requests.length).toBe(requestsBefore);
  });

  it('every character other than visible ASCII is refused, naming the variable and what to do', async () => {
    for (const bad of [`${SECRET}\n${SECOND}`, `${SECRET}\u00e9x`, `${SECRET}\r\nX-Evil: y`, `${SECRET} ${SECOND}`, `${SECRET}\u0000`]) {
      for (const name of ['GH_TOKEN', 'GITHUB_TOKEN']) {
        const err = await resolveGithubToken({ [name]: bad, PATH: '' }).then(
          () => undefined,
          (e: unknown) => e as Error & { code?: string },
        );
        expect(err?.code).toBe('bad_token');
        expect(err?.message).toContain(name);
        expect(err?.message).toMatch(/one line/);
        expect(leaks(err?.message ?? '')).toEqual([]);
      }
    }
    // Surrounding white space (a token file's final newline) is not part of the token.
    expect(await resolveGithubToken({ GH_TOKEN: `  ${SECRET}\n`, PATH: '' })).toBe(SECRET);
  });

  it('whatever the HTTP layer or the server says, githubError keeps the token out of the message', async () => {
    // An Octokit given the bad token directly (past resolveGithubToken): fetch refuses the header.
    const t = new GithubTransport({ octokit: createOctokit(gh.url, `${SECRET}\n${SECOND}`), baseUrl: gh.url, login: 'alice', branch: 'main' });
    const err = await t.authenticatedLogin().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err).toBeDefined();
    expect(leaks(err!.message), err!.message).toEqual([]);
    // A server (or a proxy) echoing an Authorization value in its message.
    for (const echoed of [`Bad credentials: token ${SECRET}`, `invalid Authorization: Bearer ${SECRET}`, `header "token ${SECRET}\n${SECOND}" refused`]) {
      const fake = Object.assign(new Error(echoed), { status: 401, response: { headers: {}, data: { message: echoed } } });
      const m = githubError(fake, 'reading the authenticated user', gh.url).message;
      expect(leaks(m), m).toEqual([]);
      expect(m).toMatch(/token \[hidden\]|Bearer \[hidden\]/);
    }
    const network = new TypeError(`Headers.append: "token ${SECRET}\n${SECOND}" is an invalid header value.`);
    const m = githubError(network, 'reading the authenticated user', gh.url).message;
    expect(leaks(m), m).toEqual([]);
  });
});
