/** `alive-p2p relay status`: your relay, keys, peers and what waits — probing first when stale. */
import { existsSync, statSync } from 'node:fs';
import { readKeyFile } from '../../crypto/keys.ts';
import { defineCommand } from '../../cli/command.ts';
import { messageOf } from '../../errors.ts';
import { findPeer, isPinnedPeer, readRelayConfig, type RelayConfig } from '../config.ts';
import { fingerprint, formatFingerprint, parsePeerPublicKey } from '../keys.ts';
import { ownKeyProblem, peerKeyProblem } from '../key-checks.ts';
import { defaultRelayPaths, peerKeyPath } from '../paths.ts';
import { probeWithinBudget } from '../probe.ts';
import { readRelayState, type RelayState } from '../state.ts';
import { output } from './common.ts';
import { inlineText } from '../../text/untrusted.ts';
import { fencedLines } from '../../text/fence.ts';
import { counted } from '../../text/plural.ts';
import { join } from 'node:path';
import { countUnverifiedSaved, UNVERIFIED_DIR } from '../unverified-saved.ts';
import { BY_FOLDER_NOTE, saidToBeFrom } from '../folder-words.ts';

const USAGE = `usage: alive-p2p relay status [--offline] [--budget SECONDS] [--json]

Shows your relay, your keys, your peers (with pinned fingerprints) and what waits for you.
When what it knows is more than a minute old, or older than your last relay command (or there
was never a probe, or the last one failed), it probes the relay first (within --budget, default
8 s): counts what waits, checks that your relay still publishes your key and that every pinned
peer's relay still publishes the pinned key. It says how old what it shows is. What it finds
wrong is listed as problems (--json: problems[]); status still exits 0 with ok: true.

Options:
  --offline         read local files only, never probe
  --budget SECONDS  time allowed for the probe (default 8)
  --json            one JSON object
  -h, --help        show this help`;

type KeyCheck = 'ok' | 'missing' | 'changed' | 'unreadable' | 'not pinned';

