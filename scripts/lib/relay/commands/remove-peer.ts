/** `alive-p2p relay remove-peer LOGIN`: stop trusting a peer. */
import { rmSync } from 'node:fs';
import { closestName } from '../../text/closest.ts';
import { defineCommand } from '../../cli/command.ts';
import { AliveError, untrustedDetailOf } from '../../errors.ts';
import { summaryOf } from '../../text/fence.ts';
import { findPeer, requireRelayConfig, upsertPeer, writeRelayConfig } from '../config.ts';
import { formatFingerprint } from '../keys.ts';
import { requireLogin } from '../names.ts';
import { isGithub, openTransport } from '../open.ts';
import { defaultRelayPaths, peerKeyPath } from '../paths.ts';
import { touchRelayActivity } from '../activity.ts';
import { output } from './common.ts';

export const removePeerCommand = defineCommand({
  name: 'remove-peer',
  summary: 'stop trusting a peer (unpin their key; on GitHub, remove their access)',
  usage: `usage: alive-p2p relay remove-peer LOGIN [--json]

Stops trusting LOGIN: their pinned key is removed, packages they deliver are no longer accepted (a
later pull files them under inbox/LOGIN/unverified/ with the reason), and you can no longer push
to them. On GitHub, their access to your relay is removed too (and an open invitation cancelled).
Says what it did and what it could not do. The peer stays listed as 'removed'; add-peer and
accept bring them back (their key is fetched and pinned again).

Options:
  --json      one JSON object: {ok, peer, unpinned, access_removed, done, problems}; exit 1,
              with error {code, message}, when the access could not be removed
  -h, --help  show this help`,
  options: {},
  positionals: { names: ['LOGIN'], min: 1 },
  async run(ctx) {
    const env = process.env;
    const out = output(ctx);
    const login = requireLogin(ctx.positionals[0]);
    const paths = defaultRelayPaths(env);
    const cfg = requireRelayConfig(paths.config);
    const peer = findPeer(cfg, login);
    if (!peer) {
      // A near miss (`bobb`) names the peer meant, as push --to does.
      const peers = cfg.peers.filter((p) => p.status !== 'removed').map((p) => p.github);
      const guess = closestName(
        login.toLowerCase(),
        peers.map((p) => p.toLowerCase()),
      );
      const meant = peers.find((p) => p.toLowerCase() === guess);
      throw new AliveError(
        meant === undefined
          ? `${login} is not one of your peers; nothing to remove`
          : `${login} is not one of your peers; did you mean ${meant}? Nothing was removed`,
        { code: 'unknown_peer' },
      );
    }

    // Local trust first: it needs no network and is what protects you.
    const was = peer.fingerprint;
    writeRelayConfig(paths.config, upsertPeer(cfg, { ...peer, status: 'removed', fingerprint: null }));
    rmSync(peerKeyPath(paths, peer.github), { force: true });

    // Say what changed: a peer removed already, or never pinned, had no key to unpin.
    const done: string[] = [
      was
        ? `unpinned ${peer.github}'s key (${formatFingerprint(was)}); their packages are no longer accepted`
        : peer.status === 'removed'
          ? `${peer.github} was removed already (no key pinned); their packages are not accepted`
          : `${peer.github} had no pinned key; their packages are not accepted`,
    ];
    const problems: string[] = [];
    let accessRemoved: boolean | null = null;
    let failure: AliveError | undefined;
    try {
      const transport = await openTransport(cfg, paths, env);
      if (isGithub(transport)) {
        await transport.removeCollaborator(peer.github);
        accessRemoved = true;
        done.push(`removed ${peer.github}'s access to ${cfg.repo} (and any open invitation)`);
      } else {
        problems.push(
          `the git transport has no access control of its own: ${peer.github} can still write to ${cfg.repo} until you revoke it where the repository is hosted (SSH keys, file permissions)`,
        );
      }
    } catch (err) {
      accessRemoved = false;
      // problems[] are lines of ours without the server's words (summaryOf); the failure carries them.
      const detail = untrustedDetailOf(err);
      const problem = `could not remove ${peer.github}'s access to ${cfg.repo}: ${summaryOf(err)}; remove it on GitHub (Settings > Collaborators)`;
      problems.push(problem);
      failure = new AliveError(`${problem}${detail.untrusted?.reference ?? ''}`, { code: err instanceof AliveError ? err.code : 'failed', ...detail });
    }
    touchRelayActivity(paths, (state) => {
      delete state.peer_reachability[peer.github];
      if (state.peer_key_changes) delete state.peer_key_changes[peer.github];
      state.newly_accepted = state.newly_accepted.filter((l) => l.toLowerCase() !== peer.github.toLowerCase());
    });

    const fields = { peer: peer.github, unpinned: was ? formatFingerprint(was) : null, access_removed: accessRemoved, done, problems };
    for (const d of done) out.line(`Done: ${d}.`);
    // Access left in place is a failure: its error line (and --json's error object) says what to do.
    if (failure) throw new AliveError(failure.message, { code: failure.code, fields, ...untrustedDetailOf(failure) });
    out.result({ ok: true, ...fields });
    for (const p of problems) out.line(`Not done: ${p}.`);
  },
});
