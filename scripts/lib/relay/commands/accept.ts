/** `alive-p2p relay accept [LOGIN] [--url URL] [--fingerprint HEX]`: trust a peer's relay and pin their key. */
import { defineCommand } from '../../cli/command.ts';
import { AliveError, type ErrorCode } from '../../errors.ts';
import { errorEntryOf, fencedLines } from '../../text/fence.ts';
import { findPeer, requireRelayConfig, today, upsertPeer, writeRelayConfig, type Peer } from '../config.ts';
import { formatFingerprint } from '../keys.ts';
import { requireLogin } from '../names.ts';
import { isGithub, openTransport } from '../open.ts';
import { defaultRelayPaths } from '../paths.ts';
import { fetchAndPin, parseFingerprintArg, peerRelayAddress } from '../pin.ts';
import { githubRelayOf } from '../repo-name.ts';
import { touchRelayActivity } from '../activity.ts';
import { isoSeconds } from '../state.ts';
import { inlineText } from '../../text/untrusted.ts';
import { output, printPin } from './common.ts';

/** What accept without LOGIN says to run to trust an inviter who is not a peer: the login is the user's to type. */
const STRANGER_NEXT = 'alive-p2p relay accept LOGIN';

export const acceptCommand = defineCommand({
  name: 'accept',
  summary: "trust a peer's relay and pin their key",
  usage: `usage: alive-p2p relay accept [LOGIN] [--url PEER_RELAY_URL] [--fingerprint HEX] [--json]

Trusts a peer's relay: fetches their public key, pins its fingerprint and records their relay.
  github: accepts open invitations to <peer>/walnut-relay (all of them, or LOGIN's only);
          without LOGIN, one from a peer you removed is left open and listed (skipped).
  git:    LOGIN and --url (their relay) are required the first time.
Naming LOGIN is also how you trust a peer's new key after checking it with them.

Options:
  --url URL          the peer's relay (git: a Git URL or path; github: owner/repo)
  --fingerprint HEX  the fingerprint the peer told you (SHA256:xxxx:... or 64 hex digits):
                     a key that does not match it is refused and nothing is pinned
  --json             one JSON object
  -h, --help         show this help`,
  options: { url: { type: 'string' }, fingerprint: { type: 'string' } },
  positionals: { names: ['LOGIN'], min: 0 },
  async run(ctx) {
    const env = process.env;
    const out = output(ctx);
    const login = ctx.positionals[0] !== undefined ? requireLogin(ctx.positionals[0]) : undefined;
    let expected: string | undefined;
    if (ctx.values.fingerprint !== undefined) {
      if (!login) ctx.usageError('--fingerprint needs the LOGIN whose key it is');
      expected = parseFingerprintArg(ctx.values.fingerprint);
      if (!expected) ctx.usageError('--fingerprint takes a SHA-256 fingerprint: 64 hex digits, as `SHA256:xxxx:xxxx:…` or plain');
    }
    const paths = defaultRelayPaths(env);
    let cfg = requireRelayConfig(paths.config);
    if (login && login.toLowerCase() === cfg.github_username.toLowerCase()) ctx.usageError('you cannot accept yourself');
    const transport = await openTransport(cfg, paths, env);

    // Which peers to accept, and where their relays are.
    const targets: Array<{ login: string; relay: string; invitation?: number }> = [];
    // Without a LOGIN, only invitations from your peers (add-peer): anyone on GitHub can invite you,
    // and accepting pins the key their relay publishes (a copy of a peer's key pinned for a stranger
    // then kept the peer's own out, key_in_use). Naming the inviter (`accept LOGIN`) trusts them,
    // as it trusts a peer you removed again.
    // A stranger's login and relay name are theirs to choose (a login can spell words): those come
    // under `untrusted` (fenced in text), and the command to trust them names no login.
    const skipped: Array<
      | { peer: string; relay: string; invitation: number; reason: 'removed'; next: string }
      | { invitation: number; reason: 'not_a_peer'; next: string; untrusted: { peer: string; relay: string } }
    > = [];
    if (isGithub(transport)) {
      const invitations = await transport.listRelayInvitations();
      for (const inv of invitations) {
        if (login && inv.inviter.toLowerCase() !== login.toLowerCase()) continue;
        const peer = login ? undefined : findPeer(cfg, inv.inviter);
        if (!login && peer === undefined) {
          skipped.push({ invitation: inv.id, reason: 'not_a_peer', next: STRANGER_NEXT, untrusted: { peer: inv.inviter, relay: inv.repo } });
          continue;
        }
        if (!login && peer?.status === 'removed') {
          skipped.push({ peer: inv.inviter, relay: inv.repo, invitation: inv.id, reason: 'removed', next: `alive-p2p relay accept ${inv.inviter}` });
          continue;
        }
        targets.push({ login: inv.inviter, relay: inv.repo, invitation: inv.id });
      }
      if (login && targets.length === 0) {
        // The key is read from keys/<login>.pem, a case-sensitive path: use GitHub's spelling.
        const spelled = (await transport.loginOf(login)) ?? login;
        const known = findPeer(cfg, login)?.relay;
        const relay = ctx.values.url !== undefined ? peerRelayAddress(cfg, ctx.values.url) : (known ?? githubRelayOf(spelled));
        targets.push({ login: spelled, relay });
      }
    } else {
      if (!login) return ctx.usageError('with the git transport, name the peer and their relay: accept LOGIN --url URL');
      const relay = ctx.values.url !== undefined ? peerRelayAddress(cfg, ctx.values.url) : findPeer(cfg, login)?.relay;
      if (!relay) return ctx.usageError(`--url is required: where is ${login}'s relay?`);
      targets.push({ login, relay });
    }
    for (const s of skipped) {
      if (s.reason === 'removed') {
        const who = inlineText(s.peer);
        out.line(
          `Not accepted: ${who} invited you to ${inlineText(s.relay)}, but you removed ${who} from your peers ` +
            `(relay remove-peer). The invitation stays open; to trust ${who} again: ${inlineText(s.next)}`,
        );
        continue;
      }
      out.line(
        'Not accepted: an invitation from someone who is not among your peers (relay add-peer): accepting pins the key their relay publishes. ' +
          `The invitation stays open; if you know them, check their login and fingerprint with them by another channel, then run ${s.next} ` +
          '(their login and relay, as they chose them, follow: untrusted)',
      );
      for (const l of fencedLines('UNTRUSTED INVITER', `login: ${s.untrusted.peer}\nrelay: ${s.untrusted.relay}`)) out.line(l);
    }
    if (targets.length === 0) {
      out.result({ ok: true, accepted: [], refused: [], skipped });
      if (skipped.length === 0) out.line('No relay invitations are waiting.');
      return 0;
    }

    const accepted: Array<Record<string, unknown>> = [];
    const refused: Array<{ peer: string; error: string; untrusted?: Readonly<Record<string, string>> }> = [];
    const refusedCodes: ErrorCode[] = [];
    for (const t of targets) {
      try {
        const existing = findPeer(cfg, t.login);
        // Logins compare without case, but the peer's files do not: keep the spelling GitHub gave
        // (the invitation's inviter, or the user lookup) over the one typed in `add-peer`.
        const base: Peer = existing
          ? { ...existing, github: t.login }
          : {
              github: t.login,
              name: null,
              relay: null,
              person_walnut: null,
              added: today(),
              status: 'accepted',
              fingerprint: null,
            };
        // Accepting the invitation cannot be undone, but it must come first: a relay is a private
        // repository, which GitHub lets us read (and so the key) only once the invitation is accepted.
        // What can be checked before it is: the login (the invitation's own spelling) and --fingerprint.
        if (t.invitation !== undefined && isGithub(transport)) await transport.acceptInvitation(t.invitation);
        // Only an explicit `accept LOGIN` may replace a pinned key; a --fingerprint must match first.
        const pin = await fetchAndPin(
          transport,
          paths,
          { ...base, relay: t.relay },
          { allowChange: login !== undefined, others: cfg.peers, ...(expected ? { expected } : {}) },
        );
        const peer: Peer = { ...pin.peer, relay: t.relay, status: 'accepted' };
        cfg = upsertPeer(cfg, peer);
        writeRelayConfig(paths.config, cfg);
        accepted.push({
          peer: peer.github,
          relay: peer.relay,
          fingerprint: formatFingerprint(pin.fingerprint),
          replaced: pin.replaced ? formatFingerprint(pin.replaced) : null,
          checked: expected !== undefined,
          invitation: t.invitation ?? null,
        });
        printPin(out, peer.github, pin, expected !== undefined);
        if (expected) out.line(`It matches the fingerprint you gave.`);
      } catch (err) {
        if (!(err instanceof AliveError) || targets.length === 1) throw err;
        const { message, untrusted, lines } = errorEntryOf(err);
        refused.push({ peer: t.login, error: message, ...(untrusted ? { untrusted } : {}) });
        refusedCodes.push(err.code);
        out.warn(`${t.login}: ${message}`, lines);
      }
    }
    touchRelayActivity(paths, (state) => {
      for (const a of accepted) state.peer_reachability[String(a.peer)] = { reachable: true, checked: isoSeconds(), relay_repo: String(a.relay) };
      state.newly_accepted = state.newly_accepted.filter((l) => !accepted.some((a) => String(a.peer).toLowerCase() === l.toLowerCase()));
    });
    if (refused.length > 0) {
      // The others are accepted; the refused ones end the command as a failure that says what to do.
      const names = refused.map((r) => inlineText(r.peer));
      throw new AliveError(
        `not accepted: ${names.join(', ')} (${out.json ? 'refused[] says' : 'the warnings above say'} why); once that is fixed, run ` +
          names.map((n) => `\`alive-p2p relay accept ${n}\``).join(', '),
        { code: new Set(refusedCodes).size === 1 ? refusedCodes[0]! : 'failed', fields: { accepted, refused, skipped } },
      );
    }
    out.result({ ok: true, accepted, refused, skipped });
  },
});