export const relayStatusCommand = defineCommand({
  name: 'status',
  summary: 'show relay, keys, peers and what waits (probes when stale)',
  usage: USAGE,
  options: { offline: { type: 'boolean' }, budget: { type: 'string' } },
  async run(ctx) {
    const env = process.env;
    const out = output(ctx);
    const budget = ctx.values.budget === undefined ? 8 : Number(ctx.values.budget);
    if (!(budget >= 0.5 && budget <= 600)) ctx.usageError(`--budget takes seconds between 0.5 and 600, got '${ctx.values.budget}'`);
    const paths = defaultRelayPaths(env);
    const cfg = readRelayConfig(paths.config);
    if (!cfg) {
      out.result({ ok: true, configured: false, config: paths.config });
      out.line(`No relay is set up (${paths.config} does not exist). Run: alive-p2p relay setup`);
      return;
    }
    const problems: string[] = [];

    let state: RelayState | null = null;
    try {
      state = readRelayState(paths.state) ?? null;
    } catch (err) {
      problems.push(messageOf(err));
    }
    let probed = false;
    let probeTimedOut = false;
    if (!ctx.values.offline && isStale(state)) {
      const r = await probeWithinBudget({ paths, statePath: paths.state, budgetMs: Math.round(budget * 1000), env });
      probed = true;
      probeTimedOut = r.timedOut;
      if (r.state) state = r.state;
    }

    let privateMode: string | null = null;
    if (existsSync(paths.privateKey)) {
      const mode = statSync(paths.privateKey).mode & 0o777;
      privateMode = mode.toString(8).padStart(3, '0');
      if (mode & 0o077) problems.push(`your private key is readable by others (mode ${privateMode}): chmod 600 ${paths.privateKey}`);
    } else problems.push((await import('../own-key.ts')).missingPrivateKey(paths, cfg.github_username));
    let ownFingerprint: string | null = null;
    try {
      ownFingerprint = fingerprint(parsePeerPublicKey(readKeyFile(paths.publicKey, 'public'), 'your'));
    } catch {
      problems.push('your public key is missing or unreadable: run alive-p2p relay setup');
    }
    const own = ownKeyProblem(state?.own_key, cfg.github_username);
    if (own) problems.push(own);
    // A relay set up before setup checked the repository, found not to be the user's (relay-origin.ts).
    const origin = state?.not_your_relay;
    const originShown = origin ? (await import('../relay-origin.ts')).originProblem(cfg.repo, cfg.github_username, origin) : undefined;
    if (originShown) problems.push(originShown.text);
    // A check that failed keeps the counts and key checks from before, under a fresh time.
    if (state?.last_error) {
      problems.push(
        `your relay could not be read at the last check (${inlineText(state.last_error, 300)}): the figures shown may be out of date; run alive-p2p relay status again once it answers`,
      );
    }

    const keyChanges = state?.peer_key_changes ?? {};
    const peers = cfg.peers.map((p) => {
      let key: KeyCheck = 'not pinned';
      if (p.fingerprint) {
        const file = peerKeyPath(paths, p.github);
        if (!existsSync(file)) key = 'missing';
        else {
          try {
            key = fingerprint(parsePeerPublicKey(readKeyFile(file, 'public'), p.github)) === p.fingerprint ? 'ok' : 'changed';
          } catch {
            key = 'unreadable';
          }
        }
      }
      if (key === 'missing' || key === 'changed' || key === 'unreadable') {
        problems.push(`${p.github}'s pinned key file is ${key}: run alive-p2p relay accept ${p.github}`);
      }
      if (key === 'not pinned' && p.status === 'accepted') {
        problems.push(
          `${p.github} is accepted but no key of theirs is pinned: pushes to ${p.github} are refused and what waits in their folder is not opened ` +
            `until it is; get their key fingerprint from ${p.github} by another channel, then run \`alive-p2p relay accept ${p.github} --fingerprint HEX\``,
        );
      }
      const seen = keyChanges[p.github];
      // What the last check of their relay found (null: never checked, or another relay than theirs now).
      const check = p.status !== 'removed' && p.relay ? state?.peer_reachability[p.github] : undefined;
      const reachable = check && check.relay_repo === p.relay ? check.reachable : null;
      // 'ok' only when the last check read their key (a relay can answer without one).
      const keyRead = reachable === true && check!.key_read === true;
      const relayKey = !p.fingerprint ? null : seen && seen !== p.fingerprint ? 'changed' : keyRead ? 'ok' : 'unchecked';
      if (relayKey === 'changed' && seen) problems.push(peerKeyProblem(p.github, p.fingerprint!, seen));
      if (reachable === false) problems.push(unreachableProblem(p.github, check!));
      if (p.fingerprint && reachable === true && check!.key_read === false) problems.push(noKeyProblem(p.github));
      return {
        login: p.github,
        name: p.name,
        status: p.status,
        relay: p.relay,
        fingerprint: p.fingerprint ? formatFingerprint(p.fingerprint) : null,
        key,
        relay_key: relayKey,
        relay_fingerprint: seen ? formatFingerprint(seen) : null,
        reachable,
        reachable_checked: reachable === null ? null : check!.checked,
      };
    });

    const age = state?.last_sync ? ageText(state.last_sync) : null;
    const waitingBy = splitSenders(cfg, state?.pending_by_sender ?? {});
    // What earlier pulls saved and could not verify: pull reports it once, status every time.
    const saved = countUnverifiedSaved(paths.inbox);
    const savedBy = splitSenders(cfg, Object.fromEntries(saved.byFolder));
    // What pull saved and verified, not received into any world yet: nothing else says it waits.
    const pulled = (await import('./pulled.ts')).pulledReport(cfg, paths);
    // What status found, problems included, is its result: `ok: false` is a failure's (cli.md, with
    // an `error` object and exit 1), and status has not failed when it reports your relay unreachable.
    out.result({
      ok: true,
      configured: true,
      login: cfg.github_username,
      transport: cfg.transport,
      repo: cfg.repo,
      api_url: cfg.api_url,
      fingerprint: ownFingerprint ? formatFingerprint(ownFingerprint) : null,
      private_key_mode: privateMode,
      own_key: state?.own_key?.status ?? 'unknown',
      peers,
      state,
      probed,
      probe_timed_out: probeTimedOut,
      as_of: state?.last_sync ?? null,
      age_seconds: state?.last_sync ? Math.max(0, Math.round((Date.now() - Date.parse(state.last_sync)) / 1000)) : null,
      // What waits, by folder (state.pending_by_sender and untrusted.senders give the same by name).
      inbox: state ? inboxFields(waitingBy, state.pending_packages) : null,
      unverified_saved: { packages: saved.packages, peers: Object.fromEntries(savedBy.peers), dir: paths.inbox },
      pulled: pulled.json,
      problems,
      not_your_relay: origin?.kind ?? null,
      // Sender folders that are not your peers' (state.pending_by_sender has them too): named by
      // whoever wrote to the relay, data only; likewise the folders of what pull saved unverified,
      // and whose keys or which files make the relay not yours.
      untrusted: {
        senders: Object.fromEntries(waitingBy.others),
        ...(savedBy.others.length > 0 ? { unverified_senders: Object.fromEntries(savedBy.others) } : {}),
        ...(Object.keys(pulled.otherFolders).length > 0 ? { pulled_senders: pulled.otherFolders } : {}),
        ...originShown?.untrusted.json,
      },
    });
    out.line(`Relay:   ${inlineText(cfg.repo)} (${cfg.transport}) as ${cfg.github_username}`);
    out.line(
      `Key:     ${ownFingerprint ? formatFingerprint(ownFingerprint) : 'missing'}${privateMode ? ` (private key mode ${privateMode})` : ''}` +
        `${state?.own_key?.status === 'ok' ? '; published in your relay' : ''}`,
    );
    out.line(peers.length === 0 ? 'Peers:   none (alive-p2p relay add-peer LOGIN)' : 'Peers:');
    for (const p of peers) out.line(`  ${p.login.padEnd(20)} ${p.status.padEnd(9)} ${peerKeyText(p)}`.trimEnd());
    if (state) {
      const waiting = `${counted(state.pending_packages, 'package')} waiting`;
      const by = bySenderText(waitingBy, state.pending_packages, state.pending_senders ?? 0);
      out.line(
        `Inbox:   ${waiting}${by ? ` (${by})` : ''}; ${age ? `as of ${age}${probed ? ' (probed just now)' : ''}` : 'never probed'}` +
          `${probeTimedOut ? '; the probe ran out of time' : ''}${state.last_error ? `; last error: ${inlineText(state.last_error, 500)}` : ''}`,
      );
      if (waitingBy.peers.length > 0) {
        out.line(`         each is ${saidToBeFrom(waitingBy.peers.length === 1 ? inlineText(waitingBy.peers[0]![0], 64) : 'the peer whose folder holds it')}`);
      }
      if (waitingBy.others.length > 0) {
        const names = waitingBy.others.slice(0, SENDERS_SHOWN).map(([s, n]) => `${s}: ${n}`);
        for (const l of fencedLines('UNTRUSTED SENDER NAMES', names.join('\n'))) out.line(l);
      }
      if (state.pending_packages > 0) out.line('         see them with: alive-p2p relay inbox; fetch them with: alive-p2p relay pull');
    }
    for (const l of pulled.lines) out.line(l);
    if (saved.packages > 0) {
      const by = bySenderText(savedBy, saved.packages, saved.byFolder.size);
      out.line(`Pulled:  ${counted(saved.packages, 'package')} could not be verified (${by}), kept under ${join(paths.inbox, '<folder>', UNVERIFIED_DIR)}/`);
      out.line('         unauthenticated: see one with alive-p2p info PATH; delete its file to discard it');
      if (savedBy.others.length > 0) {
        const names = savedBy.others.slice(0, SENDERS_SHOWN).map(([s, n]) => `${s}: ${n}`);
        for (const l of fencedLines('UNTRUSTED SENDER NAMES', names.join('\n'))) out.line(l);
      }
    }
    for (const p of problems) out.line(`problem: ${p}`);
    for (const l of originShown?.untrusted.lines ?? []) out.line(l);
  },
});

