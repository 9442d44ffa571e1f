/**
 * A GitHub API URL on plain http carries the token in clear text to whoever is on the path: it is
 * refused, before any request, unless its host is this machine (the tests' local server is on
 * 127.0.0.1). The requests the commands would make are recorded in-process (the global fetch,
 * under every Octokit call), so a refusal that came only after the token was sent would show.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { makeUser, tempDir, writeFixtureKeys } from './helpers.ts';
import { runAsCli } from './in-process.ts';
import { githubApiUrl } from '../../scripts/lib/relay/token.ts';
import { probeWithinBudget } from '../../scripts/lib/relay/probe.ts';

let base: ReturnType<typeof tempDir>;
const sent: Array<{ url: string; authorization: string | null }> = [];

beforeEach(() => {
  base = tempDir('api-plain-http');
  sent.length = 0;
  vi.stubGlobal('fetch', async (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    sent.push({ url, authorization: new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('authorization') });
    throw new TypeError('fetch failed (no network in this test)');
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  base.cleanup();
});

describe('a plain-http GitHub API URL', () => {
  it('for a host on the network is refused by setup before any request, with its own code, and nothing is written', async () => {
    const u = makeUser(base.dir, 'erin', { GH_ENTERPRISE_TOKEN: 'ghe_SECRET_TOKEN' });
    delete u.env.GITHUB_API_URL;
    writeFixtureKeys(u.paths, 'erin');
    const r = await runAsCli(u, ['setup', '--api-url', 'http://ghe.example.com/api/v3', '--json']);
    expect(r.status).toBe(1);
    expect(r.json.error?.code, r.stderr).toBe('insecure_url');
    expect(r.json.error.message).toMatch(/http:\/\/ghe\.example\.com.*https:\/\//);
    expect(sent).toEqual([]);
    expect(existsSync(u.paths.config)).toBe(false);
  });

  it('from GITHUB_API_URL, or in a hand-edited relay.json, is refused by every command, and the probe records why', async () => {
    const u = makeUser(base.dir, 'frank', { GH_ENTERPRISE_TOKEN: 'ghe_SECRET_TOKEN', GITHUB_API_URL: 'http://10.0.0.7:8080/api/v3' });
    writeFixtureKeys(u.paths, 'frank');
    const viaEnv = await runAsCli(u, ['setup', '--json']);
    expect(viaEnv.json.error?.code, viaEnv.stderr).toBe('insecure_url');
    expect(viaEnv.json.error.message).toMatch(/GITHUB_API_URL/);

    delete u.env.GITHUB_API_URL;
    mkdirSync(u.paths.dir, { recursive: true });
    writeFileSync(
      u.paths.config,
      JSON.stringify({
        repo: 'frank/walnut-relay',
        github_username: 'frank',
        transport: 'github',
        url: null,
        api_url: 'HTTP://ghe.example.com',
        branch: 'main',
        peers: [],
      }),
    );
    const pull = await runAsCli(u, ['pull', '--json']);
    expect(pull.json.error?.code, pull.stderr).toBe('insecure_url');
    const probe = await probeWithinBudget({ paths: u.paths, statePath: u.paths.state, budgetMs: 3000, env: u.env });
    expect(probe.state?.last_error).toMatch(/is plain http/);
    expect(sent).toEqual([]);
  });

  it('for this machine stays allowed (a local server, as the tests use)', () => {
    for (const url of ['http://127.0.0.1:9/api/v3', 'http://localhost:8080', 'http://[::1]:3000', 'http://127.8.9.10']) {
      expect(githubApiUrl({}, url)).toBe(url.replace(/\/+$/, ''));
    }
    for (const url of ['http://127.0.0.1.example.com', 'http://localhost.example.com', 'http://0x7f000001.example', 'http://10.0.0.1']) {
      expect(() => githubApiUrl({}, url), url).toThrow(expect.objectContaining({ code: 'insecure_url' }));
    }
  });
});
