/**
 * A probe running while `relay pull` (or push, accept ...) writes state.json: the probe read the
 * old state (and the relay, before pull removed what it downloaded), and writes last. What the
 * command wrote after the probe started must stand: its counts, and its last_action, which tells
 * the SessionStart hook that the probe is older than the command and must run again. Without it,
 * the hook said packages were waiting for up to 10 minutes after they were pulled.
 *
 * The command's write is made while the probe is waiting on its relay (a server that never
 * answers, or a local relay where two packages still wait), by the same call pull makes
 * (touchRelayActivity).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { probeWithinBudget } from '../../scripts/lib/relay/probe.ts';
import { touchRelayActivity } from '../../scripts/lib/relay/activity.ts';
import { relayPaths } from '../../scripts/lib/relay/paths.ts';
import { readNoticeState, readCheckMemory } from '../../scripts/lib/hook/relay-state.ts';
import { probeIsDue } from '../../scripts/lib/hook/relay-notice.ts';
import { startHangingServer } from '../support/hanging-server.ts';
import { git, tempDir } from './helpers.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let hang: Awaited<ReturnType<typeof startHangingServer>>;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('probe-pull-race');
  hang = await startHangingServer();
});
afterAll(async () => {
  await hang.close();
  base.cleanup();
});

const BEFORE_PULL = {
  last_sync: '2026-01-01T00:00:00+00:00',
  last_commit: '1'.repeat(40),
  pending_packages: 2,
  pending_by_sender: { bob: 2 },
  peer_reachability: {},
  newly_accepted: [],
};

async function race(tag: string, url: string) {
  const paths = relayPaths(join(base.dir, tag, 'relay'));
  mkdirSync(paths.dir, { recursive: true });
  writeFileSync(paths.config, JSON.stringify({ github_username: 'me', transport: 'git', repo: url, url, peers: [] }));
  writeFileSync(paths.state, JSON.stringify(BEFORE_PULL));
  // The probe has read state.json when probeWithinBudget returns its promise (before any await).
  const probing = probeWithinBudget({ paths, statePath: paths.state, budgetMs: 1000 });
  const pulledAt = new Date();
  touchRelayActivity(
    paths,
    (s) => {
      s.pending_packages = 0;
      s.pending_by_sender = {};
    },
    pulledAt,
  );
  const returned = await probing;
  const state = JSON.parse(readFileSync(paths.state, 'utf8'));
  return { paths, state, pulledAt, returned };
}

/** A git relay (bare repository) where bob's two packages wait for `me`. */
function relayWithTwoPackages(tag = 'relay'): string {
  const work = join(base.dir, `${tag}-work`);
  const bare = join(base.dir, `${tag}.git`);
  mkdirSync(join(work, 'inbox', 'bob'), { recursive: true });
  mkdirSync(join(work, 'keys'), { recursive: true });
  writeFileSync(join(work, 'inbox', 'bob', 'a.walnut'), 'a');
  writeFileSync(join(work, 'inbox', 'bob', 'b.walnut'), 'b');
  writeFileSync(join(work, 'README.md'), 'relay\n');
  git(['init', '-q', '-b', 'main'], work);
  git(['add', '-A'], work);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'packages'], work);
  git(['clone', '-q', '--bare', work, bare]);
  return bare;
}

describe('a probe that started before a pull finished', () => {
  for (const [kind, url] of [
    ['ended by its budget (the relay never answers)', () => `${hang.url}/r.git`],
    ['that finished (it saw the two packages pull then took)', relayWithTwoPackages],
  ] as const) {
    it(`does not overwrite what pull wrote: ${kind}`, async () => {
      const { paths, state, pulledAt, returned } = await race(kind.split(' ')[0]!, url());
      expect(state.pending_packages).toBe(0);
      // relay status shows what the probe returns: the state written, not the probe's own count
      // (status said 1 waiting while state.json, and the next status, said 0).
      expect(returned.state).toMatchObject({ pending_packages: 0, last_action: pulledAt.toISOString() });
      expect(state.pending_by_sender).toEqual({});
      expect(state.last_action).toBe(pulledAt.toISOString());
      // The probe's own findings are still recorded.
      expect(state.probed_at).toBeTruthy();
      // The hook sees no waiting package, and knows a command ran after the probe began.
      const notice = readNoticeState(paths.state)!;
      expect(notice.pendingPackages).toBe(0);
      expect(probeIsDue(notice, readCheckMemory(join(paths.dir, 'none.json')), Date.now())).toBe(true);
    });
  }
});

