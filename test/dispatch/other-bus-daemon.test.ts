/**
 * A pid in a bus file (daemon.json, a claim's owner tag) is any bus writer's. One naming a live
 * `dispatch serve @claude` of another bus (the user runs one bus per project) made status say
 * @claude was served here, and a wait say "a daemon serves @claude and has not answered yet", while
 * nothing would ever take the message; a claim tagged with it was held by a daemon that never
 * reads this bus. A dispatch process counts for this bus only when the root it serves is this one:
 * its --root, else its HELLOWORLD_ROOT, else the bus found up from the folder it runs in, as it
 * resolved them (read from /proc where this user may read them; a review of 2026-12-07, finding 4).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { liveServePid, makeBus, repo } from './helpers.ts';
import { statusTool } from '../../scripts/lib/bus/mcp/tools.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { reclaimDeadOwners } from '../../scripts/lib/bus/claims.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { hostTag } from '../../scripts/lib/proc/host-tag.ts';

const LINUX = process.platform === 'linux';

const started: ChildProcess[] = [];
afterEach(() => {
  for (const c of started.splice(0)) c.kill('SIGKILL');
});

/** A live process whose command line is `dispatch serve @claude` with `args`, run with `env` in `cwd`. */
function standIn(args: string[], env: NodeJS.ProcessEnv, cwd: string): number {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)', join(repo, 'dist', 'dispatch.mjs'), 'serve', '@claude', ...args], { env, cwd });
  started.push(child);
  return child.pid ?? 0;
}

function busWithClaude(): string {
  const { root } = makeBus();
  mkdirSync(receiverPaths(root, 'claude').inbox, { recursive: true });
  return root;
}

const claudeDaemon = (root: string) => statusTool({ root, as: 'tester' }).receivers.find((x) => x.untrusted.receiver === '@claude')?.daemon;

describe.runIf(LINUX)('a serve of another bus', () => {
  it('named in daemon.json is no daemon of this bus; in its own bus it is one', () => {
    const here = busWithClaude();
    const there = busWithClaude();
    const pid = liveServePid('claude', there);
    writeFileSync(receiverPaths(here, 'claude').daemon, JSON.stringify({ pid, agent: 'claude' }));
    writeFileSync(receiverPaths(there, 'claude').daemon, JSON.stringify({ pid, agent: 'claude' }));
    expect(claudeDaemon(here)).toMatchObject({ pid, alive: false });
    expect(claudeDaemon(there)).toMatchObject({ pid, alive: true });
  });

  it('whichever way it found its bus: --root=, HELLOWORLD_ROOT, or the folder it runs in', () => {
    const here = busWithClaude();
    const there = busWithClaude();
    const env = { PATH: process.env.PATH };
    const ways = [
      { args: [`--root=${there}`], env, cwd: here },
      { args: [], env: { ...env, HELLOWORLD_ROOT: there }, cwd: here },
      { args: [], env, cwd: join(there, 'runtimes', 'claude') },
    ];
    for (const way of ways) {
      const pid = standIn(way.args, way.env, way.cwd);
      writeFileSync(receiverPaths(here, 'claude').daemon, JSON.stringify({ pid, agent: 'claude' }));
      writeFileSync(receiverPaths(there, 'claude').daemon, JSON.stringify({ pid, agent: 'claude' }));
      expect(claudeDaemon(here), JSON.stringify(way)).toMatchObject({ pid, alive: false });
      expect(claudeDaemon(there), JSON.stringify(way)).toMatchObject({ pid, alive: true });
    }
  });

  it("holds no claim here: a claim tagged with its pid goes back to the inbox as a gone holder's; in its own bus it is held", async () => {
    const here = busWithClaude();
    const there = busWithClaude();
    const pid = liveServePid('claude', there);
    for (const root of [here, there]) {
      const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
      const paths = receiverPaths(root, 'claude');
      mkdirSync(paths.processing, { recursive: true });
      const claim = `${messageFileName(sent.id)}.claim-${Date.now() + 3600_000}-p${pid}h${hostTag()}`;
      renameSync(join(paths.inbox, messageFileName(sent.id)), join(paths.processing, claim));
      expect(reclaimDeadOwners(paths, 'claude'), root).toBe(root === here ? 1 : 0);
      expect(readdirSync(paths.inbox)).toEqual(root === here ? [messageFileName(sent.id)] : []);
    }
  });
});
