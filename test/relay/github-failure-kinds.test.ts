/**
 * Whose failure it is: the server's answer (bad_relay), the network's (network, timeout), or a bug
 * of ours (unexpected, as the command entry reports anything it does not explain). A TypeError
 * thrown by our own code is not a relay problem: read as bad_relay, it would send the user to
 * check their API URL for a bug of alive's, and hide the bug.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOctokit, githubError } from '../../scripts/lib/relay/github-client.ts';
import { BadAnswer } from '../../scripts/lib/relay/github-answer.ts';
import { GithubTransport } from '../../scripts/lib/relay/github-transport.ts';
import type { FakeGithub } from '../support/fake-github.ts';
import type { TestUser } from './helpers.ts';
import { githubBob, run } from './in-process.ts';

const URL = 'http://127.0.0.1:9';
const BUG = "Cannot read properties of undefined (reading 'sha')";

describe('githubError tells our bugs from the relay and the network', () => {
  it('a TypeError of our own code is unexpected (it says to report it), not bad_relay nor network', () => {
    const bug = new TypeError(BUG);
    const err = githubError(bug, 'listing the inbox of bob/walnut-relay', URL, 'tok-secret');
    expect(err.code).toBe('unexpected');
    expect(err.message).toBe(
      `unexpected failure while listing the inbox of bob/walnut-relay: ${BUG} (run again with ALIVE_DEBUG=1 for details, and report it)`,
    );
    expect(err.cause).toBe(bug);
    // Any other error that did not come from the HTTP layer too.
    expect(githubError(new RangeError('Invalid array length'), 'x', URL).code).toBe('unexpected');
  });

  it('an answer that is not what the API documents is bad_relay, naming the field', () => {
    const err = githubError(new BadAnswer("field 'default_branch' Invalid input: expected string, received number"), 'reading bob/walnut-relay', URL);
    expect(err.code).toBe('bad_relay');
    expect(err.message).toMatch(
      /GitHub at http:\/\/127\.0\.0\.1:9 answered otherwise than its API documents while reading bob\/walnut-relay \(field 'default_branch'/,
    );
  });

  it('failures of the HTTP layer stay network and timeout: a failed fetch, a body cut off, an abort', () => {
    // As Octokit reports a fetch that failed: a RequestError of status 500 without an answer.
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const fetchFailed = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      name: 'HttpError',
      status: 500,
      cause: new TypeError('fetch failed', { cause: refused }),
    });
    expect(githubError(fetchFailed, 'x', URL).code).toBe('network');
    // undici's error for a body whose connection closed: a TypeError, caused by the socket.
    const cut = new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    expect(githubError(cut, 'downloading x', URL).code).toBe('network');
    expect(githubError(new DOMException('timeout: no data moved for 60 s', 'TimeoutError'), 'downloading x', URL).code).toBe('timeout');
  });

  it('the token stays out of the message of a bug too, and then the raw error is not kept as the cause', () => {
    const err = githubError(new TypeError('bad header "token tok-secret-value"'), 'x', URL, 'tok-secret-value');
    expect(err.code).toBe('unexpected');
    expect(err.message).not.toContain('tok-secret-value');
    expect(err.cause).toBeUndefined();
  });
});

describe('a bug of ours inside the GitHub transport', () => {
  let gh: FakeGithub;
  let bob: TestUser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ gh, bob, close } = await githubBob('failure-kinds'));
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await close();
  });

  it('surfaces from the command as unexpected, with the stack of the bug under ALIVE_DEBUG=1', async () => {
    const tree = vi.spyOn(GithubTransport.prototype as unknown as { tree: () => unknown }, 'tree').mockImplementation(() => {
      throw new TypeError(BUG);
    });
    try {
      const r = await run(bob, ['inbox', '--json']);
      expect(r.code).toBe(1);
      expect(r.json.error.code).toBe('unexpected');
      expect(r.json.error.message).toMatch(/^unexpected failure while listing the inbox of bob\/walnut-relay: Cannot read properties.*report it\)$/);
      const debug = await run({ ...bob, env: { ...bob.env, ALIVE_DEBUG: '1' } }, ['inbox']);
      expect(debug.code).toBe(1);
      expect(debug.stderr).toMatch(/caused by: TypeError: Cannot read properties of undefined \(reading 'sha'\)\n\s+at /);
    } finally {
      tree.mockRestore();
    }
  });

  it('is not retried as if the network had failed', async () => {
    const octokit = createOctokit(gh.url, 'tok-bob');
    const calls = vi.fn(() => {
      throw new TypeError(BUG);
    });
    (octokit.rest.users as unknown as { getAuthenticated: unknown }).getAuthenticated = calls;
    const t = new GithubTransport({ octokit, baseUrl: gh.url, login: 'bob', branch: 'main' });
    await expect(t.authenticatedLogin()).rejects.toMatchObject({ code: 'unexpected' });
    expect(calls).toHaveBeenCalledTimes(1);
  });
});
