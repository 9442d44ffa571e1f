/** The private folder serve makes for each agent, and what the agent leaves in it. */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundle, makeBus } from './helpers.ts';

let cli: string;
beforeAll(async () => {
  cli = await bundle('scripts/dispatch.ts');
});

/**
 * Runs dispatch as a user that file permissions bind: root may delete in a folder without write
 * permission, so under root the command runs as nobody (setpriv), the way a daemon normally runs.
 */
function dispatchAsUser(args: string[], env: NodeJS.ProcessEnv) {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot
    ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, ...args]]
    : [process.execPath, [cli, ...args]];
  const r = spawnSync(cmd, argv as string[], { env, cwd: env.TMPDIR, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;

describe.skipIf(process.platform !== 'linux' || (process.getuid?.() === 0 && !hasSetpriv))('an agent that leaves a folder it may not write', () => {
  it('(a read-only module cache, chmod 555) still has its answer delivered, and its private folder is removed', () => {
    const { base } = makeBus();
    // Everything this test makes belongs to the user dispatch runs as (nobody, under root).
    const shared = join(base, 'shared');
    mkdirSync(shared, { mode: 0o777 });
    chmodSync(base, 0o755);
    chmodSync(shared, 0o777);
    const root = join(shared, 'bus');
    const tmp = join(shared, 'tmp');
    const seen = join(shared, 'cwd.txt');
    const agent = join(base, 'agent.sh');
    writeFileSync(agent, `#!/bin/sh\ncat >/dev/null\npwd > "${seen}"\nmkdir -p cache/mod && touch cache/mod/f && chmod 555 cache/mod cache\necho answered\n`);
    chmodSync(agent, 0o755);
    const env = { PATH: process.env.PATH, HOME: shared, TMPDIR: shared };
    const asUser = (args: string[]) => dispatchAsUser([...args, '--root', root], env);
    expect(asUser(['send', 'gemini', 'build something', '--from', 'claude', '--create']).status).toBe(0);
    mkdirSync(tmp, { mode: 0o777 });
    const served = asUser(['serve', 'gemini', '--agent', agent, '--once']);
    expect(served.stdout, served.stdout + served.stderr).toMatch(/answered msg-/);
    expect(served.stdout).not.toMatch(/error handling/);
    expect(readdirSync(join(root, 'runtimes', 'gemini', 'processing'))).toEqual([]);
    expect(readdirSync(join(root, 'runtimes', 'gemini', 'outbox'))).toHaveLength(1);
    const cwd = readFileSync(seen, 'utf8').trim();
    expect(existsSync(cwd)).toBe(false);
  });
});
