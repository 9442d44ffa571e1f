import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseCommandArgs } from '../../cli/args.ts';
import { readRelayConfig } from '../config.ts';
import { fingerprint, formatFingerprint, parsePeerPublicKey } from '../keys.ts';
import { defaultRelayPaths, peerKeyPath } from '../paths.ts';
import { readRelayState } from '../state.ts';
import { output } from './common.ts';
import { messageOf } from '../../errors.ts';

const USAGE = `usage: alive-p2p relay status [--json]

Shows your relay, your keys, your peers (with pinned fingerprints) and what the last probe saw.
Reads local files only.`;

type KeyCheck = 'ok' | 'missing' | 'changed' | 'unreadable' | 'not pinned';

export async function runStatus(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<0 | 1 | 2> {
  const { values } = parseCommandArgs<{ json?: boolean }>(argv, { json: { type: 'boolean' } }, { usage: USAGE, positionals: { min: 0, max: 0 } });
  const out = output(values.json);
  if (values.help) {
    out.line(USAGE);
    return 0;
  }
  const paths = defaultRelayPaths(env);
  const cfg = readRelayConfig(paths.config);
  if (!cfg) {
    out.result({ ok: true, configured: false, config: paths.config });
    out.line(`No relay is set up (${paths.config} does not exist). Run: alive-p2p relay setup`);
    return 0;
  }
  const problems: string[] = [];
  let privateMode: string | null = null;
  if (existsSync(paths.privateKey)) {
    const mode = statSync(paths.privateKey).mode & 0o777;
    privateMode = mode.toString(8).padStart(3, '0');
    if (mode & 0o077) problems.push(`your private key is readable by others (mode ${privateMode}): chmod 600 ${paths.privateKey}`);
  } else problems.push(`your private key is missing: run alive-p2p relay setup`);
  let ownFingerprint: string | null = null;
  try {
    ownFingerprint = fingerprint(parsePeerPublicKey(readFileSync(paths.publicKey, 'utf8'), 'your'));
  } catch {
    problems.push('your public key is missing or unreadable: run alive-p2p relay setup');
  }

  const peers = cfg.peers.map((p) => {
    let key: KeyCheck = 'not pinned';
    if (p.fingerprint) {
      const file = peerKeyPath(paths, p.github);
      if (!existsSync(file)) key = 'missing';
      else {
        try {
          key = fingerprint(parsePeerPublicKey(readFileSync(file, 'utf8'), p.github)) === p.fingerprint ? 'ok' : 'changed';
        } catch {
          key = 'unreadable';
        }
      }
    }
    if (key === 'missing' || key === 'changed' || key === 'unreadable') {
      problems.push(`${p.github}'s pinned key file is ${key}: run alive-p2p relay accept ${p.github}`);
    }
    return { login: p.github, name: p.name, status: p.status, relay: p.relay, fingerprint: p.fingerprint, key };
  });

  let state = null;
  try {
    state = readRelayState(paths.state) ?? null;
  } catch (err) {
    problems.push(messageOf(err));
  }

  out.result({
    ok: problems.length === 0,
    configured: true,
    login: cfg.github_username,
    transport: cfg.transport,
    repo: cfg.repo,
    api_url: cfg.api_url,
    fingerprint: ownFingerprint,
    private_key_mode: privateMode,
    peers,
    state,
    problems,
  });
  out.line(`Relay:   ${cfg.repo} (${cfg.transport}) as ${cfg.github_username}`);
  out.line(`Key:     ${ownFingerprint ? formatFingerprint(ownFingerprint) : 'missing'}${privateMode ? ` (private key mode ${privateMode})` : ''}`);
  out.line(`Peers:   ${peers.length === 0 ? 'none (alive-p2p relay add-peer LOGIN)' : ''}`);
  for (const p of peers) {
    out.line(`  ${p.login.padEnd(20)} ${p.status.padEnd(9)} key ${p.key.padEnd(10)} ${p.fingerprint ? formatFingerprint(p.fingerprint) : ''}`);
  }
  if (state) {
    out.line(`Probe:   last ${state.last_sync ?? 'never'}; ${state.pending_packages} package(s) waiting${state.last_error ? `; last error: ${state.last_error}` : ''}`);
  }
  for (const p of problems) out.line(`problem: ${p}`);
  return 0;
}
