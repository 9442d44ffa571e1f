/** `alive-p2p relay pull [--max-size BYTES]`: download what waits in your relay, check it, clean up. */
import { byteSizeArg } from '../../cli/byte-size.ts';
import { RECEIVED_LOG } from '../pulled-unreceived.ts';
import { reportingInterrupt } from '../../cli/interrupted.ts';
import type { OnProgress } from '../../package/progress.ts';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { defineCommand } from '../../cli/command.ts';
import { AliveError, messageOf, untrustedDetailOf, type ErrorCode } from '../../errors.ts';
import { errorEntryOf, fencedLines } from '../../text/fence.ts';
import { DEFAULT_MAX_SIZE } from '../../package/limits.ts';
import { findPeer, isPinnedPeer, keySharedWith, requireRelayConfig } from '../config.ts';
import { loadPinnedPeerKey } from '../keys.ts';
import { loadOwnPrivateKey } from '../own-key.ts';
import { sha256File } from '../../fs/hash.ts';
import { gitBlobSha } from '../blob-sha.ts';
import {
  alreadyReceived,
  fsyncFile,
  partialPath,
  placeWithoutOverwrite,
  readReceivedLog,
  receivedIdentity,
  identityFields,
  recordReceived,
  removeLeftoverPartials,
  unverifiedCopy,
  writeReceivedLog,
} from '../local-inbox.ts';
import { openTransport } from '../open.ts';
import { byName, checkReceived } from '../package-step.ts';
import { defaultRelayPaths, type RelayPaths } from '../paths.ts';
import { isoSeconds, pendingFields, type RelayState } from '../state.ts';
import { touchRelayActivity } from '../activity.ts';
import { checkOwnKey, ownKeyProblem } from '../key-checks.ts';
import { acquirePullLock } from '../pull-lock.ts';
import type { InboxEntry, RelayTransport } from '../transport.ts';
import type { RelayConfig } from '../config.ts';
import { ignoredFields, output, warnIgnored } from './common.ts';
import { signerFields } from '../../package/signer-shown.ts';
import { counted } from '../../text/plural.ts';
import { formatBytes } from '../../cli/progress.ts';
import { UNVERIFIED_DIR } from '../unverified-saved.ts';
import { PullBudget, pullLimits, pullOrder, type PullLimits, type PullTier } from '../pull-limits.ts';

const PULL_CAPS_TEXT = capsText(pullLimits());

const USAGE = `usage: alive-p2p relay pull [--max-size BYTES] [--json]

Downloads every package waiting in your relay into $ALIVE_HOME/relay/inbox/<folder>/ and removes
it from the relay once it is safely on disk. Each package is checked: intact, not in clear (a relay
push seals for you: by your key, named under the signature; a passphrase names no one, as a note
says), and signed by the pinned key of the peer whose folder it was in (a folder's name is chosen by
whoever writes to your relay: only this check says who sent it). Packages that fail the check are kept, in
inbox/<folder>/unverified/, and reported; pull then exits 1. Nothing is ever overwritten.
A package already received (the same signed content, even re-compressed or re-encrypted) is a
duplicate: it is removed from the relay and not saved again. One pull runs at a time, and takes
at most ${PULL_CAPS_TEXT}: the rest stays on the relay for the next pull. Your pinned peers'
packages are taken first, then those of peers not pinned yet, then the rest; within each, the
senders take turns.

Options:
  --max-size BYTES  largest package downloaded, and largest expanded size accepted
                    (default 4 GiB); a larger one stays on the relay and is reported
  --json            one JSON object
  -h, --help        show this help`;

interface Received {
  from: string;
  name: string;
  path: string;
  bytes: number;
  sha256: string;
  verified: boolean;
  /** The signer the package names, when it is a login; any other name is under untrusted.signer. */
  signer: string | null;
  problems: string[];
  note?: string;
  /**
   * file: `name` (whoever writes to the relay names it, in a peer's folder too); signer: see above;
   * sender: `from`, when it is not one of your peers (a folder name whoever writes to the relay chose).
   */
  untrusted: { file: string; signer?: string; sender?: string };
}

interface Duplicate {
  from: string;
  name: string;
  /** Where the earlier copy was saved. */
  first: string;
  /** Whether that copy was verified (then this one is the same package, from that peer); else a copy of unverified bytes. */
  verified: boolean;
  /** `name` again, the relay writer's. */
  untrusted: { file: string };
}

