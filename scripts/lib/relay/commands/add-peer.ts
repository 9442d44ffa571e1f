/** `alive-p2p relay add-peer LOGIN [--url URL] [--name NAME]`: add (and on GitHub invite) a peer. */
import { defineCommand } from '../../cli/command.ts';
import { AliveError } from '../../errors.ts';
import { findPeer, requireRelayConfig, today, upsertPeer, writeRelayConfig, type Peer } from '../config.ts';
import { formatFingerprint } from '../keys.ts';
import { requireLogin } from '../names.ts';
import { isGithub, openTransport } from '../open.ts';
import { defaultRelayPaths } from '../paths.ts';
import { fetchAndPin, peerRelayAddress, type PinResult } from '../pin.ts';
import { touchRelayActivity } from '../activity.ts';
import { output, printPin } from './common.ts';

export const addPeerCommand = defineCommand({
  name: 'add-peer',
  summary: 'add (and on GitHub invite) a peer',
  usage: `usage: alive-p2p relay add-peer LOGIN [--url PEER_RELAY_URL] [--name DISPLAY_NAME] [--json]

Adds a peer. With github, invites LOGIN to push into your relay (they then run accept).
With --url (their relay: a Git URL or path with the git transport, owner/repo with github),
their public key is fetched now and its fingerprint pinned; compare it with them out of band.

Options:
  --url URL     the peer's relay
  --name NAME   a display name
  --json        one JSON object
  -h, --help    show this help`,
  options: { url: { type: 'string' }, name: { type: 'string' } },
  positionals: { names: ['LOGIN'], min: 1 },
  async run(ctx) {
    const env = process.env;
    const out = output(ctx);
    let login = requireLogin(ctx.positionals[0]);
    const paths = defaultRelayPaths(env);
    let cfg = requireRelayConfig(paths.config);
    if (login.toLowerCase() === cfg.github_username.toLowerCase()) ctx.usageError('you cannot add yourself as a peer');
    const transport = await openTransport(cfg, paths, env);
    const relay = ctx.values.url !== undefined ? peerRelayAddress(cfg, ctx.values.url) : null;
    if (isGithub(transport)) {
      const spelled = await transport.loginOf(login);
      if (spelled === undefined) throw new AliveError(`there is no GitHub user '${login}'; check the spelling`, { code: 'no_such_user' });
      // A key read now is keys/<login>.pem as GitHub spells the login (a case-sensitive path): a file
      // under the spelling typed (keys/carol.pem beside Carol's keys/Carol.pem) is whoever-can-write's.
      // (Without a relay, accept and the probe take GitHub's spelling when they read it.)
      if (relay) login = spelled;
    }

    const before = findPeer(cfg, login);
    let peer: Peer = before ?? {
      github: login,
      name: null,
      relay: null,
      person_walnut: null,
      added: today(),
      status: 'pending',
      fingerprint: null,
    };
    if (isGithub(transport) && relay) peer = { ...peer, github: login };
    if (ctx.values.name !== undefined) peer = { ...peer, name: ctx.values.name.trim() || null };
    if (peer.status === 'removed') peer = { ...peer, status: 'pending' };

    let invited: 'invited' | 'already' | null = null;
    if (isGithub(transport)) {
      invited = await transport.invite(login);
      if (invited === 'already') peer = { ...peer, status: 'accepted' };
    }

    let pin: PinResult | null = null;
    if (relay) {
      pin = await fetchAndPin(transport, paths, { ...peer, relay }, { allowChange: false, others: cfg.peers });
      peer = { ...pin.peer, relay };
      if (!isGithub(transport)) peer = { ...peer, status: 'accepted' };
    }
    cfg = upsertPeer(cfg, peer);
    writeRelayConfig(paths.config, cfg);
    touchRelayActivity(paths);

    out.result({
      ok: true,
      peer: peer.github,
      status: peer.status,
      invited,
      relay: peer.relay,
      fingerprint: peer.fingerprint ? formatFingerprint(peer.fingerprint) : null,
      added: !before,
    });
    if (invited === 'invited') out.line(`Invited ${login} to ${cfg.repo}; they run: alive-p2p relay accept ${cfg.github_username}`);
    if (invited === 'already') out.line(`${login} already has access to ${cfg.repo}.`);
    if (pin) printPin(out, login, pin);
    else if (!isGithub(transport)) out.line(`Added ${login}. When you know their relay, run: alive-p2p relay accept ${login} --url THEIR_RELAY_URL`);
  },
});
