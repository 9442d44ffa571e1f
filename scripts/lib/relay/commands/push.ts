import { reportingInterrupt } from '../../cli/interrupted.ts';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { defineCommand } from '../../cli/command.ts';
import { AliveError, messageOf } from '../../errors.ts';
import { failureReason, statPackageFile, unreadablePackage } from '../../package/package-path.ts';
import { findPeer, requireRelayConfig } from '../config.ts';
import { fingerprint, keyChangedError, loadPinnedPeerKey, parsePeerPublicKey } from '../keys.ts';
import { loadOwnPrivateKey } from '../own-key.ts';
import { depositName, requireLogin } from '../names.ts';
import { closestName } from '../../text/closest.ts';
import { openTransport } from '../open.ts';
import { sealForPeer } from '../package-step.ts';
import { defaultRelayPaths } from '../paths.ts';
import { output } from './common.ts';
import { touchRelayActivity } from '../activity.ts';
import { isoSeconds } from '../state.ts';
import { sha256File } from '../../fs/hash.ts';
import { earlierPushes, pushLogPath, readPushLog, recordPush, stillWaiting } from '../push-log.ts';
import { fencedLines } from '../../text/fence.ts';
import { cleanUpIfInterrupted } from '../../proc/interrupt-cleanup.ts';
import { ownedName, removeLeftovers } from '../work-leftovers.ts';

/** The sealed package a push delivers, under work/ (work-leftovers.ts removes a killed push's). */
const SEALED_PREFIX = 'push-';

const USAGE = `usage: alive-p2p relay push PACKAGE --to LOGIN [--json]

Delivers a .walnut package into LOGIN's relay (inbox/<you>/), encrypted to LOGIN's pinned key
(unless it already is encrypted) and signed with your key. Refuses if LOGIN's key on their relay
is not the one you pinned. The same file pushed again while that delivery still waits in
LOGIN's relay is not sent twice: it says so and pushes nothing (--json: already_waiting).

Options:
  --to LOGIN   the peer to deliver to (one of your peers, with a pinned key)
  --json       one JSON object
  -h, --help   show this help`;

/** What Ctrl-C says (cli.md §8: under --json, one failure object, code `interrupted`). */
const PUSH_INTERRUPTED =
  "push interrupted: the package may or may not have reached the peer's relay; push it again (a copy that did arrive is taken for a duplicate by their pull)";

