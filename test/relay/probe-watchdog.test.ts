/**
 * relay-probe's watchdog (probeWithinBudget), deterministically: the peer checks are made to
 * outlive the probe's budget whatever their own deadline does, so the watchdog always ends the
 * probe. The peers being checked must still be in state.json, as not reachable ("no answer within
 * the probe budget"), not dropped.
 *
 * How a check outlives the budget: the peer relay is an ssh:// URL and GIT_SSH_COMMAND is a script
 * that fails at once (as ssh does when it cannot connect) but leaves a helper in its own session
 * holding git's stderr, as a lingering ssh connection helper can. git then ends quickly, and
 * runBounded waits EXIT_GRACE_MS for output still in the pipes before it lets go: longer than the
 * budget, so the watchdog (timers fire in order) always ends the probe first.
 */
import { killIfStillRunning } from '../support/process-gone.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_GRACE_MS } from '../../scripts/lib/proc/bounded.ts';
import { probeWithinBudget } from '../../scripts/lib/relay/probe.ts';
import { relayPaths } from '../../scripts/lib/relay/paths.ts';
import { tempDir } from './helpers.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let pidFile: string;
const saved = { command: process.env.GIT_SSH_COMMAND, variant: process.env.GIT_SSH_VARIANT };

beforeAll(() => {
  isolateProcessGit();
  base = tempDir('probe-watchdog');
  pidFile = join(base.dir, 'lingering.pids');
  const ssh = join(base.dir, 'ssh-that-lingers');
  writeFileSync(ssh, `#!/bin/sh\nsetsid sh -c 'echo $$ >> "${pidFile}"; exec sleep 10' </dev/null >/dev/null &\nexit 255\n`);
  chmodSync(ssh, 0o755);
  process.env.GIT_SSH_COMMAND = ssh;
  process.env.GIT_SSH_VARIANT = 'ssh'; // no `ssh -G` probe first: the real connection runs the script
});

afterAll(() => {
  for (const [key, value] of [
    ['GIT_SSH_COMMAND', saved.command],
    ['GIT_SSH_VARIANT', saved.variant],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  // The helpers this test started (their ids are in the file), and only those; one started as
  // the probe ended may be missing here, and ends by itself within 10 s.
  if (existsSync(pidFile)) {
    for (const pid of readFileSync(pidFile, 'utf8').split('\n').filter(Boolean)) killIfStillRunning(Number(pid), 'sleep 10');
  }
  base.cleanup();
});

describe('relay-probe watchdog', () => {
  it('a budget that ends before the peer checks still records those peers, as not reachable', async () => {
    const paths = relayPaths(join(base.dir, 'alive', 'relay'));
    mkdirSync(paths.dir, { recursive: true });
    const hanging = 'ssh://relay.invalid/hang.git';
    writeFileSync(
      paths.config,
      JSON.stringify({
        github_username: 'me',
        transport: 'git',
        repo: hanging,
        url: hanging,
        peers: [
          { github: 'pinned', status: 'accepted', relay: 'ssh://relay.invalid/pinned.git', fingerprint: 'a'.repeat(64) },
          { github: 'plain', status: 'accepted', relay: 'ssh://relay.invalid/plain.git' },
        ],
      }),
    );
    const previous = { last_sync: '2026-01-01T00:00:00+00:00', last_commit: '1'.repeat(40), pending_packages: 2, peer_reachability: {}, newly_accepted: [] };
    writeFileSync(paths.state, JSON.stringify(previous));

    // Room for opening the relay (a git init, a remote set) on a loaded machine: under 1 s it
    // could end the work first, without the watchdog.
    const budgetMs = 1500;
    expect(budgetMs).toBeLessThan(EXIT_GRACE_MS);
    const r = await probeWithinBudget({ paths, statePath: paths.state, budgetMs });
    expect(r.timedOut).toBe(true);
    const state = JSON.parse(readFileSync(paths.state, 'utf8'));
    expect(state.last_error).toMatch(/ran out of its 1.5 s budget/);
    expect(state.last_commit).toBe(previous.last_commit);
    // Each peer is recorded, as not reachable: as the watchdog left it ("no answer within the probe
    // budget"), or, when the check's own deadline (the budget's end too) fired just before the
    // watchdog on a loaded machine, as the check ended (seen once in CI's full run, 2026-12-06).
    for (const peer of ['pinned', 'plain']) {
      const entry = state.peer_reachability[peer];
      expect(entry, JSON.stringify(state)).toMatchObject({ reachable: false, relay_repo: `ssh://relay.invalid/${peer}.git` });
      if (entry.error !== undefined) expect(entry.error).toBe('no answer within the probe budget');
    }
  });
});
