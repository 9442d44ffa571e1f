/**
 * The GitHub token never reaches what alive prints or keeps: not stderr, not a --json failure, not
 * state.json's last_error (which `relay status` shows, and skills read). A token that cannot be an
 * HTTP header value (an inner line break, from a two-line token file) is refused before any request,
 * without echoing it; whatever the HTTP layer or a server says is scrubbed of the token.
 *
 * And a token goes only to the host it is for, as gh documents: GH_TOKEN, GITHUB_TOKEN and
 * `gh auth token --hostname github.com` for https://api.github.com; GH_ENTERPRISE_TOKEN,
 * GITHUB_ENTERPRISE_TOKEN and `gh auth token --hostname <host>` for any other API host (a GitHub
 * Enterprise server, or whatever --api-url names). The local server here is such another host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FakeGithub } from '../support/fake-github.ts';
import { hostileApi } from '../support/hostile-api.ts';
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
  alice = makeUser(base.dir, 'alice', { GH_ENTERPRISE_TOKEN: 'tok-alice', GITHUB_API_URL: gh.url });
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
    const u: TestUser = { ...alice, env: { ...alice.env, GH_ENTERPRISE_TOKEN: badToken } };
    const requestsBefore = gh.requests.length;
    const outputs: string[] = [];
    const setup = await cliAsync(u, 'alive-p2p', ['relay', 'setup', '--json']);
    expect(setup.status).toBe(1);
    outputs.push(setup.stdout, setup.stderr);
    expect(setup.json.error.code).toBe('bad_token');
    expect(setup.json.error.message).toMatch(/^GH_ENTERPRISE_TOKEN is not a token/);
    const probe = await cliAsync(u, 'relay-probe', ['--json']);
    outputs.push(probe.stdout, probe.stderr);
    expect(existsSync(u.paths.state)).toBe(true);
    const state = readFileSync(u.paths.state, 'utf8');
    expect(JSON.parse(state).last_error).toMatch(/GH_ENTERPRISE_TOKEN/);
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
      for (const [api, name] of [
        ['https://api.github.com', 'GH_TOKEN'],
        ['https://api.github.com', 'GITHUB_TOKEN'],
        ['https://ghe.example.com/api/v3', 'GH_ENTERPRISE_TOKEN'],
        ['https://ghe.example.com/api/v3', 'GITHUB_ENTERPRISE_TOKEN'],
      ] as const) {
        const err = await resolveGithubToken(api, { [name]: bad, PATH: '' }).then(
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
    expect(await resolveGithubToken('https://api.github.com', { GH_TOKEN: `  ${SECRET}\n`, PATH: '' })).toBe(SECRET);
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
      const e = githubError(fake, 'reading the authenticated user', gh.url);
      expect(leaks(e.message), e.message).toEqual([]);
      // The server's words are the untrusted detail only, the token hidden there too.
      const words = [e.untrusted?.json.server_message ?? '', ...(e.untrusted?.lines ?? [])].join('\n');
      expect(leaks(words), words).toEqual([]);
      expect(words).toMatch(/token \[hidden\]|Bearer \[hidden\]/);
    }
    const network = new TypeError(`Headers.append: "token ${SECRET}\n${SECOND}" is an invalid header value.`);
    const m = githubError(network, 'reading the authenticated user', gh.url).message;
    expect(leaks(m), m).toEqual([]);
    // A server echoing the token in the content type of an answer that is not JSON.
    const api = await hostileApi((_req, res) => void res.writeHead(200, { 'content-type': `text/plain; echo=${SECRET}` }).end('hello'));
    try {
      const echo = new GithubTransport({ octokit: createOctokit(api.url, SECRET), baseUrl: api.url, login: 'alice', branch: 'main' });
      const refused = await echo.authenticatedLogin().then(
        () => undefined,
        (e: Error & { code?: string }) => e,
      );
      expect(refused?.code).toBe('bad_relay');
      expect(leaks(refused!.message), refused!.message).toEqual([]);
    } finally {
      await api.close();
    }
  });
});

/** A `gh` that logs its arguments and prints a token naming the host it was asked for. */
function fakeGh(dir: string): { path: string; log: string } {
  const log = join(dir, 'gh-calls.log');
  const script = join(dir, 'gh');
  writeFileSync(
    script,
    `#!/bin/sh\necho "$*" >> '${log}'\ncase "$*" in\n  "auth token --hostname "*) echo "gho_gh_for_$4";;\n  "auth token") echo "gho_GITHUBCOM_FROM_GH";;\n  *) exit 1;;\nesac\n`,
  );
  chmodSync(script, 0o755);
  return { path: `${dir}:${process.env.PATH}`, log };
}