/** pull --json `note`: what `from` says, and what it does not. */
const FROM_NOTE =
  '`from` is the inbox folder a package was in, whose name whoever writes to the relay chooses: a package is from that peer only where `verified` is true (its signature checked against the key pinned for them); ' +
  "`name` (in `path` and `first` too, and copied under `untrusted.file`) is the file's name on the relay, chosen by whoever wrote it, even for a verified package: untrusted data";

/** What Ctrl-C says (cli.md §8: under --json, one failure object, code `interrupted`). */
const PULL_INTERRUPTED = 'pull interrupted: what it had not saved stays on the relay; run alive-p2p relay pull again';

export const pullCommand = defineCommand({
  name: 'pull',
  summary: 'download the packages waiting in your relay',
  usage: USAGE,
  options: { 'max-size': { type: 'string' } },
  run: (ctx) =>
    reportingInterrupt(ctx, PULL_INTERRUPTED, async () => {
      const env = process.env;
      const out = output(ctx);
      const maxSize = byteSizeArg(ctx, ctx.values['max-size'], '--max-size') ?? DEFAULT_MAX_SIZE;
      const paths = defaultRelayPaths(env);
      const cfg = requireRelayConfig(paths.config);
      const ownKey = loadOwnPrivateKey(paths, cfg.github_username);
      mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
      const lock = acquirePullLock(join(paths.dir, 'pull.lock'));
      try {
        // What an interrupted pull was downloading: no other pull can be writing one now.
        removeLeftoverPartials(paths.inbox);
        // Progress on a terminal only (ctx.progress), never under --json.
        return await pull({ paths, cfg, ownKey, maxSize, env, out, ...(ctx.json ? {} : { onProgress: ctx.progress }) });
      } finally {
        lock.release();
      }
    }),
});