export const pushCommand = defineCommand({
  name: 'push',
  summary: "deliver a package into a peer's relay",
  usage: USAGE,
  options: { to: { type: 'string' } },
  positionals: { names: ['PACKAGE'], min: 1 },
  run: (ctx) =>
    reportingInterrupt(ctx, PUSH_INTERRUPTED, async () => {
      const env = process.env;
      const out = output(ctx);
      const to = requireLogin(ctx.required(ctx.values.to, '--to'), '--to');
      const input = ctx.positionals[0]!;
      // In the words info, verify and receive use for the same path.
      statPackageFile(input);
      const paths = defaultRelayPaths(env);
      const cfg = requireRelayConfig(paths.config);
      const peer = findPeer(cfg, to);
      if (!peer) {
        // On git, a peer added without their relay still cannot be pushed to: name the --url at once.
        const add = `alive-p2p relay add-peer ${to}${cfg.transport === 'git' ? ' --url THEIR_RELAY_URL' : ''}`;
        const peers = cfg.peers.filter((p) => p.status !== 'removed').map((p) => p.github);
        if (to.toLowerCase() === cfg.github_username.toLowerCase()) {
          const listed = peers.length === 0 ? 'you have none yet: `alive-p2p relay add-peer LOGIN` adds one' : peers.slice(0, 10).join(', ');
          ctx.usageError(`${to} is you (your relay login): push delivers into a peer's relay; pass --to with one of your peers (${listed})`);
        }
        const guess = closestName(
          to.toLowerCase(),
          peers.map((p) => p.toLowerCase()),
        );
        const meant = peers.find((p) => p.toLowerCase() === guess);
        const text =
          meant === undefined
            ? `${to} is not one of your peers; run \`${add}\` first`
            : `${to} is not one of your peers; did you mean --to ${meant}? To add ${to}, run \`${add}\` first`;
        throw new AliveError(text, { code: 'unknown_peer' });
      }
      if (!peer.relay) {
        // On git, a peer added without --url waits for nothing: only the address of their relay is missing.
        const text =
          cfg.transport === 'git'
            ? `${to} was added without the address of their relay, and the git transport has no invitations that would bring it: ` +
              `ask ${to} for their relay URL and run \`alive-p2p relay accept ${to} --url THEIR_RELAY_URL\` (it pins their key; compare its fingerprint with ${to}), then push again`
            : `${to}'s relay is not known yet; once ${to} has invited you, run \`alive-p2p relay accept ${to}\``;
        throw new AliveError(text, { code: 'no_relay' });
      }
      if (peer.status === 'removed') {
        throw new AliveError(
          `you removed ${peer.github} from your peers; to share with them again, run \`alive-p2p relay accept ${peer.github} --fingerprint THEIR_FINGERPRINT\` with the fingerprint they confirm`,
          {
            code: 'not_pinned',
          },
        );
      }
      const recipientKey = loadPinnedPeerKey(paths, peer);
      const pinned = peer.fingerprint!;
      const signerKey = loadOwnPrivateKey(paths, cfg.github_username);
      const transport = await openTransport(cfg, paths, env);

      const original = basename(input);
      const inputSha256 = await sha256File(input).catch((err: unknown) => {
        throw unreadablePackage(input, failureReason(err));
      });
      const logPath = pushLogPath(paths);
      const earlier = earlierPushes(readPushLog(logPath), peer.github, inputSha256, pinned);
      if (earlier.length > 0) {
        const peerRelay = { login: peer.github, relay: peer.relay };
        const waiting = stillWaiting(earlier, await transport.listDeposits(peerRelay));
        if (waiting) {
          const { record, entry } = waiting;
          // Where this push's record put it, the name is ours; a copy elsewhere was named by whoever
          // moved it there (anyone with write access to their relay): data only.
          const ours = entry.path === record.path;
          touchRelayActivity(paths, (state) => {
            state.peer_reachability[peer.github] = { reachable: true, checked: isoSeconds(), relay_repo: peer.relay };
          });
          out.result({
            ok: true,
            to: peer.github,
            relay: peer.relay,
            already_waiting: true,
            pushed_at: record.at,
            path: entry.path,
            name: entry.name,
            bytes: record.bytes,
            sha256: record.sha256,
            encrypted: true,
            signed: true,
            via: null,
            commit: null,
            ...(ours ? {} : { untrusted: { file: entry.name } }),
          });
          const as = ours ? `as ${record.name}` : 'as another name; it now waits under a name given to it in their relay, which follows, untrusted';
          out.line(
            `${original} is already waiting for ${peer.github} (pushed ${record.at} ${as}); nothing pushed. It stays in ${peer.github}'s relay until they pull it.`,
          );
          if (!ours) for (const l of fencedLines('UNTRUSTED FILE NAME', entry.name)) out.line(l);
          return;
        }
      }

      mkdirSync(paths.work, { recursive: true, mode: 0o700 });
      removeLeftovers(paths.work, SEALED_PREFIX);
      const sealedPath = join(paths.work, `${ownedName(SEALED_PREFIX)}${randomBytes(6).toString('hex')}.walnut`);
      // As large as the package: Ctrl-C during the upload ends the process past the finally below.
      const releaseInterrupt = cleanUpIfInterrupted(() => rmSync(sealedPath, { force: true }));
      try {
        const sealed = await sealForPeer({
          input,
          output: sealedPath,
          recipientPublicKey: recipientKey,
          recipientName: peer.github,
          signerPrivateKey: signerKey,
          signerName: cfg.github_username,
          ...(ctx.json ? {} : { onProgress: ctx.progress }), // on a terminal only, never under --json
        });
        const delivered = await transport
          .deliver(
            { login: peer.github, relay: peer.relay },
            sealedPath,
            () => depositName(original),
            (pem) => {
              const seen = fingerprint(parsePeerPublicKey(pem, peer.github));
              if (seen !== pinned) throw keyChangedError(peer.github, pinned, seen);
            },
            ctx.json ? undefined : ctx.progress, // on a terminal only, never under --json
          )
          .catch((err: unknown) => {
            // What the failure says about their relay goes into state.json, so `relay status` does not
            // go on showing an older probe's "reachable" (and, with the command's time, probes again).
            const code = err instanceof AliveError ? err.code : undefined;
            touchRelayActivity(paths, (state) => {
              if (code === 'network' || code === 'timeout' || code === 'relay_not_found') {
                state.peer_reachability[peer.github] = {
                  reachable: false,
                  checked: isoSeconds(),
                  relay_repo: peer.relay,
                  error: `relay push failed (${code})`,
                };
              }
            });
            // Their relay did not answer: what to do, before what failed (which may end in git's lines, fenced after it).
            if (err instanceof AliveError && (code === 'network' || code === 'timeout')) {
              throw new AliveError(
                `nothing was pushed to ${peer.github}: try again once their relay answers; if it moved, check the address with ${peer.github}, then \`alive-p2p relay accept ${peer.github} --url URL\`: ${err.message}`,
                { code: err.code, cause: err, ...(err.fields ? { fields: err.fields } : {}), ...(err.untrusted ? { untrusted: err.untrusted } : {}) },
              );
            }
            throw err;
          });
        touchRelayActivity(paths, (state) => {
          // deliver read their key and checked it against the pin before depositing.
          state.peer_reachability[peer.github] = { reachable: true, checked: isoSeconds(), relay_repo: peer.relay, key_read: true };
        });
        const record = {
          to: peer.github,
          input: inputSha256,
          fingerprint: pinned,
          blob: delivered.blob,
          path: delivered.path,
          name: delivered.name,
          bytes: sealed.bytes,
          sha256: sealed.sha256,
          at: isoSeconds(),
        };
        let warning: string | undefined;
        try {
          recordPush(logPath, record);
        } catch (err) {
          warning = `the package is delivered, but ${logPath} could not be written (${messageOf(err)}): pushing the same file again will deliver it again`;
          out.warn(warning);
        }
        // A passphrase package is signed, not sealed again: the peer's key does not open it.
        const byPassphrase =
          sealed.inputEnvelope === 'passphrase'
            ? `sealed with its passphrase only: ${peer.github} needs the passphrase from you, by another channel, to receive it`
            : undefined;
        out.result({
          ok: true,
          to: peer.github,
          relay: peer.relay,
          already_waiting: false,
          path: delivered.path,
          name: delivered.name,
          bytes: sealed.bytes,
          sha256: sealed.sha256,
          encrypted: true,
          re_encrypted: sealed.inputEnvelope === 'plain',
          signed: true,
          via: delivered.via,
          commit: delivered.commit,
          ...(warning ? { warning } : {}),
          ...(byPassphrase ? { note: byPassphrase } : {}),
        });
        out.line(`Delivered ${original} to ${peer.github}: ${delivered.path} (${sealed.bytes} bytes, signed by ${cfg.github_username})`);
        if (byPassphrase) out.line(`Note: ${byPassphrase}.`);
      } finally {
        releaseInterrupt();
        rmSync(sealedPath, { force: true });
      }
    }),
});