const calls = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);

describe('a token goes only to the host it is for', () => {
  const GHE = 'https://ghe.example.com/api/v3';

  it('`gh auth token` runs without the package passphrase in its environment', async () => {
    const t = tempDir('gh-env');
    try {
      const gh = fakeGh(t.dir);
      const seen = join(t.dir, 'gh-env.txt');
      writeFileSync(join(t.dir, 'gh'), `#!/bin/sh\nenv > '${seen}'\necho gho_token\n`);
      const token = await resolveGithubToken('https://api.github.com', { WALNUT_PASSPHRASE: 'hunter2', PATH: gh.path, HOME: t.dir });
      expect(token).toBe('gho_token');
      const env = readFileSync(seen, 'utf8');
      expect(env).toContain(`HOME=${t.dir}`);
      expect(env).not.toContain('hunter2');
    } finally {
      t.cleanup();
    }
  });

  it('api.github.com: GH_TOKEN, then GITHUB_TOKEN, then `gh auth token --hostname github.com`; never the enterprise variables', async () => {
    const t = tempDir('gh-host');
    try {
      const gh = fakeGh(t.dir);
      const api = 'https://api.github.com';
      expect(await resolveGithubToken(api, { GH_TOKEN: 'a', GITHUB_TOKEN: 'b', GH_ENTERPRISE_TOKEN: 'e', PATH: gh.path })).toBe('a');
      expect(await resolveGithubToken(api, { GITHUB_TOKEN: 'b', GH_ENTERPRISE_TOKEN: 'e', PATH: gh.path })).toBe('b');
      expect(await resolveGithubToken('https://API.GitHub.com/', { GH_ENTERPRISE_TOKEN: 'e', GITHUB_ENTERPRISE_TOKEN: 'f', PATH: gh.path })).toBe(
        'gho_gh_for_github.com',
      );
      expect(calls(gh.log)).toEqual(['auth token --hostname github.com']);
    } finally {
      t.cleanup();
    }
  });

  it('any other host: GH_ENTERPRISE_TOKEN, then GITHUB_ENTERPRISE_TOKEN, then `gh auth token --hostname <host>`; never GH_TOKEN or GITHUB_TOKEN', async () => {
    const t = tempDir('gh-host');
    try {
      const gh = fakeGh(t.dir);
      const com = { GH_TOKEN: 'ghp_GITHUBCOM', GITHUB_TOKEN: 'ghp_GITHUBCOM2', PATH: gh.path };
      expect(await resolveGithubToken(GHE, { ...com, GH_ENTERPRISE_TOKEN: 'e', GITHUB_ENTERPRISE_TOKEN: 'f' })).toBe('e');
      expect(await resolveGithubToken(GHE, { ...com, GITHUB_ENTERPRISE_TOKEN: 'f' })).toBe('f');
      expect(await resolveGithubToken(GHE, com)).toBe('gho_gh_for_ghe.example.com');
      // Hosts that only look like github.com are other hosts.
      expect(await resolveGithubToken('https://api.github.com.evil.example', com)).toBe('gho_gh_for_api.github.com.evil.example');
      expect(await resolveGithubToken('http://api.github.com', com)).toBe('gho_gh_for_api.github.com');
      expect(calls(gh.log)).toEqual([
        'auth token --hostname ghe.example.com',
        'auth token --hostname api.github.com.evil.example',
        'auth token --hostname api.github.com',
      ]);
      // Without gh: the error names the enterprise variables and the host, and does not offer GH_TOKEN.
      const err = await resolveGithubToken(GHE, { GH_TOKEN: 'ghp_GITHUBCOM', PATH: '' }).then(
        () => undefined,
        (e: Error & { code?: string }) => e,
      );
      expect(err?.code).toBe('no_token');
      expect(err?.message).toMatch(
        /no GitHub token for ghe\.example\.com: set GH_ENTERPRISE_TOKEN \(or GITHUB_ENTERPRISE_TOKEN\).*gh auth login --hostname ghe\.example\.com/,
      );
      expect(err?.message).not.toMatch(/set GH_TOKEN/);
      const bad = await resolveGithubToken(GHE, { GH_ENTERPRISE_TOKEN: 'x\ny', PATH: '' }).catch((e: Error) => e.message);
      expect(bad).toMatch(/^GH_ENTERPRISE_TOKEN is not a token/);
    } finally {
      t.cleanup();
    }
  });

  it("relay setup --api-url on another host sends that host's token, never GH_TOKEN, and a 401 names GH_ENTERPRISE_TOKEN", async () => {
    const t = tempDir('gh-host');
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(String(req.headers.authorization));
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"message":"Bad credentials"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
      const gh = fakeGh(t.dir);
      const u = makeUser(t.dir, 'erin', { GH_TOKEN: 'ghp_GITHUBCOM_PAT', GITHUB_TOKEN: 'ghp_GITHUBCOM_PAT2', PATH: gh.path });
      delete u.env.GITHUB_API_URL;
      writeFixtureKeys(u.paths, 'erin');
      const viaGh = await cliAsync(u, 'alive-p2p', ['relay', 'setup', '--api-url', `http://${host}/api/v3`, '--json']);
      expect(viaGh.json.error?.code, viaGh.stderr).toBe('unauthorized');
      u.env.GH_ENTERPRISE_TOKEN = 'ghe_RIGHT';
      const viaEnv = await cliAsync(u, 'alive-p2p', ['relay', 'setup', '--api-url', `http://${host}/api/v3`, '--json']);
      expect(viaEnv.json.error?.code, viaEnv.stderr).toBe('unauthorized');
      expect(viaEnv.json.error.message).toMatch(new RegExp(`set GH_ENTERPRISE_TOKEN to a valid token for ${host}`));
      expect(viaEnv.json.error.message).not.toMatch(/GH_TOKEN/);
      expect(calls(gh.log)).toEqual([`auth token --hostname ${host}`]);
      expect(seen.length).toBeGreaterThan(0);
      expect(new Set(seen)).toEqual(new Set([`token gho_gh_for_${host}`, 'token ghe_RIGHT']));
    } finally {
      server.close();
      t.cleanup();
    }
  });
});