/**
 * The key part of a peer's row: "key ok" only when their relay answered with the pinned key; a key
 * that changed there, or could not be checked, or a local key file that is wrong, says so instead.
 */
function peerKeyText(p: { fingerprint: string | null; key: KeyCheck; relay_key: string | null; reachable: boolean | null }): string {
  const fp = p.fingerprint ?? '';
  const gone = p.reachable === false ? 'relay unreachable' : '';
  if (p.key === 'not pinned') return ['no key pinned', gone].filter(Boolean).join('; ');
  if (p.key !== 'ok') return `${fp}  pinned key file ${p.key}${gone ? `; ${gone}` : ''}`;
  if (p.relay_key === 'changed') return `${fp}  KEY CHANGED ON THEIR RELAY${gone ? ` (seen when it last answered); ${gone}` : ''}`;
  if (p.relay_key === 'ok') return `${fp}  key ok`;
  return `${fp}  key pinned, not checked${gone ? `: ${gone}` : ''}`;
}

/** A peer's relay that did not answer the last check: a push to them fails until it does. */
function unreachableProblem(login: string, check: { checked: string; error?: string | null | undefined; url_rewritten?: boolean | undefined }): string {
  // Not reached because the user's git config sends its URL elsewhere: push's words, whole (they name the way on).
  if (check.url_rewritten === true && check.error)
    return `${login}'s relay, when last checked (${inlineText(check.checked, 64)}): ${inlineText(check.error, 2000)}`;
  return (
    `${login}'s relay did not answer when last checked (${inlineText(check.checked, 64)}${check.error ? `: ${inlineText(check.error, 200)}` : ''}); ` +
    `a push to ${login} fails until it does: check the address with ${login}, then \`alive-p2p relay accept ${login} --url URL\` if it moved`
  );
}