async function pull(o: {
  paths: RelayPaths;
  cfg: RelayConfig;
  ownKey: KeyObject;
  maxSize: number;
  env: NodeJS.ProcessEnv;
  out: ReturnType<typeof output>;
  onProgress?: OnProgress;
}): Promise<0 | 1> {
  const { paths, cfg, ownKey, maxSize, env, out } = o;
  const transport = await openTransport(cfg, paths, env);
  const listing = await transport.listInbox();
  // A relay set up before setup checked the repository may be someone else's: nothing is taken from
  // it. What was found goes into state.json (status and the session hook say it).
  const origin = transport.notYourRelay
    ? (await import('../relay-origin.ts')).standingOrigin(await transport.notYourRelay(listing.head), paths.state)
    : undefined;
  if (origin?.kind === 'relay') {
    // The own key read again all the same: an earlier "does not publish your key" would go stale.
    const own = await transport.ownKey().then(
      (key) => checkOwnKey(paths, key, cfg.github_username),
      () => undefined,
    );
    touchRelayActivity(paths, (state) => {
      state.not_your_relay = origin;
      if (own) state.own_key = own;
    });
    const { originRefusal, relayWhere } = await import('../relay-origin.ts');
    throw originRefusal(
      relayWhere(cfg.repo),
      cfg.github_username,
      origin,
      'Pull took nothing from it (it would take, and remove, what waits there for its owner)',
    );
  }
  // Another repository (a code project): what waits there is from the user's peers, taken; the user is told.
  const originWarning = origin ? (await import('../relay-origin.ts')).originProblem(cfg.repo, cfg.github_username, origin) : undefined;
  const logPath = join(paths.dir, RECEIVED_LOG);
  const log = readReceivedLog(logPath);

  const received: Received[] = [];
  const duplicates: Duplicate[] = [];
  const failed: Array<{ from: string; name: string; error: string; code: ErrorCode; untrusted: Readonly<Record<string, string>> }> = [];
  const toRemove: InboxEntry[] = [];
  /** Where this pull saved a blob unverified: by blob for folders that are not peers', by blob and folder for a peer's. */
  const copies = new Map<string, string>();
  const budget = new PullBudget(pullLimits());
  /** Left on the relay, untouched, once a cap of this pull is reached. */
  const deferred: InboxEntry[] = [];
  for (const entry of pullOrder(listing.entries, (sender) => pullTier(cfg, sender))) {
    if (budget.reached) {
      deferred.push(entry);
      continue;
    }
    // Saved and verified from this sender by an earlier pull (whose cleanup did not finish, or the
    // same blob committed again): a duplicate. A copy under another sender's folder is checked.
    // Under a folder that is not a peer's, the same bytes are the same unverified package
    // wherever they are named: saved once, the other copies are duplicates of that file (one large
    // blob named under thousands of such folders wrote that many copies to the disk).
    // A peer's folder: its copies are checked with that peer's key, so once a pull is enough.
    const notPeer = !findPeer(cfg, entry.sender);
    const copyKey = notPeer ? entry.blobSha : `${entry.blobSha} ${entry.sender.toLowerCase()}`;
    const verifiedCopy = alreadyReceived(log, entry.blobSha, entry.sender);
    const first = verifiedCopy ?? copies.get(copyKey) ?? (notPeer ? unverifiedCopy(log, entry.blobSha) : undefined);
    if (first) {
      if (duplicates.length >= budget.limits.duplicates) {
        deferred.push(entry);
        continue;
      }
      duplicates.push({ from: entry.sender, name: entry.name, first, verified: verifiedCopy !== undefined, untrusted: { file: entry.name } });
      toRemove.push(entry);
      continue;
    }
    if (!budget.startPackage(isPinnedPeer(findPeer(cfg, entry.sender)) ? undefined : entry.sender)) {
      deferred.push(entry);
      continue;
    }
    try {
      const r = await receiveOne(entry, {
        paths,
        cfg,
        ownKey,
        transport,
        maxSize,
        env,
        log,
        admit: budget.admit,
        admitExpanded: budget.admitExpanded,
        ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      });
      if ('first' in r) {
        // A copy known only once downloaded (sealed again): recorded as received, so the next
        // pull takes it as a copy without downloading it; this one's removals are spent.
        if (duplicates.length >= budget.limits.duplicates) {
          writeReceivedLog(logPath, log);
          deferred.push(entry);
          continue;
        }
        duplicates.push(r);
      } else {
        received.push(r);
        // The log keeps one record a blob, a verified one first: this pull's copies are known here.
        if (!r.verified) copies.set(copyKey, r.path);
      }
      writeReceivedLog(logPath, log);
      toRemove.push(entry);
    } catch (err) {
      if (err instanceof AliveError && err.code === 'pull_limit') {
        deferred.push(entry);
        continue;
      }
      const code: ErrorCode = err instanceof AliveError ? err.code : 'failed';
      const { message, untrusted, lines } = errorEntryOf(err);
      // The relay path holds names whoever wrote it chose: shown fenced, once (most reasons name it).
      failed.push({
        from: entry.sender,
        name: entry.name,
        error: message,
        code,
        untrusted: { ...untrusted, file: entry.name, ...(notPeer ? { sender: entry.sender } : {}) },
      });
      const why = fencedLines('UNTRUSTED PATH AND REASON', message.includes(entry.path) ? message : `${entry.path}: ${message}`);
      out.warn(`a package in ${folderWords(cfg, entry.sender)} could not be fetched (left on the relay); its relay path and the reason follow (untrusted)`, [
        ...why,
        ...lines,
      ]);
    }
  }

  let cleanupError: string | null = null;
  let cleanupCode: ErrorCode = 'failed';
  // The untrusted detail cleanupError refers to: the failure's own (its `error:` line says it).
  let cleanupDetail: ReturnType<typeof untrustedDetailOf> = {};
  try {
    await transport.remove(toRemove);
  } catch (err) {
    cleanupError = messageOf(err);
    cleanupDetail = untrustedDetailOf(err);
    if (err instanceof AliveError) cleanupCode = err.code;
  }
  const remaining = listing.entries.length - (cleanupError ? 0 : toRemove.length);

  // What this pull learned about the relay goes into state.json (status and the hook read it).
  const learned = (state: RelayState) => {
    setPending(state, cfg, listing.entries, cleanupError ? [] : toRemove);
    if (origin !== undefined) state.not_your_relay = origin;
  };
  let ownKeyText: string | undefined;
  try {
    const own = checkOwnKey(paths, await transport.ownKey(), cfg.github_username);
    ownKeyText = ownKeyProblem(own, cfg.github_username);
    touchRelayActivity(paths, (state) => {
      state.own_key = own;
      learned(state);
    });
  } catch {
    touchRelayActivity(paths, learned);
  }

  const unverified = received.filter((r) => !r.verified);
  const ignored = ignoredFields(listing.ignored);
  const ok = failed.length === 0 && unverified.length === 0 && cleanupError === null;
  const fields = {
    note: FROM_NOTE,
    received,
    duplicates,
    failed,
    ...ignored,
    untrusted: { ...ignored.untrusted, ...originWarning?.untrusted.json },
    remaining,
    deferred: deferred.length,
    pull_limits: {
      packages: budget.limits.packages,
      bytes: budget.limits.bytes,
      unpinned_per_sender: budget.limits.unpinnedPerSender,
      expanded_bytes: budget.limits.expandedBytes,
      duplicates: budget.limits.duplicates,
    },
    cleanup_error: cleanupError,
    max_size: maxSize,
    ...(ownKeyText ? { own_key_problem: ownKeyText } : {}),
    ...(originWarning ? { not_your_relay_problem: originWarning.text } : {}),
  };
  // A pull that did not get everything ends in a thrown error, whose --json failure object
  // carries these fields (and whose `error:` line says what to do).
  if (ok) out.result({ ok, ...fields });
  if (ownKeyText) out.warn(ownKeyText);
  if (originWarning) out.warn(originWarning.text, originWarning.untrusted.lines);
  if (listing.entries.length === 0) out.line('No packages are waiting.');
  // A saved path holds the file name whoever wrote the relay chose (and, in a folder no peer has,
  // the folder name): shown as data only. A duplicate's names add nothing (--json: name, first).
  for (const r of received) {
    if (r.verified) out.line(`Received from ${r.from}, saved as (path follows, its file name untrusted):`);
    // In a peer's folder but not verified: whoever writes to the relay can put a file there.
    else if (findPeer(cfg, r.from)) out.line(`UNVERIFIED, in ${r.from}'s folder (not shown to be from ${r.from}), saved as (path follows, untrusted):`);
    else out.line(`UNVERIFIED, in ${NOT_A_PEER}, kept under inbox/<folder>/unverified/ (folder and path follow, untrusted):`);
    const fence = findPeer(cfg, r.from) ? fencedLines('UNTRUSTED PATH', r.path) : fencedLines('UNTRUSTED SENDER AND PATH', `${r.from}\n${r.path}`);
    for (const l of fence) out.line(l);
    if (r.note) out.line(`  note: ${r.note}`);
    for (const p of r.problems) out.line(`  problem: ${p}`);
  }
  for (const d of duplicates.slice(0, DUPLICATE_LINES)) {
    if (findPeer(cfg, d.from) && d.verified) out.line(`Duplicate from ${d.from}: a package you already received; removed from the relay, not saved again`);
    else if (findPeer(cfg, d.from))
      out.line(`Duplicate in ${d.from}'s folder: a copy of a package this pull saved unverified; removed from the relay, not saved again`);
    else out.line(`Duplicate in ${NOT_A_PEER}: a copy of a package saved before; removed from the relay, not saved again`);
  }
  if (duplicates.length > DUPLICATE_LINES) out.line(`… and ${duplicates.length - DUPLICATE_LINES} more copies removed from the relay (--json lists them all)`);
  warnIgnored(out, listing.ignored);
  if (deferred.length > 0) out.warn(deferredText(deferred, budget.limits, cfg));
  const verified = received.filter((r) => r.verified);
  if (verified.length > 0)
    out.line(`Import ${verified.length === 1 ? 'it' : 'each'} with: alive-p2p receive PATH --world YOUR_WORLD (or /alive:receive), PATH the path shown above`);
  if (ok) return 0;
  const reasons: string[] = [];
  if (unverified.length > 0) {
    reasons.push(
      `${counted(unverified.length, 'package')} could not be verified and ${unverified.length === 1 ? 'was' : 'were'} kept under inbox/<folder>/unverified/ (a folder's name is chosen by whoever writes to your relay); ` +
        'do not import one unless the person you expect it from confirms it by another channel',
    );
  }
  if (failed.length > 0) {
    const tooLarge = failed.every((f) => f.code === 'too_large');
    reasons.push(
      `${counted(failed.length, 'package')} could not be fetched and ${failed.length === 1 ? 'stays' : 'stay'} on the relay (${out.json ? 'failed[] says' : 'the warnings above say'} why); ` +
        (tooLarge ? `pull with a larger --max-size to fetch ${failed.length === 1 ? 'it' : 'them'}` : 'fix that and run pull again'),
    );
  }
  if (cleanupError) reasons.push(`packages are saved, but removing them from the relay failed: ${cleanupError}; run pull again later`);
  const code: ErrorCode =
    unverified.length > 0 ? 'unverified' : failed.length > 0 ? (new Set(failed.map((f) => f.code)).size === 1 ? failed[0]!.code : 'failed') : cleanupCode;
  throw new AliveError(reasons.join('; also, '), { code, fields, ...cleanupDetail });
}