describe('a probe that starts in the millisecond of the command whose state it read', () => {
  it('is later than that command: its own findings are kept, and what it wrote is not stale', async () => {
    const { isStale } = await import('../../scripts/lib/relay/commands/status.ts');
    const url = relayWithTwoPackages('tie');
    const paths = relayPaths(join(base.dir, 'tie', 'relay'));
    mkdirSync(paths.dir, { recursive: true });
    writeFileSync(paths.config, JSON.stringify({ github_username: 'me', transport: 'git', repo: url, url, peers: [] }));
    // The command's time a little ahead of the probe's start: at least a tie, whatever the clock's
    // millisecond does between these lines (a tie was seen in-process: truth.test.ts's status
    // right after add-peer showed add-peer's own-key check, not the probe's).
    const commandAt = new Date(Date.now() + 20).toISOString();
    writeFileSync(paths.state, JSON.stringify({ ...BEFORE_PULL, pending_packages: 0, pending_by_sender: {}, last_action: commandAt }));
    const r = await probeWithinBudget({ paths, statePath: paths.state, budgetMs: 30_000 });
    expect(r.state).toMatchObject({ pending_packages: 2, pending_by_sender: { bob: 2 }, last_action: commandAt, last_error: null });
    expect(Date.parse(r.state!.probed_at!)).toBeGreaterThan(Date.parse(commandAt));
    expect(isStale(r.state)).toBe(false);
  });
});

describe('keepLaterAction', () => {
  it("keeps a later command's count and split by sender together: the probe's split does not stand beside another writer's count", async () => {
    const { keepLaterAction } = await import('../../scripts/lib/relay/probe.ts');
    const { emptyState, writeRelayState } = await import('../../scripts/lib/relay/state.ts');
    const dir = join(base.dir, 'keep-later');
    mkdirSync(dir, { recursive: true });
    const statePath = join(dir, 'state.json');
    const seen = new Date(Date.now() - 1000).toISOString();
    // A command after the probe read the state wrote a count without a split (as an older state has).
    writeRelayState(statePath, { ...emptyState(), pending_packages: 0, last_action: new Date().toISOString() });
    const probed = { ...emptyState(), pending_packages: 2, pending_by_sender: { alice: 2 }, last_action: seen };
    const kept = keepLaterAction(statePath, probed, seen);
    expect(kept.pending_packages).toBe(0);
    expect(kept.pending_by_sender).toBeUndefined();
  });

  it('keeps nothing of the command whose state the probe read, whatever its time', async () => {
    const { keepLaterAction } = await import('../../scripts/lib/relay/probe.ts');
    const { emptyState, writeRelayState } = await import('../../scripts/lib/relay/state.ts');
    const dir = join(base.dir, 'keep-seen');
    mkdirSync(dir, { recursive: true });
    const statePath = join(dir, 'state.json');
    // The time of the probe's start, to the millisecond: it had read this state all the same.
    const seen = new Date().toISOString();
    writeRelayState(statePath, { ...emptyState(), pending_packages: 0, last_action: seen, own_key: { status: 'ok', checked: seen, seen: 'aa' } });
    const probed = { ...emptyState(), pending_packages: 2, last_action: seen, own_key: { status: 'changed' as const, checked: seen, seen: 'bb' } };
    expect(keepLaterAction(statePath, probed, seen)).toEqual(probed);
  });
});