/** A peer's relay that answered the last check without a key to read: push reads it first, and refuses. */
function noKeyProblem(login: string): string {
  return (
    `${login}'s relay answers but publishes no readable key (keys/${login}.pem): ask ${login} to run alive-p2p relay setup; ` +
    `pushes to ${login} are refused until it does`
  );
}

/** Senders shown on the Inbox line; the rest are counted (--json lists them all). */
const SENDERS_SHOWN = 10;

type SenderCounts = Array<[string, number]>;

/** status --json `inbox`: what waits in pinned peers' folders and in any other, none of it verified yet. */
function inboxFields(by: { peers: SenderCounts }, packages: number) {
  const inPeers = by.peers.reduce((sum, [, n]) => sum + n, 0);
  return { packages, in_peer_folders: Object.fromEntries(by.peers), in_other_folders: Math.max(0, packages - inPeers), verified: false, note: BY_FOLDER_NOTE };
}

/**
 * What waits by sender: your pinned peers' folders (what pull can verify), and the others: a name
 * anyone who writes to the relay chose, a peer you removed, a peer whose key is not pinned yet.
 */
function splitSenders(cfg: RelayConfig, bySender: Record<string, number>): { peers: SenderCounts; others: SenderCounts } {
  const peers: SenderCounts = [];
  const others: SenderCounts = [];
  for (const entry of Object.entries(bySender)) (isPinnedPeer(findPeer(cfg, entry[0])) ? peers : others).push(entry);
  return { peers, others };
}

/**
 * `in the folders of pinned peers alice: 2, bob: 1, and 3 in 2 folders that are not a pinned
 * peer's`: what waits (or was saved) by inbox folder, never by sender: whoever writes to the relay
 * chooses the folder, and only pull checks a package's signature. A pinned peer's name is one the
 * user gave, shown; any other folder is named by whoever writes to the relay, who can make
 * thousands of them and spell words with them: those are counted here and named only in the
 * untrusted fence that follows. `packages` and `senders` are the totals, which may name more than
 * `by` (state.json names the first MAX_SENDERS_KEPT; `pending_senders` counts them all).
 */
function bySenderText(by: { peers: SenderCounts; others: SenderCounts }, packages: number, senders: number): string {
  const shown = by.peers.slice(0, SENDERS_SHOWN).map(([s, n]) => `${inlineText(s, 64)}: ${n}`);
  const morePeers = by.peers.length - SENDERS_SHOWN;
  if (morePeers > 0) shown.push(`${morePeers} more of your peers' folders`);
  const parts = shown.length === 0 ? [] : [`in the ${by.peers.length === 1 ? 'folder of pinned peer' : 'folders of pinned peers'} ${shown.join(', ')}`];
  const peerPackages = by.peers.reduce((sum, [, n]) => sum + n, 0);
  const otherSenders = Math.max(senders, by.peers.length + by.others.length) - by.peers.length;
  const otherPackages = Math.max(0, packages - peerPackages);
  if (otherSenders > 0) {
    const where = otherSenders === 1 ? "1 folder that is not a pinned peer's" : `${otherSenders} folders that are not pinned peers'`;
    const listed =
      by.others.length > SENDERS_SHOWN
        ? `, the first ${SENDERS_SHOWN} named in the untrusted list below`
        : by.others.length > 0
          ? ', named in the untrusted list below'
          : '';
    parts.push(`${parts.length > 0 ? 'and ' : ''}${otherPackages} in ${where}${listed}`);
  }
  return parts.join(', ');
}

/** How old the figures may be before status checks the relay again: a peer's push is no command here. */
const STALE_AFTER_MS = 60_000;

/**
 * Never probed, probed more than a minute ago, before the last relay command run here, or when
 * that probe failed: status then says to run it again once the relay answers, and that run checks.
 */
export function isStale(state: RelayState | null, now = Date.now()): boolean {
  if (!state?.last_sync || state.last_error) return true;
  const sync = Date.parse(state.probed_at ?? state.last_sync);
  if (!Number.isFinite(sync) || now - sync > STALE_AFTER_MS) return true;
  const action = state.last_action ? Date.parse(state.last_action) : Number.NaN;
  return Number.isFinite(action) && action >= sync;
}

/** state.json's last_sync with its age; a value that is not a time (a state.json edited by hand) is shown escaped. */
function ageText(iso: string): string {
  const ms = Date.now() - Date.parse(iso);
  if (!Number.isFinite(ms)) return inlineText(iso, 64);
  const s = Math.max(0, Math.round(ms / 1000));
  const human =
    s < 60 ? `${s} s ago` : s < 3600 ? `${Math.round(s / 60)} min ago` : s < 172800 ? `${Math.round(s / 3600)} h ago` : `${Math.round(s / 86400)} days ago`;
  return `${inlineText(iso, 64)} (${human})`;
}