function capsText(limits: PullLimits): string {
  return (
    `${counted(limits.packages, 'package')} and ${formatBytes(limits.bytes)}, ${formatBytes(limits.expandedBytes)} of package contents checked, ` +
    `at most ${limits.unpinnedPerSender} from each sender that is not a pinned peer, and ${limits.duplicates} copies of packages received before removed`
  );
}

/** The duplicates a pull names one line each; --json lists them all. */
const DUPLICATE_LINES = 20;

function pullTier(cfg: RelayConfig, sender: string): PullTier {
  const peer = findPeer(cfg, sender);
  if (isPinnedPeer(peer)) return 0;
  return peer && peer.status !== 'removed' ? 1 : 2;
}

/** What a pull left for the next one, and which folder holds most of it. */
function deferredText(deferred: InboxEntry[], limits: PullLimits, cfg: RelayConfig): string {
  const n = deferred.length;
  const bySender = new Map<string, number>();
  for (const e of deferred) bySender.set(e.sender, (bySender.get(e.sender) ?? 0) + 1);
  const [top, most] = [...bySender].sort((a, b) => b[1] - a[1])[0]!;
  const where = findPeer(cfg, top) ? folderWords(cfg, top) : "one folder that is not one of your peers'";
  const from = bySender.size === 1 ? `all in ${where}` : `${most} of them in ${where}`;
  return (
    `${counted(n, 'package')} ${n === 1 ? 'was' : 'were'} left on the relay, untouched: one pull takes at most ${capsText(limits)}. ` +
    `Run \`alive-p2p relay pull\` again for ${n === 1 ? 'it' : 'them'} (${from}; \`alive-p2p relay inbox\` lists what waits, ` +
    'and packages you do not want from a sender can be deleted from the relay)'
  );
}

