/**
 * A peer's relay URL may be an http:// server of theirs that answers 401. Git then asks for a user
 * name and password: GIT_TERMINAL_PROMPT=0 stops the terminal prompt, but not the user's askpass
 * program (VS Code, JetBrains and desktop helpers set GIT_ASKPASS), whose answer git would send to
 * that server in the clear. No git of ours ever asks it, nor ssh's SSH_ASKPASS; the user's
 * credential helpers, which answer without asking, still serve their own relay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { isolateProcessGit } from './git-env.ts';
import { tempDir } from './helpers.ts';
import { relayUser, run, type RelayUser } from './in-process.ts';
import { gitEnv } from '../../scripts/lib/relay/git-run.ts';

let base: ReturnType<typeof tempDir>;
let server: http.Server;
let url: string;
const seen: string[] = [];
let askLog: string;
let askpass: string;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('git-askpass');
  askLog = join(base.dir, 'askpass.log');
  askpass = join(base.dir, 'askpass.sh');
  writeFileSync(askpass, `#!/bin/sh\necho "$*" >> '${askLog}'\necho typed-secret\n`);
  chmodSync(askpass, 0o755);
  server = http.createServer((req, res) => {
    seen.push(req.headers.authorization ?? '-');
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="relay"' });
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bob.git`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  base.cleanup();
});

function user(login: string, extra: NodeJS.ProcessEnv = { GIT_ASKPASS: askpass }): Promise<RelayUser> {
  return relayUser(base.dir, login, { SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: 'force', DISPLAY: ':0', ...extra });
}

describe("a relay server that asks for a password never reaches the user's askpass program", () => {
  it('add-peer with an http:// relay answering 401: refused, askpass never run, no password sent', async () => {
    const alice = await user('alice');
    seen.length = 0;
    rmSync(askLog, { force: true });
    const r = await run(alice, ['add-peer', 'bob', '--url', url, '--json']);
    expect(r.code).toBe(1);
    expect(r.json.ok).toBe(false);
    expect(existsSync(askLog) ? readFileSync(askLog, 'utf8') : '(not called)').toBe('(not called)');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((a) => a === '-')).toBe(true);
  });

  it("the user's core.askPass is not a way round either", async () => {
    const carol = await user('carol', {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.askPass',
      GIT_CONFIG_VALUE_0: askpass,
    });
    rmSync(askLog, { force: true });
    const r = await run(carol, ['add-peer', 'bob', '--url', url, '--json']);
    expect(r.code).toBe(1);
    expect(existsSync(askLog)).toBe(false);
  });

  it('a credential helper (which asks nothing) still answers: its credentials reach the server', async () => {
    const dave = await user('dave', {
      GIT_ASKPASS: askpass,
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'credential.helper',
      GIT_CONFIG_VALUE_0: '!f() { echo username=dave; echo password=from-helper; }; f',
    });
    seen.length = 0;
    rmSync(askLog, { force: true });
    const r = await run(dave, ['add-peer', 'bob', '--url', url, '--json']);
    expect(r.code).toBe(1);
    expect(seen).toContain(`Basic ${Buffer.from('dave:from-helper').toString('base64')}`);
    expect(existsSync(askLog)).toBe(false);
  });

  it("ssh is told never to run an askpass program, whatever the user's environment says", () => {
    const saved = { ...process.env };
    Object.assign(process.env, { GIT_ASKPASS: askpass, SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: 'force' });
    try {
      const env = gitEnv();
      expect(env.GIT_ASKPASS).toBe('');
      expect(env.SSH_ASKPASS).toBe('');
      expect(env.SSH_ASKPASS_REQUIRE).toBe('never');
      expect(env.GIT_TERMINAL_PROMPT).toBe('0');
    } finally {
      for (const k of ['GIT_ASKPASS', 'SSH_ASKPASS', 'SSH_ASKPASS_REQUIRE']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });
});