describe('a `gh auth token` that misbehaves', () => {
  const GHE = 'https://ghe.example.com/api/v3';
  /** A `gh` in a temporary folder, running `body` (sh). */
  function ghRunning(dir: string, body: string): string {
    writeFileSync(join(dir, 'gh'), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, 'gh'), 0o755);
    return `${dir}:${process.env.PATH}`;
  }

  it('one that never ends, ignoring SIGTERM, is stopped at the deadline: timeout, saying what to do', async () => {
    const t = tempDir('gh-hang');
    try {
      const PATH = ghRunning(t.dir, "trap '' TERM\nexec sleep 20");
      const t0 = Date.now();
      const err = await resolveGithubToken(GHE, { PATH }, 500).then(
        () => undefined,
        (e: Error & { code?: string }) => e,
      );
      expect(Date.now() - t0).toBeLessThan(8000);
      expect(err?.code).toBe('timeout');
      expect(err?.message).toMatch(/`gh auth token --hostname ghe\.example\.com` did not finish within 0\.5 s; set GH_ENTERPRISE_TOKEN/);
    } finally {
      t.cleanup();
    }
  });

  it('one that prints megabytes is refused as not a token, not read whole, and not reported as no token at all', async () => {
    const t = tempDir('gh-flood');
    try {
      const PATH = ghRunning(t.dir, "head -c 3000000 /dev/zero | tr '\\0' 'A'");
      const err = await resolveGithubToken(GHE, { PATH }).then(
        () => undefined,
        (e: Error & { code?: string }) => e,
      );
      expect(err?.code).toBe('bad_token');
      expect(err?.message).toMatch(/`gh auth token --hostname ghe\.example\.com` printed more than 64 KiB, which is not a token/);
      expect(err?.message).not.toContain('AAAA');
    } finally {
      t.cleanup();
    }
  });
});

describe('an API URL holding a user name or password', () => {
  it('is refused before any request, without showing it, and nothing is written', async () => {
    const t = tempDir('gh-url-creds');
    try {
      const u = makeUser(t.dir, 'erin', { GH_ENTERPRISE_TOKEN: 'ghe_RIGHT' });
      delete u.env.GITHUB_API_URL;
      writeFixtureKeys(u.paths, 'erin');
      const r = await runAsCli(u, ['setup', '--api-url', `http://erin:${SECRET}@127.0.0.1:9/api/v3`, '--json']);
      expect(r.status).toBe(1);
      expect(r.json.error?.code, r.stderr).toBe('bad_url');
      expect(r.json.error.message).toMatch(/holds a user name or password \(not shown\).*GH_ENTERPRISE_TOKEN/);
      expect(leaks(r.stdout + r.stderr)).toEqual([]);
      expect(existsSync(u.paths.config)).toBe(false);
    } finally {
      t.cleanup();
    }
  });
});