function setPending(state: RelayState, cfg: RelayConfig, all: InboxEntry[], removed: InboxEntry[]): void {
  const gone = new Set(removed.map((e) => e.path));
  Object.assign(
    state,
    pendingFields(
      all.filter((e) => !gone.has(e.path)).map((e) => e.sender),
      (s) => findPeer(cfg, s) !== undefined,
    ),
  );
}

/** Why a sender's packages are not trusted, or undefined with their pinned key. */
function senderKeyFor(paths: RelayPaths, cfg: RelayConfig, sender: string): { key: KeyObject | null; problem?: string } {
  const peer = findPeer(cfg, sender);
  if (!peer) {
    // The folder name is chosen by whoever wrote to the relay (a valid login, which can still spell
    // words): never in our sentences, nor in a command we suggest. It is `from` (and untrusted.sender).
    const accept = `alive-p2p relay accept THEIR_LOGIN${cfg.transport === 'git' ? ' --url THEIR_RELAY_URL' : ''}`;
    return {
      key: null,
      problem:
        `the sender is not one of your peers (the folder name it was sent under is untrusted data, shown apart): if you expect this package ` +
        `from someone, check their login and fingerprint with them by another channel and run \`${accept}\`; ` +
        '`alive-p2p receive` then checks this file against the key you pinned',
    };
  }
  if (peer.status === 'removed') {
    return { key: null, problem: `you removed ${peer.github} from your peers (relay remove-peer), so their packages are no longer accepted` };
  }
  const twin = keySharedWith(cfg, peer);
  if (twin !== undefined) {
    return {
      key: null,
      problem:
        `the key pinned for ${peer.github} is pinned for ${twin} too, so a package signed with it could be from either; ` +
        `remove the peer who should not have it (alive-p2p relay remove-peer LOGIN) and accept the other again`,
    };
  }
  try {
    return { key: loadPinnedPeerKey(paths, peer) };
  } catch (err) {
    return { key: null, problem: messageOf(err) };
  }
}

