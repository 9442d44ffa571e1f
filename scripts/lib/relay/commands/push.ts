import { mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseCommandArgs, requireFlag } from '../../cli/args.ts';
import { AliveError, errnoCode } from '../../errors.ts';
import { findPeer, requireRelayConfig } from '../config.ts';
import { fingerprint, keyChangedError, loadOwnPrivateKey, loadPinnedPeerKey, parsePeerPublicKey } from '../keys.ts';
import { depositName, requireLogin } from '../names.ts';
import { openTransport } from '../open.ts';
import { sealForPeer } from '../package-step.ts';
import { defaultRelayPaths } from '../paths.ts';
import { output } from './common.ts';

const USAGE = `usage: alive-p2p relay push PACKAGE --to LOGIN [--json]

Delivers a .walnut package into LOGIN's relay (inbox/<you>/), encrypted to LOGIN's pinned key
(unless it already is encrypted) and signed with your key. Refuses if LOGIN's key on their relay
is not the one you pinned.`;

export async function runPush(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<0 | 1 | 2> {
  const { values, positionals } = parseCommandArgs<{ to?: string; json?: boolean }>(
    argv,
    { to: { type: 'string' }, json: { type: 'boolean' } },
    { usage: USAGE, positionals: { min: 1, max: 1 } },
  );
  const out = output(values.json);
  if (values.help) {
    out.line(USAGE);
    return 0;
  }
  const to = requireLogin(requireFlag(values.to, '--to', USAGE), '--to');
  const input = positionals[0]!;
  try {
    if (!statSync(input).isFile()) throw new AliveError(`${input} is not a file`, { code: 'not_a_file' });
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') throw new AliveError(`package ${input} does not exist`, { code: 'not_found' });
    throw err;
  }
  const paths = defaultRelayPaths(env);
  const cfg = requireRelayConfig(paths.config);
  const peer = findPeer(cfg, to);
  if (!peer) throw new AliveError(`${to} is not one of your peers; run \`alive-p2p relay add-peer ${to}\` first`, { code: 'unknown_peer' });
  if (!peer.relay) {
    throw new AliveError(`${to}'s relay is not known yet; once ${to} has invited you, run \`alive-p2p relay accept ${to}\``, { code: 'no_relay' });
  }
  const recipientKey = loadPinnedPeerKey(paths, peer);
  const pinned = peer.fingerprint!;
  const signerKey = loadOwnPrivateKey(paths);
  const transport = await openTransport(cfg, paths, env);

  mkdirSync(paths.work, { recursive: true, mode: 0o700 });
  const sealedPath = join(paths.work, `push-${process.pid}-${randomBytes(6).toString('hex')}.walnut`);
  try {
    const sealed = await sealForPeer({
      input,
      output: sealedPath,
      recipientPublicKey: recipientKey,
      signerPrivateKey: signerKey,
      signerName: cfg.github_username,
    });
    const original = basename(input);
    const delivered = await transport.deliver(
      { login: peer.github, relay: peer.relay },
      sealedPath,
      () => depositName(original),
      (pem) => {
        const seen = fingerprint(parsePeerPublicKey(pem, peer.github));
        if (seen !== pinned) throw keyChangedError(peer.github, pinned, seen);
      },
    );
    out.result({
      ok: true,
      to: peer.github,
      relay: peer.relay,
      path: delivered.path,
      name: delivered.name,
      bytes: sealed.bytes,
      sha256: sealed.sha256,
      encrypted: true,
      re_encrypted: sealed.inputEnvelope === 'plain',
      signed: true,
      via: delivered.via,
      commit: delivered.commit,
    });
    out.line(`Delivered ${original} to ${peer.github}: ${delivered.path} (${sealed.bytes} bytes, signed by ${cfg.github_username})`);
    return 0;
  } finally {
    rmSync(sealedPath, { force: true });
  }
}
