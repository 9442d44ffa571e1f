import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, type KeyObject } from 'node:crypto';
import { parseCommandArgs } from '../../cli/args.ts';
import { warn } from '../../cli/main.ts';
import { AliveError, messageOf } from '../../errors.ts';
import { findPeer, requireRelayConfig } from '../config.ts';
import { loadOwnPrivateKey, loadPinnedPeerKey } from '../keys.ts';
import { sha256File } from '../../fs/hash.ts';
import { gitBlobSha } from '../blob-sha.ts';
import { alreadyReceived, fsyncFile, placeWithoutOverwrite, readReceivedLog, writeReceivedLog } from '../local-inbox.ts';
import { openTransport } from '../open.ts';
import { checkReceived } from '../package-step.ts';
import { defaultRelayPaths, type RelayPaths } from '../paths.ts';
import { isoSeconds, readRelayState, writeRelayState, emptyState } from '../state.ts';
import type { InboxEntry } from '../transport.ts';
import type { RelayConfig } from '../config.ts';
import { output } from './common.ts';

const USAGE = `usage: alive-p2p relay pull [--json]

Downloads every package waiting in your relay into $ALIVE_HOME/relay/inbox/<sender>/ and removes
it from the relay once it is safely on disk. Each package is checked: intact, addressed to you,
and signed by the sender's pinned key. Packages that fail the check are kept, in
inbox/<sender>/unverified/, and reported; pull then exits 1. Nothing is ever overwritten.`;

interface Received {
  from: string;
  name: string;
  path: string;
  bytes: number;
  sha256: string;
  verified: boolean;
  signer: string | null;
  problems: string[];
}

export async function runPull(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<0 | 1 | 2> {
  const { values } = parseCommandArgs<{ json?: boolean }>(argv, { json: { type: 'boolean' } }, { usage: USAGE, positionals: { min: 0, max: 0 } });
  const out = output(values.json);
  if (values.help) {
    out.line(USAGE);
    return 0;
  }
  const paths = defaultRelayPaths(env);
  const cfg = requireRelayConfig(paths.config);
  const ownKey = loadOwnPrivateKey(paths);
  const transport = await openTransport(cfg, paths, env);
  const listing = await transport.listInbox();
  const logPath = join(paths.dir, 'received.json');
  const log = readReceivedLog(logPath);

  const received: Received[] = [];
  const failed: Array<{ from: string; name: string; error: string }> = [];
  const toRemove: InboxEntry[] = [];
  for (const entry of listing.entries) {
    const earlier = alreadyReceived(log, entry.blobSha);
    if (earlier) {
      toRemove.push(entry); // saved by an earlier pull whose cleanup did not finish
      continue;
    }
    try {
      const r = await receiveOne(entry, { paths, cfg, ownKey, transport });
      received.push(r);
      log[entry.blobSha] = { path: r.path, at: isoSeconds() };
      writeReceivedLog(logPath, log);
      toRemove.push(entry);
    } catch (err) {
      failed.push({ from: entry.sender, name: entry.name, error: messageOf(err) });
      if (!out.json) warn(`${entry.path}: ${messageOf(err)} (left on the relay)`);
    }
  }

  let cleanupError: string | null = null;
  try {
    await transport.remove(toRemove);
  } catch (err) {
    cleanupError = `${messageOf(err)}`;
  }
  const remaining = listing.entries.length - (cleanupError ? 0 : toRemove.length);
  updateState(paths, remaining, listing.entries, cleanupError ? [] : toRemove);

  const unverified = received.filter((r) => !r.verified);
  const ok = failed.length === 0 && unverified.length === 0 && cleanupError === null;
  out.result({ ok, received, failed, ignored: listing.ignored, remaining, cleanup_error: cleanupError });
  if (listing.entries.length === 0) out.line('No packages are waiting.');
  for (const r of received) {
    out.line(`${r.verified ? 'Received' : 'UNVERIFIED'} from ${r.from}: ${r.path}`);
    for (const p of r.problems) out.line(`  problem: ${p}`);
  }
  for (const i of listing.ignored) warn(`ignored ${i} on the relay (not a package name alive accepts)`);
  if (cleanupError) warn(`packages are saved, but removing them from the relay failed: ${cleanupError}; run pull again later`);
  if (received.some((r) => r.verified)) out.line('Import with: alive-p2p receive PACKAGE --world DIR (or /alive:receive)');
  if (unverified.length > 0) {
    throw new AliveError(
      `${unverified.length} package(s) could not be verified and were kept under inbox/<sender>/unverified/; do not import them unless you confirm with the sender`,
      { code: 'unverified' },
    );
  }
  return ok ? 0 : 1;
}

async function receiveOne(
  entry: InboxEntry,
  ctx: { paths: RelayPaths; cfg: RelayConfig; ownKey: KeyObject; transport: Awaited<ReturnType<typeof openTransport>> },
): Promise<Received> {
  const dir = join(ctx.paths.inbox, entry.sender);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${entry.name}.${randomBytes(4).toString('hex')}.part`);
  try {
    await ctx.transport.download(entry, tmp);
    fsyncFile(tmp);
    const blob = await gitBlobSha(tmp);
    if (blob !== entry.blobSha) {
      throw new AliveError(`download of ${entry.path} is corrupt (blob ${blob}, expected ${entry.blobSha})`, { code: 'corrupt_download' });
    }
    let senderKey: KeyObject | null = null;
    let senderKeyProblem: string | undefined;
    const peer = findPeer(ctx.cfg, entry.sender);
    if (!peer) senderKeyProblem = `${entry.sender} is not one of your peers`;
    else {
      try {
        senderKey = loadPinnedPeerKey(ctx.paths, peer);
      } catch (err) {
        senderKeyProblem = messageOf(err);
      }
    }
    let check;
    try {
      check = await checkReceived(tmp, {
        ownPrivateKey: ctx.ownKey,
        senderLogin: entry.sender,
        senderKey,
        displayName: entry.name,
        ...(senderKeyProblem ? { senderKeyProblem } : {}),
      });
    } catch (err) {
      check = { verified: false, signer: null, problems: [...(senderKeyProblem ? [senderKeyProblem] : []), `cannot be read as a package: ${messageOf(err)}`] };
    }
    const bytes = statSync(tmp).size;
    const sha256 = await sha256File(tmp);
    const path = placeWithoutOverwrite(tmp, check.verified ? dir : join(dir, 'unverified'), entry.name);
    return { from: entry.sender, name: entry.name, path, bytes, sha256, verified: check.verified, signer: check.signer, problems: check.problems };
  } finally {
    rmSync(tmp, { force: true });
  }
}

function updateState(paths: RelayPaths, remaining: number, all: InboxEntry[], removed: InboxEntry[]): void {
  let state;
  try {
    state = readRelayState(paths.state) ?? emptyState();
  } catch {
    state = emptyState();
  }
  const gone = new Set(removed.map((e) => e.path));
  const bySender: Record<string, number> = {};
  for (const e of all) if (!gone.has(e.path)) bySender[e.sender] = (bySender[e.sender] ?? 0) + 1;
  // last_sync is the probe's: leaving it alone keeps the next probe on schedule.
  writeRelayState(paths.state, { ...state, pending_packages: Math.max(0, remaining), pending_by_sender: bySender });
}