async function receiveOne(
  entry: InboxEntry,
  ctx: {
    paths: RelayPaths;
    cfg: RelayConfig;
    ownKey: KeyObject;
    transport: RelayTransport;
    maxSize: number;
    env: NodeJS.ProcessEnv;
    log: ReturnType<typeof readReceivedLog>;
    /** The pull's byte cap, told the size before the package is written. */
    admit: (size: number) => void;
    /** The pull's cap on contents expanded, told a verified manifest's size before the files are read. */
    admitExpanded: (bytes: number) => void;
    onProgress?: OnProgress;
  },
): Promise<Received | Duplicate> {
  const dir = join(ctx.paths.inbox, entry.sender);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = partialPath(dir, entry.name);
  try {
    await ctx.transport.download(entry, tmp, ctx.maxSize, ctx.onProgress, ctx.admit);
    fsyncFile(tmp);
    const blob = await gitBlobSha(tmp);
    if (blob !== entry.blobSha) {
      throw new AliveError(`the package's download is corrupt (blob ${blob}, expected ${entry.blobSha})`, { code: 'corrupt_download' });
    }
    const sender = senderKeyFor(ctx.paths, ctx.cfg, entry.sender);
    let check;
    try {
      check = await checkReceived(tmp, {
        ownPrivateKey: ctx.ownKey,
        ownKeyPath: ctx.paths.privateKey,
        senderLogin: entry.sender,
        ...(findPeer(ctx.cfg, entry.sender) ? {} : { senderShown: 'the folder it was sent under' }),
        senderKey: sender.key,
        displayName: THE_FILE,
        maxSize: ctx.maxSize,
        env: ctx.env,
        ...(sender.problem ? { senderKeyProblem: sender.problem } : {}),
        admitExpanded: ctx.admitExpanded,
        receivedBefore: (identity) => receivedIdentity(ctx.log, identity) !== undefined,
      });
    } catch (err) {
      // Past the pull's cap on contents checked: the package waits on the relay for the next pull.
      if (err instanceof AliveError && err.code === 'pull_limit') throw err;
      check = {
        verified: false,
        signer: null,
        identity: null,
        problems: [...(sender.problem ? [sender.problem] : []), `cannot be read as a package: ${byName(messageOf(err), tmp, THE_FILE)}`],
      };
    }
    // A verified package received before, or (`duplicate`) one whose verified manifest is such a
    // package's, read no further than that manifest: both are duplicates.
    if (check.identity && (check.verified || check.duplicate)) {
      const earlier = receivedIdentity(ctx.log, check.identity);
      if (earlier) {
        recordReceived(ctx.log, entry.blobSha, { path: earlier.path, at: isoSeconds(), ...identityFields(check.identity), from: entry.sender, verified: true });
        return { from: entry.sender, name: entry.name, first: earlier.path, verified: true, untrusted: { file: entry.name } };
      }
    }
    // (A manifest taken for a duplicate's whose record is gone: read no further, so not verified.)
    const problems = check.duplicate ? [...check.problems, 'read only as far as its manifest, as a package received before'] : check.problems;
    const bytes = statSync(tmp).size;
    const sha256 = await sha256File(tmp);
    const path = placeWithoutOverwrite(tmp, check.verified ? dir : join(dir, UNVERIFIED_DIR), entry.name, ctx.paths.dir);
    recordReceived(ctx.log, entry.blobSha, {
      path,
      at: isoSeconds(),
      from: entry.sender,
      verified: check.verified,
      ...(check.identity && check.verified ? identityFields(check.identity) : {}),
    });
    const signer = signerFields(check.signer, check.verified);
    return {
      from: entry.sender,
      name: entry.name,
      path,
      bytes,
      sha256,
      verified: check.verified,
      signer: signer.signer,
      untrusted: { file: entry.name, ...signer.untrusted, ...(findPeer(ctx.cfg, entry.sender) ? {} : { sender: entry.sender }) },
      problems,
      ...(check.note ? { note: check.note } : {}),
      ...(check.envelopeSigned === false ? { envelope_signed: false } : {}),
    };
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** How our sentences name an inbox folder whose name is not one of your peers' (whoever wrote it chose it). */
const NOT_A_PEER = "a folder that is not one of your peers'";

/** How problems name the package being checked: its file name is the relay writer's. */
const THE_FILE = 'the file';

/** Our words for the folder a package was in: a peer's by name, any other without its name. */
function folderWords(cfg: RelayConfig, sender: string): string {
  return findPeer(cfg, sender) ? `${sender}'s folder` : NOT_A_PEER;
}
