import { parseCommandArgs } from '../../cli/args.ts';
import { warn } from '../../cli/main.ts';
import { AliveError, UsageError, messageOf } from '../../errors.ts';
import { findPeer, requireRelayConfig, today, upsertPeer, writeRelayConfig, type Peer, type RelayConfig } from '../config.ts';
import { formatFingerprint } from '../keys.ts';
import { requireLogin } from '../names.ts';
import { isGithub, openTransport } from '../open.ts';
import { defaultRelayPaths, type RelayPaths } from '../paths.ts';
import { pinPeerKey, type PinResult } from '../pin.ts';
import { normaliseGitUrl } from '../git-transport.ts';
import { RELAY_REPO_NAME } from '../constants.ts';
import { splitRepo } from '../github-transport.ts';
import type { RelayTransport } from '../transport.ts';
import { output, type Output } from './common.ts';

const ADD_USAGE = `usage: alive-p2p relay add-peer LOGIN [--url PEER_RELAY_URL] [--name DISPLAY_NAME] [--json]

Adds a peer. With github, invites LOGIN to push into your relay (they then run accept).
With --url (their relay: a Git URL or path with the git transport, owner/repo with github),
their public key is fetched now and its fingerprint pinned; compare it with them out of band.`;

const ACCEPT_USAGE = `usage: alive-p2p relay accept [LOGIN] [--url PEER_RELAY_URL] [--json]

Trusts a peer's relay: fetches their public key, pins its fingerprint and records their relay.
  github: accepts open invitations to <peer>/walnut-relay (all of them, or LOGIN's only).
  git:    LOGIN and --url (their relay) are required the first time.
Naming LOGIN is also how you trust a peer's new key after checking it with them.`;

export async function runAddPeer(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<0 | 1 | 2> {
  const { values, positionals } = parseCommandArgs<{ url?: string; name?: string; json?: boolean }>(
    argv,
    { url: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } },
    { usage: ADD_USAGE, positionals: { min: 1, max: 1 } },
  );
  const out = output(values.json);
  if (values.help) {
    out.line(ADD_USAGE);
    return 0;
  }
  const login = requireLogin(positionals[0]);
  const paths = defaultRelayPaths(env);
  let cfg = requireRelayConfig(paths.config);
  if (login.toLowerCase() === cfg.github_username.toLowerCase()) throw new UsageError('you cannot add yourself as a peer');
  const transport = await openTransport(cfg, paths, env);
  const relay = values.url !== undefined ? peerRelayAddress(cfg, values.url) : null;

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
  if (values.name !== undefined) peer = { ...peer, name: values.name.trim() || null };
  if (peer.status === 'removed') peer = { ...peer, status: 'pending' };

  let invited: 'invited' | 'already' | null = null;
  if (isGithub(transport)) {
    if (!(await transport.userExists(login))) throw new AliveError(`there is no GitHub user '${login}'; check the spelling`, { code: 'no_such_user' });
    invited = await transport.invite(login);
    if (invited === 'already') peer = { ...peer, status: 'accepted' };
  }

  let pin: PinResult | null = null;
  if (relay) {
    pin = await fetchAndPin(transport, paths, { ...peer, relay }, false);
    peer = { ...pin.peer, relay };
    if (!isGithub(transport)) peer = { ...peer, status: 'accepted' };
  }
  cfg = upsertPeer(cfg, peer);
  writeRelayConfig(paths.config, cfg);

  out.result({ ok: true, peer: peer.github, status: peer.status, invited, relay: peer.relay, fingerprint: peer.fingerprint, added: !before });
  if (invited === 'invited') out.line(`Invited ${login} to ${cfg.repo}; they run: alive-p2p relay accept ${cfg.github_username}`);
  if (invited === 'already') out.line(`${login} already has access to ${cfg.repo}.`);
  if (pin) printPin(out, login, pin);
  else if (!isGithub(transport)) out.line(`Added ${login}. When you know their relay, run: alive-p2p relay accept ${login} --url THEIR_RELAY_URL`);
  return 0;
}

export async function runAccept(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<0 | 1 | 2> {
  const { values, positionals } = parseCommandArgs<{ url?: string; json?: boolean }>(
    argv,
    { url: { type: 'string' }, json: { type: 'boolean' } },
    { usage: ACCEPT_USAGE, positionals: { min: 0, max: 1 } },
  );
  const out = output(values.json);
  if (values.help) {
    out.line(ACCEPT_USAGE);
    return 0;
  }
  const login = positionals[0] !== undefined ? requireLogin(positionals[0]) : undefined;
  const paths = defaultRelayPaths(env);
  let cfg = requireRelayConfig(paths.config);
  if (login && login.toLowerCase() === cfg.github_username.toLowerCase()) throw new UsageError('you cannot accept yourself');
  const transport = await openTransport(cfg, paths, env);

  // Which peers to accept, and where their relays are.
  const targets: Array<{ login: string; relay: string; invitation?: number }> = [];
  if (isGithub(transport)) {
    const invitations = await transport.listRelayInvitations();
    for (const inv of invitations) {
      if (!login || inv.inviter.toLowerCase() === login.toLowerCase()) targets.push({ login: inv.inviter, relay: inv.repo, invitation: inv.id });
    }
    if (login && targets.length === 0) {
      const known = findPeer(cfg, login)?.relay;
      const relay = values.url !== undefined ? peerRelayAddress(cfg, values.url) : (known ?? `${login}/${RELAY_REPO_NAME}`);
      targets.push({ login, relay });
    }
  } else {
    if (!login) throw new UsageError(`with the git transport, name the peer and their relay: accept LOGIN --url URL\n${ACCEPT_USAGE}`);
    const relay = values.url !== undefined ? peerRelayAddress(cfg, values.url) : findPeer(cfg, login)?.relay;
    if (!relay) throw new UsageError(`--url is required: where is ${login}'s relay?\n${ACCEPT_USAGE}`);
    targets.push({ login, relay });
  }
  if (targets.length === 0) {
    out.result({ ok: true, accepted: [], refused: [] });
    out.line('No relay invitations are waiting.');
    return 0;
  }

  const accepted: Array<Record<string, unknown>> = [];
  const refused: Array<{ peer: string; error: string }> = [];
  for (const t of targets) {
    try {
      if (t.invitation !== undefined && isGithub(transport)) await transport.acceptInvitation(t.invitation);
      const existing = findPeer(cfg, t.login);
      const base: Peer = existing ?? {
        github: t.login,
        name: null,
        relay: null,
        person_walnut: null,
        added: today(),
        status: 'accepted',
        fingerprint: null,
      };
      // Only an explicit `accept LOGIN` may replace a pinned key.
      const pin = await fetchAndPin(transport, paths, { ...base, relay: t.relay }, login !== undefined);
      const peer: Peer = { ...pin.peer, relay: t.relay, status: 'accepted' };
      cfg = upsertPeer(cfg, peer);
      writeRelayConfig(paths.config, cfg);
      accepted.push({ peer: peer.github, relay: peer.relay, fingerprint: pin.fingerprint, replaced: pin.replaced, invitation: t.invitation ?? null });
      printPin(out, peer.github, pin);
    } catch (err) {
      if (!(err instanceof AliveError) || targets.length === 1) throw err;
      refused.push({ peer: t.login, error: err.message });
      if (!out.json) warn(`${t.login}: ${err.message}`);
    }
  }
  out.result({ ok: refused.length === 0, accepted, refused });
  return refused.length === 0 ? 0 : 1;
}

async function fetchAndPin(transport: RelayTransport, paths: RelayPaths, peer: Peer & { relay: string }, allowChange: boolean): Promise<PinResult> {
  let pem: string;
  try {
    pem = await transport.fetchPeerKey({ login: peer.github, relay: peer.relay });
  } catch (err) {
    if (err instanceof AliveError) throw err;
    throw new AliveError(`cannot fetch ${peer.github}'s key: ${messageOf(err)}`);
  }
  return pinPeerKey(paths, peer, pem, { allowChange });
}

/** A peer's relay address as stored: normalised Git URL, or owner/repo on GitHub. */
function peerRelayAddress(cfg: RelayConfig, url: string): string {
  if (cfg.transport === 'git') return normaliseGitUrl(url);
  const { owner, repo } = splitRepo(url);
  return `${owner}/${repo}`;
}

function printPin(out: Output, login: string, pin: PinResult): void {
  if (pin.replaced) {
    out.line(`${login}'s key CHANGED: was ${formatFingerprint(pin.replaced)}`);
    out.line(`now pinned:          ${formatFingerprint(pin.fingerprint)}`);
  } else {
    out.line(`${login}'s key ${pin.first ? 'pinned' : 'unchanged'}: ${formatFingerprint(pin.fingerprint)}`);
  }
  if (pin.first || pin.replaced) out.line(`Check this fingerprint with ${login} by another channel before you push or pull.`);
}
