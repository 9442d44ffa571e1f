/**
 * `alive-p2p receive`: verify a package, then import it into a world so that the world ends up
 * either exactly as it was or with the whole import — walnut or bundles, log entry, now.json,
 * ledger record — never anything in between that a later run does not finish.
 *
 * Order: lock the world → finish or discard what killed receives left → unpack and verify into
 * `<world>/.alive/receiving/<id>/pkg` → shape it into `out/` → write the journal (the commit
 * point) → renames into the world → log.md → now.json → ledger → delete staging → unlock.
 */
import { mkdirSync, rmdirSync, existsSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { AliveError, errnoCode, messageOf } from '../errors.ts';
import { cleanUpIfInterrupted } from '../proc/interrupt-cleanup.ts';
import { statPackageFile } from '../package/package-path.ts';
import { formatBytes } from '../cli/progress.ts';
import { utcStamp, type Manifest } from '../package/manifest.ts';
import type { OnProgress } from '../package/progress.ts';
import { SENDER_WORDS_MAX } from '../package/limits.ts';
import { readPackage, readPackageHeadSafe, sha256File, type PackageCrypto, type ReadResult } from './package-io.ts';
import { manifestSignature, type ReadOptions, type SignatureCheck } from '../package/read-package.ts';
import { threadedSink } from '../package/write-thread.ts';
import { formatLogEntry, signingSession } from '../world/log.ts';
import { acquireWorldLock } from './lock.ts';
import { isSamePackage, packageIdentity, type PackageIdentity } from '../package/identity.ts';
import { findDuplicate, mayBeRecorded, readLedger, type LedgerEntry } from './ledger.ts';
import { applyJournal, BESIDE_PREFIX, discardStaging, recoverLeftovers, requireRealFolder, writeBesideMarker, writeJournal, type Journal } from './journal.ts';
import { planReceive, type Conflict, type HeldBackAgentFile, type ReceivePlan, type Skipped } from './plan.ts';
import { preflight, type PlannedWrites, type PreflightResult } from './preflight.ts';
import { convertTasksMd, tasksMdTooLarge } from './tasks.ts';
import { KEY_MD_MAX_BYTES, keyMdPath, NOW_TEXT_MAX, nowJsonPath, nowText } from '../world/now.ts';
import { writeJsonAtomic } from '../fs/atomic.ts';
import { PATH_MAX_BYTES, pathTooLong } from '../fs/path-max.ts';
import type { WalnutLayout } from '../walnut/layout.ts';
import { compactDate } from './names.ts';
import { readSnapshot, type SnapshotView } from './snapshot.ts';
import { HELD_DIR, HELD_INDEX, moveAcross, PKG_DIR, prepareStaged, shapeBundles, shapeNewWalnut } from './stage.ts';
import { bundleNameTaken, resolveTarget, resolveWorld, worldRel, type Target } from './target.ts';
import { cappedText, inlineText, logValue } from '../text/untrusted.ts';
import { isPlainName, NOT_SHOWN, plainOr, senderName } from '../text/fence.ts';
import { unverifiedClaimDetail } from '../package/signer-shown.ts';
import { counted, noun } from '../text/plural.ts';
import { relayDir } from '../home.ts';
import { IMPORTED_LOG } from '../relay/pulled-unreceived.ts';

export interface ReceiveOptions {
  packagePath: string;
  /** The world's root; without it, found from `cwd` the way the hooks find it. */
  world?: string;
  /** Where to start looking for the world (default: the process's current folder). */
  cwd?: string;
  /** Take agent instruction/configuration files into the world instead of holding them back. */
  allowAgentFiles?: boolean;
  /** Import a package signed by someone no pinned key vouches for (refused otherwise). */
  allowUnverified?: boolean;
  /** A signature is asked for (--signer-key): an unsigned package is refused. */
  requireSignature?: boolean;
  into?: string;
  as?: string;
  crypto?: PackageCrypto;
  maxBytes: number;
  force?: boolean;
  dryRun?: boolean;
  env?: NodeJS.ProcessEnv;
  now?: Date;
  /** Bytes of the package read so far (the command passes its progress display). */
  onProgress?: OnProgress;
  /**
   * Told, in the listener of an ending signal (Ctrl-C), how far the receive had come: before its
   * commit point (nothing was imported; its staging folder was removed, else `left` names it) or
   * moving the import into place (the next receive finishes it). The lock is released by then;
   * the process then ends as the signal would.
   */
  onInterrupted?: (stage: 'before-commit' | 'moving', left?: string) => void;
  /**
   * The SHA-256 (lowercase hex) the package file must have: the `package_sha256` of the dry run the
   * user approved. The bytes this receive unpacks are the ones hashed; another file is refused
   * (package_changed) before the commit point.
   */
  sha256?: string;
}

export interface ReceiveResult {
  ok: true;
  /** The receiving walnut (absolute); null for a snapshot. */
  walnut: string | null;
  /** Absolute paths that appeared in the world (the new walnut, or each bundle). */
  imported: string[];
  skipped: Skipped[];
  conflicts: Conflict[];
  /** The entry prepended to the walnut's log.md; null for a snapshot. */
  log_entry: string | null;
  /** Layout of the receiving walnut, and why (null for a snapshot). */
  layout: WalnutLayout | null;
  layout_reason: string | null;
  /** Agent instruction/configuration files kept out of the world (see agent-files.ts). */
  held_back: HeldBackItem[];
  /** Where they were kept (absolute); null when none were, and in a dry run. */
  held_back_dir: string | null;
  /** Agent files taken into the walnut because --allow-agent-files said so. */
  agent_files_taken: HeldBackItem[];
  dry_run?: true;
  scope: Manifest['scope'];
  format_version: string;
  package_sha256: string;
  source_walnut: string | null;
  sender: string | null;
  files: number;
  bytes: number;
  envelope: string;
  signature: { present: boolean; verified: boolean; signer: string | null };
  notes: string[];
  /** The older passphrase derivation that opened it (a 2.1 package), when one did. */
  legacy_kdf?: string;
  /** Encrypted: whether the signed manifest vouches for the envelope (ReadResult.envelopeSigned). */
  envelope_signed?: boolean;
  /** Set when this run finished an import that a killed run had started. */
  resumed?: true;
  /**
   * In a resumed result only: how many items a list held when its journal kept only the first
   * JOURNAL_LIST_MAX of them (journalResult).
   */
  imported_total?: number;
  skipped_total?: number;
  conflicts_total?: number;
  held_back_total?: number;
  agent_files_taken_total?: number;
  snapshot?: SnapshotView & { description: string | null; created: string };
}

export interface HeldBackItem {
  /** Path in the package. */
  path: string;
  /** The name on the agent-file list it matched. */
  rule: string;
  /** World-relative path it would have had. */
  would_be_at: string;
  /** Why it is held back, for a file of a walnut inside the received one (agent files: none). */
  reason?: string;
  /** Its file name in `held_back_dir` (held-back files only). */
  kept_as?: string;
}

interface Ctx {
  opts: ReceiveOptions;
  env: NodeJS.ProcessEnv;
  world: string;
  pkg: string;
  /**
   * The SHA-256 of the package file's bytes as the full read took them, once it is done; before
   * that, the early checks' value (earlyHash), or '' when they did not need one.
   */
  sha256: string;
  /** earlyHash's value, once asked for. */
  early?: Promise<string>;
  packageBytes: number;
  timestamp: string;
  session: string;
  /** packageIdentity() of the package, once it has been read (the ledger's content identity). */
  identity?: PackageIdentity;
}

/** Who sent the package: the manifest's own field (v3, or the reference's relay block), else a verified signer. */
function senderOf(r: ReadResult): string | null {
  const m = r.manifest;
  const verifiedSigner = r.signature.present && r.signature.ok ? (r.signature.signer ?? null) : null;
  const sender = m.sender ?? m.relay?.sender ?? verifiedSigner;
  return sender === null ? null : cappedText(sender, SENDER_WORDS_MAX);
}

/** The source walnut's name as the manifest gives it (not checked: it names no folder here), cut. */
function sourceWalnutOf(r: ReadResult): string | null {
  const w = r.manifest.source.walnut;
  return w === undefined ? null : cappedText(w, SENDER_WORDS_MAX);
}

function signatureOf(r: ReadResult) {
  return { present: r.signature.present, verified: r.signature.present && r.signature.ok, signer: r.signature.signer ?? null };
}

/**
 * The sender in the log entry and now.json, which agents read later: only a verified signature by
 * that very name vouches for it. Any other sender the manifest names is the package's claim, a
 * login-like word (`ignore-previous-instructions`) too: not repeated there (the result's
 * untrusted.sender and the ledger keep it, as data); a verified signer of another name is said instead.
 */
function fromText(r: ReadResult, sender: string | null): string {
  if (!sender) return 'unknown sender';
  const sig = signatureOf(r);
  if (sig.verified && sig.signer === sender) return `sender ${logValue(sender)} (verified signature)`;
  const claim = "a sender the package names, not verified (the package's own claim, not repeated here)";
  return sig.verified && sig.signer ? `${claim}; signed by ${logValue(sig.signer)}, verified` : claim;
}

/**
 * The log's signature line. A signer no pinned key verified is the sender's claim, any login-like
 * word (`ignore-previous-instructions`): the entry, which agents read later, does not repeat it
 * (the ledger keeps it, as data); a verified one is the user's own pinned peer.
 */
function signatureLogText(sig: ReturnType<typeof signatureOf>): string {
  if (!sig.present) return 'unsigned';
  if (sig.verified) return `signed by ${logValue(sig.signer ?? 'unknown')}, verified`;
  return "signed, NOT verified (no pinned key checked it; the signer it names is the sender's claim, not repeated here)";
}

function encryptionText(r: ReadResult): string {
  // A 2.1 envelope is outside the signed text: whoever made it, not the signer, chose it.
  const outside = r.envelopeSigned === false ? '; the signature does not cover who encrypted it' : '';
  if (r.envelope.endsWith('passphrase')) return `passphrase${outside ? ` (${outside.slice(2)})` : ''}`;
  if (r.envelope.endsWith('rsa')) return `RSA (for this user${outside})`;
  return 'none';
}

/**
 * Most items of one list (held-back files, bundles, conflicts) named in a log entry: the entry lands
 * in the receiver's own log.md, which agents read, so the package must not decide its size. The
 * full lists are in the result and held-back.json; imports.json names the first 100 of each.
 */
const LOG_LIST_MAX = 20;
/**
 * Items of each list (imported, conflicts, held back) named in the ledger entry; `<list>_total`
 * counts them all when there are more.
 */
const LEDGER_LIST_MAX = 100;
const LEDGER = '.alive/imports.json';

/** Items of each list a journal's result keeps (the result a later run reports when it finishes an import). */
export const JOURNAL_LIST_MAX = 100;
const JOURNAL_LISTS = ['imported', 'skipped', 'conflicts', 'held_back', 'agent_files_taken'] as const;

/**
 * The result as the journal keeps it: each list cut to its first JOURNAL_LIST_MAX items, with
 * `<list>_total` when it was longer. Recovery reads a journal back under a cap, and thousands of
 * files left out (a .git folder) would otherwise pass it and refuse an ordinary import.
 */
export function journalResult(result: ReceiveResult): ReceiveResult {
  const kept: ReceiveResult = { ...result };
  for (const name of JOURNAL_LISTS) {
    const list = result[name] as unknown[];
    if (list.length <= JOURNAL_LIST_MAX) continue;
    Object.assign(kept, { [name]: list.slice(0, JOURNAL_LIST_MAX), [`${name}_total`]: list.length });
  }
  return kept;
}

/** The first LOG_LIST_MAX of `items`, then how many more and where they are listed. */
function loggedList(items: string[], where?: string): string {
  const shown = items.slice(0, LOG_LIST_MAX).join(', ');
  if (items.length <= LOG_LIST_MAX) return shown;
  return `${shown} and ${items.length - LOG_LIST_MAX} more${where ? ` (listed in ${where})` : ''}`;
}

/**
 * A name of the sender's (a bundle's, a walnut's, a file's path) in the log entry, now.json or a
 * note, which agents read later: quoted when it is a plain name, else left out, saying so (the
 * ledger, .alive/imports.json, keeps it as data). A sentence such as `NOTE TO THE ASSISTANT: …`
 * quoted there read on as the receiver's own words.
 */
const logName = (value: string | undefined): string => (isPlainName(value ?? '') ? logValue(value) : NOT_SHOWN);

function logEntryFor(ctx: Ctx, r: ReadResult, target: Target, plan: ReceivePlan): string {
  const m = r.manifest;
  const sender = senderOf(r);
  const sig = signatureOf(r);
  const imported = plan.units.filter((u) => u.kind === 'bundle');
  const bytes = plan.units.reduce((a, u) => a + u.bytes, 0);
  const files = plan.units.reduce((a, u) => a + u.files, 0);
  const body = [
    `Received .walnut package ${logName(basename(ctx.pkg))} (${m.scope} scope, format ${logName(m.format_version)}).`,
    '',
    `- From: ${fromText(r, sender)}, source walnut ${m.source.walnut === undefined ? 'unnamed' : logName(m.source.walnut)}`,
    `- Signature: ${signatureLogText(sig)}`,
    `- Encryption: ${encryptionText(r)}`,
    `- Package sha256: ${ctx.sha256}`,
    target.scope === 'full'
      ? // The walnut's name is the sender's unless --as gave it (walnutInOurWords).
        `- Imported: new walnut ${(ctx.opts.as === undefined ? logName : logValue)(worldRel(ctx.world, target.walnut))}${
          imported.length
            ? ` with bundles ${loggedList(
                imported.map((u) => logName(u.as)),
                LEDGER,
              )}`
            : ''
        }`
      : `- Imported bundles: ${
          loggedList(
            imported.map((u) => (u.as === u.bundle ? logName(u.as) : `${logName(u.bundle)} as ${logName(u.as)}`)),
            LEDGER,
          ) || 'none'
        }`,
    ...plan.conflicts.slice(0, LOG_LIST_MAX).map((c) => `- Conflict: ${logName(c.existing)} already existed; the incoming bundle is ${logName(c.imported_as)}`),
    ...(plan.conflicts.length > LOG_LIST_MAX ? [`- Conflicts: ${plan.conflicts.length - LOG_LIST_MAX} more (listed in ${LEDGER})`] : []),
    ...(agentHeld(plan).length
      ? [
          `- Held back (agent instruction/configuration files, kept in .alive/held-back/, not in the walnut): ${loggedList(
            agentHeld(plan).map((h) => logName(h.path)),
            '.alive/held-back/',
          )}`,
        ]
      : []),
    ...(subWalnutHeld(plan).length
      ? [
          `- Held back (files of walnuts inside the received one, whose kernel agents would load as the sender wrote it; kept in .alive/held-back/, not in the walnut): ${loggedList(
            subWalnutHeld(plan).map((h) => logName(h.path)),
            '.alive/held-back/',
          )}`,
        ]
      : []),
    ...(plan.agentFilesTaken.length
      ? [`- Agent instruction/configuration files taken (--allow-agent-files): ${loggedList(plan.agentFilesTaken.map((h) => logName(h.path)))}`]
      : []),
    `- Files: ${files} (${formatBytes(bytes)})${plan.skipped.length ? `, ${plan.skipped.length} left out` : ''}`,
    // A full package brings the walnut's log: all of it, its frontmatter too, goes below this
    // entry (world/log.ts receivedLog), and its entries read like this machine's own (a session,
    // a decision) and are not.
    ...(target.scope === 'full' && m.files.some((f) => /^(?:_kernel|_core)\/log\.md$/.test(f.path))
      ? [
          "- Everything below this entry is the sender's log as it came in the package, its frontmatter included: the sender's words, not a record made on this machine.",
        ]
      : []),
  ];
  return formatLogEntry(ctx.timestamp, ctx.session, body);
}

function nowContext(r: ReadResult, plan: ReceivePlan): string {
  // The sender is the peer's own words unless a signature vouches for it: quoted, marked, capped,
  // and first, so that no length of bundle names cuts it (or its mark) from the line.
  const head = `Received from ${fromText(r, senderOf(r))}: `;
  if (r.manifest.scope === 'full') return nowText(`${head}this walnut, as a .walnut package.`);
  const names = plan.units.filter((u) => u.kind === 'bundle').map((u) => logName(u.as));
  // Whole quoted names while they fit, then how many more: a cut never leaves a quote open.
  let shown = `${head}${noun(names.length, 'bundle')}`;
  for (const [i, n] of names.entries()) {
    const rest = names.length - i - 1;
    const next = `${shown}${i === 0 ? ' ' : ', '}${n}`;
    if (next.length + (rest > 0 ? ` and ${rest} more`.length : 0) + 1 > NOW_TEXT_MAX) {
      shown = i === 0 ? `${head}${counted(names.length, 'bundle')}` : `${shown} and ${names.length - i} more`;
      break;
    }
    shown = next;
  }
  return nowText(`${shown}.`);
}

type TargetFields =
  | 'walnut'
  | 'imported'
  | 'skipped'
  | 'conflicts'
  | 'log_entry'
  | 'layout'
  | 'layout_reason'
  | 'held_back'
  | 'held_back_dir'
  | 'agent_files_taken';

function baseResult(ctx: Ctx, r: ReadResult): Omit<ReceiveResult, TargetFields> {
  const m = r.manifest;
  return {
    ok: true,
    scope: m.scope,
    format_version: m.format_version,
    package_sha256: ctx.sha256,
    source_walnut: sourceWalnutOf(r),
    sender: senderOf(r),
    files: r.files,
    bytes: r.bytes,
    envelope: r.envelope,
    signature: signatureOf(r),
    notes: [],
    ...(r.legacyKdf !== undefined ? { legacy_kdf: r.legacyKdf } : {}),
    ...(r.envelopeSigned !== undefined ? { envelope_signed: r.envelopeSigned } : {}),
  };
}

function snapshotResult(ctx: Ctx, read: ReadResult, view: SnapshotView, dryRun: boolean): ReceiveResult {
  return {
    ...baseResult(ctx, read),
    walnut: null,
    imported: [],
    skipped: [],
    conflicts: [],
    log_entry: null,
    layout: null,
    layout_reason: null,
    held_back: [],
    held_back_dir: null,
    agent_files_taken: [],
    ...(dryRun ? { dry_run: true as const } : {}),
    notes: [dryRun ? 'a snapshot is display-only: nothing was written' : 'a snapshot is display-only: nothing was written into the world'],
    snapshot: { ...view, description: read.manifest.description ?? null, created: read.manifest.created },
  };
}

/**
 * A snapshot shown (not in a dry run): nothing goes into the world, and it is recorded in the relay
 * folder's imported.json as received, so that a copy relay pull saved no longer waits to be received
 * for good (the session notice said so at every start, and receive can only show it).
 */
async function shownSnapshot(ctx: Ctx, read: ReadResult, view: SnapshotView): Promise<ReceiveResult> {
  const result = snapshotResult(ctx, read, view, false);
  const signer = read.signature.present && read.signature.ok ? (read.signature.signer ?? null) : null;
  const identity = signer === null ? undefined : packageIdentity(read.manifest, signer).current;
  await recordAnywhere(ctx, { source: ctx.pkg, ...(identity ? { identity } : {}), package_sha256: ctx.sha256, received_at: ctx.timestamp }, result.notes);
  return result;
}

/**
 * The package's SHA-256 for the checks made before it is read (a repeat import, a receive that an
 * interrupted run had started): the approved one when --sha256 gives it, else a hash of the file
 * as it is now. The full read hashes what it unpacks and checks again (hashedRead).
 */
function earlyHash(ctx: Ctx): Promise<string> {
  ctx.early ??= ctx.opts.sha256 !== undefined ? Promise.resolve(ctx.opts.sha256) : sha256File(ctx.pkg);
  return ctx.early;
}

/**
 * Runs `read` (one full read of the package) hashing the file's bytes as that read takes them, so
 * the hash is of the bytes unpacked, not of a second look at the path, which another process may
 * have replaced in between; sets ctx.sha256 and refuses a package other than the one --sha256 names.
 */
async function hashedRead<T>(ctx: Ctx, readOpts: ReadOptions, read: (opts: ReadOptions) => Promise<T>): Promise<T> {
  const hash = createHash('sha256');
  const out = await read({ ...readOpts, onFileBytes: (chunk) => hash.update(chunk) });
  ctx.sha256 = hash.digest('hex');
  const expected = ctx.opts.sha256;
  if (expected !== undefined && ctx.sha256 !== expected) {
    throw new AliveError(
      `${inlineText(basename(ctx.pkg))} is not the package that was checked: its SHA-256 is ${ctx.sha256}, not ${expected} (--sha256); it was replaced or changed since. Nothing was written: run the dry run again, look at what it shows, and import with its package_sha256`,
      { code: 'package_changed', fields: { package_sha256: ctx.sha256, expected_sha256: expected } },
    );
  }
  return out;
}

/**
 * The walnut a receive lands in, world-relative: the sender named it only in a full receive without
 * --as (then shown when a plain name, else left out); otherwise it is the user's own.
 */
function walnutInOurWords(ctx: Ctx, target: Target): string {
  const rel = worldRel(ctx.world, target.walnut);
  return target.scope === 'full' && ctx.opts.as === undefined ? plainOr(rel) : inlineText(rel, 400);
}

function refuseDuplicate(prior: LedgerEntry, ctx: Ctx, scope: string): never {
  // A full package whose walnut is still there needs a new name too: --force alone is refused next (exists).
  const again = scope === 'full' && existsSync(join(ctx.world, prior.target)) ? '--force --as NEW_NAME (the walnut is still there)' : '--force';
  throw new AliveError(
    `this package (sha256 ${prior.package_sha256.slice(0, 12)}…) was already imported into ${prior.target} on ${prior.received_at}; pass ${again} to import it again`,
    { code: 'duplicate', fields: { package_sha256: prior.package_sha256, imported_into: prior.target, received_at: prior.received_at } },
  );
}

/** A plan with what it asked the world: the bundle names it found taken or free where they land. */
interface Planned {
  target: Target;
  plan: ReceivePlan;
  manifest: Manifest;
  asked: Map<string, boolean>;
}

/**
 * The plan for the verified manifest. `earlier` is the plan made from the clear-text manifest
 * before unpacking; when the verified manifest is that same text (read-package hands back the
 * same object), the target is the same and every bundle name it asked about is still taken or
 * free as it was, it is this plan's inputs exactly, and is kept (planning 2,000 files twice was
 * half of what receive added to extract).
 */
function planFor(ctx: Ctx, r: ReadResult, earlier?: Planned): Planned {
  // Signed content identifies a package (the same content re-compressed or re-encrypted is a
  // duplicate); an unsigned package has no signed content, so its file hash alone identifies it.
  const verifiedSigner = r.signature.present && r.signature.ok ? (r.signature.signer ?? null) : null;
  if (verifiedSigner !== null) ctx.identity = packageIdentity(r.manifest, verifiedSigner);
  const target = guardedTarget(ctx, r.manifest);
  if (earlier && earlier.manifest === r.manifest && sameTarget(earlier.target, target) && stillAsAsked(earlier)) return earlier;
  return planOn(ctx, r.manifest, target);
}

/**
 * A signature present but not checked (no key pinned for the name it gives: a removed peer, a
 * sender never accepted) vouches for nothing: refused unless `allow`, which gets the warning note.
 * A bad signature was refused by the read; an unsigned package (a user's own create) passes, and
 * so does a snapshot, which is only shown.
 */
function unverifiedSignature(m: Manifest, sig: SignatureCheck, allow: boolean, required = false, dryRun = false): string | undefined {
  if (required && !sig.present) {
    throw new AliveError(
      'this package is not signed: --signer-key asks for a signature by that key, and nothing was imported; receive it without --signer-key only if you trust where the file came from',
      { code: 'unverified' },
    );
  }
  if (m.scope === 'snapshot' || !sig.present || sig.ok) return undefined;
  if (allow)
    return `${dryRun ? 'would import' : 'imported'} a signed package whose signature could not be verified (no key is pinned for the signer it names), as --allow-unverified asked`;
  const signer = sig.signer;
  const detail = signer ? unverifiedClaimDetail('signer', signer) : undefined;
  throw new AliveError(
    `this package is signed, but its signature cannot be verified: no key is pinned for the signer it names${detail ? ` (${detail.reference})` : ' (it names none)'} ` +
      'among your relay peers ($ALIVE_HOME/relay/keys/peers/), so anyone could have made it; nothing was imported. If you expect it from someone, compare fingerprints with them by another channel, ' +
      'run `alive-p2p relay accept THEIR_LOGIN` (with --url THEIR_RELAY_URL for a git relay) and `alive-p2p relay pull` again, then receive; ' +
      'or, if you trust where this file came from, receive it with --allow-unverified',
    { code: 'unverified', ...(detail ? { untrusted: detail } : {}) },
  );
}

/**
 * The `unverified` refusal from a manifest read in clear (a plain package's, an encrypted 2.0
 * one's), before anything else of the package is read: no passphrase asked, no private key tried,
 * nothing unpacked. A signature whose check fails is left to the full read (bad_signature), which
 * checks the signature again in any case.
 */
function refuseUnverifiedFirst(ctx: Ctx, head: { manifest: Manifest; text: string }): void {
  if (ctx.opts.allowUnverified || head.manifest.signature === undefined) return;
  const { signature, failed } = manifestSignature(head.manifest, head.text, ctx.opts.crypto);
  if (!failed) unverifiedSignature(head.manifest, signature, false);
}

function sameTarget(a: Target, b: Target): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function stillAsAsked(p: Planned): boolean {
  if (p.asked.size === 0) return true;
  const taken = bundleNameTaken(p.target);
  for (const [name, was] of p.asked) if (taken(name) !== was) return false;
  return true;
}

/**
 * Largest log.md of a full package received: it becomes the new walnut's log, read into memory
 * whole to put the receive's entry at its top (a few copies of it at once). Real logs are a few
 * hundred KB; a package of 350 KB can hold 360 MB of repeated text, which took 2.5 GB.
 */
export const PACKAGE_LOG_MAX_BYTES = 16 * 1024 * 1024;

/** Refuses a full package whose log.md is past PACKAGE_LOG_MAX_BYTES (its size is checked against the manifest when read). */
function checkPackageLog(plan: ReceivePlan): void {
  const log = plan.units.find((u) => u.kind === 'kernel' && u.to.toLowerCase() === '_kernel/log.md');
  if (!log || log.bytes <= PACKAGE_LOG_MAX_BYTES) return;
  throw new AliveError(
    `the package's ${logValue(log.from)} is ${log.bytes} bytes, more than a receive reads (${PACKAGE_LOG_MAX_BYTES}); nothing was written. ` +
      "It would become the new walnut's log, with this receive's entry at its top: ask the sender to trim it, or look at the package with alive-p2p extract",
    { code: 'too_large' },
  );
}

function planOn(ctx: Ctx, m: Manifest, target: Target): Planned {
  const asked = new Map<string, boolean>();
  const taken = bundleNameTaken(target);
  const plan = planReceive({
    manifest: m,
    layout: target.layout,
    taken: (name) => {
      const answer = taken(name);
      asked.set(name, answer);
      return answer;
    },
    date: compactDate(ctx.timestamp),
    allowAgentFiles: ctx.opts.allowAgentFiles === true,
    landing: worldRel(ctx.world, target.walnut),
  });
  if (target.scope === 'full' && !plan.kernel.includes('key.md')) {
    const where = m.generation === 'v1' ? '_core/key.md' : '_kernel/key.md';
    throw new AliveError(`this full package has no ${where}, so it cannot become a walnut; nothing was written`, { code: 'no_key' });
  }
  if (target.scope === 'full') checkPackageLog(plan);
  checkPathLengths(m, target, plan, join(ctx.world, '.alive', 'receiving', stagingId(ctx.timestamp), PKG_DIR));
  return { target, plan, manifest: m, asked };
}

/**
 * Refuses a package with a file whose path in the world would be past PATH_MAX. Staging may
 * hold it (`.alive/receiving/<id>/pkg/` can be shorter than `<domain>/<walnut>/`), and the
 * renames that put it in place move only its top folder, so nothing else would stop it: it would
 * land where no program opens it by name, nor deletes it. A file whose place in staging (`pkgDir`)
 * is past PATH_MAX cannot be unpacked: refused here too, so that a dry run says so.
 */
function checkPathLengths(m: Manifest, target: Target, plan: ReceivePlan, pkgDir: string): void {
  const byFrom = new Map(plan.units.map((u) => [u.from, u]));
  // A unit is found by its path, a leading part of the file's: only parts up to the longest unit
  // path are looked up, so a path of 2,000 segments costs its length, not its square.
  const longestFrom = plan.units.reduce((n, u) => Math.max(n, u.from.length), 0);
  const notLanding = new Set([...plan.held.map((h) => h.path), ...plan.skipped.map((s) => s.path)]);
  // Paths are joined and measured only where their parts' lengths add up to more than a path may
  // hold (a manifest's paths are relative and normalized, so joining adds one separator each).
  const pkgDirBytes = Buffer.byteLength(pkgDir);
  const walnutBytes = Buffer.byteLength(target.walnut);
  const longestTo = plan.units.reduce((n, u) => Math.max(n, Buffer.byteLength(u.to)), 0);
  for (const f of m.files) {
    const pathBytes = Buffer.byteLength(f.path);
    if (pkgDirBytes + pathBytes + 2 <= PATH_MAX_BYTES && walnutBytes + longestTo + pathBytes + 3 <= PATH_MAX_BYTES) continue;
    const staged = join(pkgDir, f.path);
    if (pathTooLong(staged)) {
      throw new AliveError(
        `the package's ${logValue(cappedText(f.path, 200))} would need a path of ${Buffer.byteLength(staged)} bytes while it is unpacked (in .alive/receiving/), too long for this system; nothing was written. Ask the sender for shorter folder names`,
        { code: 'too_large' },
      );
    }
    if (notLanding.has(f.path)) continue;
    let unit: (typeof plan.units)[number] | undefined;
    for (let end = f.path.indexOf('/'); unit === undefined; end = f.path.indexOf('/', end + 1)) {
      const part = end === -1 ? f.path : f.path.slice(0, end);
      if (part.length > longestFrom) break;
      unit = byFrom.get(part);
      if (end === -1) break;
    }
    if (!unit) continue;
    const landing = join(target.walnut, unit.to, f.path.slice(unit.from.length));
    if (!pathTooLong(landing)) continue;
    throw new AliveError(
      `the package's ${logValue(cappedText(f.path, 200))} would land at a path of ${Buffer.byteLength(landing)} bytes, longer than this system opens; nothing was written. ` +
        (target.scope === 'full' ? 'Pass --as with a shorter name, or --into a shorter domain, or ' : 'Receive it into a walnut with a shorter path, or ') +
        'ask the sender for shorter folder names',
      { code: 'too_large' },
    );
  }
}

function checkDuplicate(ctx: Ctx, scope: string, targetRel: string): void {
  if (ctx.opts.force) return;
  const prior = findDuplicate(readLedger(ctx.world), ctx.sha256, scope, targetRel, ctx.identity);
  if (prior) refuseDuplicate(prior, ctx, scope);
}

/**
 * The target, after refusing a repeat import: for a full package the ledger speaks first (its
 * walnut existing is the consequence, not the news), for bundles the target walnut decides.
 */
function guardedTarget(ctx: Ctx, m: Manifest): Target {
  if (m.scope === 'full') checkDuplicate(ctx, 'full', '');
  const target = resolveTarget(ctx.world, m, targetArgs(ctx.opts));
  if (target.scope === 'bundle') checkDuplicate(ctx, 'bundle', worldRel(ctx.world, target.walnut));
  return target;
}

/** The held-back agent instruction/configuration files, and the held-back files of sub-walnuts. */
const agentHeld = (plan: ReceivePlan) => plan.held.filter((h) => h.reason === undefined);
const subWalnutHeld = (plan: ReceivePlan) => plan.held.filter((h) => h.reason !== undefined);

function heldItems(ctx: Ctx, target: Target, list: HeldBackAgentFile[]): HeldBackItem[] {
  return list.map((h) => ({
    path: h.path,
    rule: h.rule,
    ...(h.reason !== undefined ? { reason: h.reason } : {}),
    would_be_at: worldRel(ctx.world, join(target.walnut, h.to)),
    ...(h.keptAs !== undefined ? { kept_as: h.keptAs } : {}),
  }));
}

function agentNotes(ctx: Ctx, target: Target, plan: ReceivePlan, heldDir: string | null): string[] {
  const notes: string[] = [];
  const names = (l: HeldBackAgentFile[]) =>
    `${l
      .slice(0, 8)
      .map((h) => logName(h.path))
      .join(', ')}${l.length > 8 ? ', …' : ''}`;
  const agents = agentHeld(plan);
  const where = heldDir ?? join(ctx.world, '.alive', 'held-back', '<receipt>');
  if (agents.length) {
    // heldDir is null only in a dry run, which writes nothing: say what would happen.
    // A full walnut is never overwritten: taking them is a second walnut, under a new name. Bundles
    // received again land beside the first ones (`<name>-imported-…`): not a way to take them.
    const [held, kept, again] =
      heldDir === null
        ? ['would hold back', 'would be kept', ', or receive with --allow-agent-files if you trust the sender']
        : target.scope === 'full'
          ? ['held back', 'are kept', ', or receive again with --allow-agent-files --force --as NEWNAME if you trust the sender']
          : ['held back', 'are kept', ' (a second receive would land a second copy of the bundles)'];
    notes.push(
      `${held} ${counted(agents.length, 'agent instruction/configuration file')} (${names(agents)}): they would steer an AI agent working in ${walnutInOurWords(ctx, target)}. ` +
        `They ${kept} in ${where}, not in the walnut; read them, and move what you want into place yourself${again}`,
    );
  }
  const sub = subWalnutHeld(plan);
  if (sub.length) {
    const [held, kept] = heldDir === null ? ['would hold back', 'would be kept'] : ['held back', 'are kept'];
    notes.push(
      `${held} ${counted(sub.length, 'file')} of a walnut inside the received one (${names(sub)}): a _kernel/ or _core/ holding a key.md below its top makes a walnut of its own, ` +
        `and agents would load its kernel (now.json, log.md) as the sender wrote it, without the quoting and the sender's-log heading the received walnut's own gets. ` +
        `They ${kept} in ${where} (held-back.json maps each to where it would have been); read them, and move what you want into place yourself`,
    );
  }
  if (plan.agentFilesTaken.length) {
    notes.push(
      `took ${counted(plan.agentFilesTaken.length, 'agent instruction/configuration file')} into the walnut, as --allow-agent-files asked: ${names(plan.agentFilesTaken)}`,
    );
  }
  return notes;
}

function resultFor(ctx: Ctx, r: ReadResult, target: Target, plan: ReceivePlan, entry: string, notes: string[], heldDir: string | null): ReceiveResult {
  const imported = target.scope === 'full' ? [target.walnut] : plan.units.filter((u) => u.kind === 'bundle').map((u) => join(target.walnut, u.to));
  return {
    ...baseResult(ctx, r),
    walnut: target.walnut,
    imported,
    skipped: plan.skipped,
    conflicts: plan.conflicts,
    log_entry: entry,
    layout: target.layout,
    layout_reason: target.layoutReason,
    held_back: heldItems(ctx, target, plan.held),
    held_back_dir: plan.held.length ? heldDir : null,
    agent_files_taken: heldItems(ctx, target, plan.agentFilesTaken),
    notes: [...notes, ...agentNotes(ctx, target, plan, heldDir)],
  };
}

const HELD_BACK = ['.alive', 'held-back'] as const;

/** What a receive will change in the world, for the preflight checks (world-relative paths). */
function plannedWrites(ctx: Ctx, target: Target, plan: ReceivePlan): PlannedWrites {
  const rel = worldRel(ctx.world, target.walnut);
  const state = ['.alive', ...(plan.held.length ? [HELD_BACK.join('/')] : [])];
  if (target.scope === 'full') {
    return { mkdirs: target.createDomain ? [worldRel(ctx.world, target.domain)] : [], moves: [rel], files: [], state };
  }
  return {
    mkdirs: target.layout === 'v2' ? [`${rel}/bundles`] : [],
    moves: plan.units.filter((u) => u.kind === 'bundle').map((u) => `${rel}/${u.to}`),
    files: [`${rel}/_kernel/log.md`, worldRel(ctx.world, nowJsonPath(target.walnut, target.layout))],
    state,
    reads: [{ path: worldRel(ctx.world, keyMdPath(target.walnut)), maxBytes: KEY_MD_MAX_BYTES }],
  };
}

/** Bundles from a v2 place (`bundles/<name>/`) landing in a v3 walnut: their tasks.md becomes tasks.json. */
function v2BundlesIntoV3(target: Target, plan: ReceivePlan) {
  return target.layout === 'v3' ? plan.units.filter((u) => u.kind === 'bundle' && u.from.startsWith('bundles/')) : [];
}

/** What a dry run can tell about tasks.md conversions from the manifest alone. */
function tasksDryNotes(m: Manifest, target: Target, plan: ReceivePlan): string[] {
  const listed = new Map(m.files.map((f) => [f.path, f.size]));
  const budget = { converted: 0 };
  return v2BundlesIntoV3(target, plan)
    .filter((u) => listed.has(`${u.from}/tasks.md`))
    .map((u) => {
      if (listed.has(`${u.from}/tasks.json`))
        return `bundle ${senderName(u.as!)}: its v2 tasks.md would be kept as it is, because the bundle already has a tasks.json`;
      const bytes = listed.get(`${u.from}/tasks.md`)!;
      const tooLarge = tasksMdTooLarge(bytes, budget);
      if (tooLarge) return `bundle ${senderName(u.as!)}: its v2 tasks.md would be kept as it is, not converted: ${tooLarge}`;
      budget.converted += bytes;
      return `bundle ${senderName(u.as!)}: its v2 tasks.md would be converted to tasks.json for this v3 walnut (and kept too if it holds lines that are not tasks)`;
    });
}

/** Where a receive unpacks: `.alive/receiving/` (or the nearest part of it that exists yet). */
function stagingRoot(world: string): string {
  for (const p of [join(world, '.alive', 'receiving'), join(world, '.alive')]) if (existsSync(p)) return p;
  return world;
}

export async function receivePackage(opts: ReceiveOptions): Promise<ReceiveResult> {
  const env = opts.env ?? process.env;
  // A snapshot in clear writes nothing and needs no world: a world that cannot be found is
  // reported (before any problem with the package, as for every receive) unless it is one.
  let world = '';
  let noWorld: unknown;
  try {
    world = resolveWorld(opts.world, env, opts.cwd ?? process.cwd());
  } catch (err) {
    if (opts.world !== undefined) throw err;
    noWorld = err;
  }
  const pkg = resolve(opts.packagePath);
  const stamp = utcStamp(opts.now);
  const readOpts: ReadOptions = {
    maxBytes: opts.maxBytes,
    ...(opts.crypto ? { crypto: opts.crypto } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    // A manifest read only once decrypted (2.1's envelopes): refused before the files after it are unpacked.
    onManifestAccepted: (m, signature) => void unverifiedSignature(m, signature, opts.allowUnverified === true, opts.requireSignature === true),
  };
  let packageBytes: number;
  let headRead: Awaited<ReturnType<typeof readPackageHeadSafe>>;
  try {
    packageBytes = statPackageFile(opts.packagePath).size;
    // The manifest, when it travels in clear, lets us refuse early and spot display-only snapshots.
    headRead = await readPackageHeadSafe(pkg, opts.maxBytes);
  } catch (err) {
    throw noWorld ?? err;
  }
  const head = headRead?.manifest;
  if (noWorld !== undefined && head?.scope !== 'snapshot') throw noWorld;
  const ctx: Ctx = { opts, env, world, pkg, sha256: '', packageBytes, timestamp: stamp, session: signingSession(env) };
  if (head?.scope === 'snapshot') {
    const { read, view } = await hashedRead(ctx, readOpts, (o) => readSnapshot(pkg, o));
    // Shown only, but --signer-key asks for a signature by that key all the same.
    unverifiedSignature(read.manifest, read.signature, true, opts.requireSignature === true);
    return opts.dryRun === true ? snapshotResult(ctx, read, view, true) : shownSnapshot(ctx, read, view);
  }
  // The ledger is read and checked before anything else, in every mode (--force included).
  const ledger = readLedger(world);
  if (opts.dryRun) {
    if (headRead) {
      if (!opts.force && mayBeRecorded(ledger, packageBytes)) ctx.sha256 = await earlyHash(ctx);
      guardedTarget(ctx, headRead.manifest);
      refuseUnverifiedFirst(ctx, headRead);
    }
    const { read, view } = await hashedRead(ctx, readOpts, (o) => readSnapshot(pkg, o));
    if (read.manifest.scope === 'snapshot') return snapshotResult(ctx, read, view, true);
    // Refused as the receive itself would be: a dry run approved first must not fail after.
    const unverified = unverifiedSignature(read.manifest, read.signature, opts.allowUnverified === true, opts.requireSignature === true, true);
    const { target, plan } = planFor(ctx, read);
    preflight(world, plannedWrites(ctx, target, plan), stagingRoot(world));
    const entry = logEntryFor(ctx, read, target, plan);
    const notes = ['dry run: nothing was written', ...(unverified ? [unverified] : []), ...tasksDryNotes(read.manifest, target, plan)];
    return { ...resultFor(ctx, read, target, plan, entry, notes, null), dry_run: true };
  }
  // The full read checks the same clear text again, without parsing it a second time.
  return receiveForReal(ctx, headRead ? { ...readOpts, knownManifest: headRead } : readOpts, headRead);
}

function targetArgs(opts: ReceiveOptions) {
  return { ...(opts.into !== undefined ? { into: opts.into } : {}), ...(opts.as !== undefined ? { as: opts.as } : {}), cwd: opts.cwd ?? process.cwd() };
}

async function receiveForReal(ctx: Ctx, readOpts: ReadOptions, headRead: { manifest: Manifest; text: string } | undefined): Promise<ReceiveResult> {
  const { world } = ctx;
  const head = headRead?.manifest;
  const aliveDir = join(world, '.alive');
  const receivingDir = join(aliveDir, 'receiving');
  const madeAlive = !existsSync(aliveDir);
  requireRealFolder(aliveDir, receivingDir);
  mkdirSync(aliveDir, { recursive: true });
  let lock;
  try {
    lock = acquireWorldLock(join(aliveDir, 'receive.lock'));
  } catch (err) {
    tidy(aliveDir, receivingDir, madeAlive);
    throw err;
  }
  let stage: 'before-commit' | 'moving' = 'before-commit';
  let staging: string | undefined;
  // A signal ends the process before the finally below runs. Before the commit point the world
  // has not changed: what this run staged goes, so nothing is left for the next receive to clear.
  const releaseInterrupt = cleanUpIfInterrupted(() => {
    const left = stage === 'before-commit' && staging !== undefined && !discardNow(world, staging) ? staging : undefined;
    lock.release();
    tidy(aliveDir, receivingDir, madeAlive);
    ctx.opts.onInterrupted?.(stage, left);
  });
  try {
    const notes: string[] = [];
    const recovery = recoverLeftovers(world, receivingDir);
    for (const f of recovery.finished) {
      notes.push(`finished an interrupted receive of ${plainOr(f.journal.target)} (${f.id})`);
      await recordAnywhere(ctx, f.journal.ledger, notes);
    }
    if (recovery.discarded.length) notes.push(`cleaned up ${counted(recovery.discarded.length, 'interrupted receive')} that had not changed the world`);
    for (const s of recovery.stuck) notes.push(s.message);
    if (recovery.finished.length > 0) {
      const sha = await earlyHash(ctx);
      const resumed = recovery.finished.find((f) => f.journal.package_sha256 === sha);
      // A stored result of another shape is not reported: the import is in the ledger now, and
      // the checks below say so (duplicate).
      // zod, which checks the stored result, loads only here (an import interrupted and finished).
      const stored = resumed && !ctx.opts.force ? (await import('./stored-result.ts')).storedResult(resumed.journal.result) : undefined;
      if (stored) return { ...stored, notes, resumed: true };
    }
    // Refuse early, before unpacking, when the clear-text manifest already says it cannot go in.
    // The ledger check needs the package hash: wait for it only if a recorded package has this size.
    const ledger = readLedger(world);
    // The same goes for the checks of the commit point: they run again on the verified manifest.
    let headPlan: Planned | undefined;
    if (head) {
      // The same signed content re-compressed or re-encrypted has another size and hash: its
      // identity (as the clear manifest claims it; checked again once read) still finds it.
      const claimed = head.signature?.signer;
      const identity = claimed ? packageIdentity(head, claimed) : undefined;
      const sameContent = identity !== undefined && ledger.imports.some((e) => isSamePackage(e.identity, identity));
      if (sameContent) ctx.identity = identity;
      let target: Target;
      if (!ctx.opts.force && (sameContent || mayBeRecorded(ledger, ctx.packageBytes))) {
        ctx.sha256 = await earlyHash(ctx);
        target = guardedTarget(ctx, head);
      } else target = resolveTarget(world, head, targetArgs(ctx.opts));
      headPlan = planOn(ctx, head, target);
      preflight(world, plannedWrites(ctx, target, headPlan.plan), aliveDir);
      refuseUnverifiedFirst(ctx, headRead!);
    }

    mkdirSync(receivingDir, { recursive: true });
    const id = stagingId(ctx.timestamp);
    staging = join(receivingDir, id);
    mkdirSync(staging, { mode: 0o700 });
    mkdirSync(join(staging, PKG_DIR));
    let journal: Journal;
    /** What this run reports: the whole lists, which the journal keeps cut (journalResult). */
    let result: ReceiveResult;
    try {
      const sink = threadedSink(join(staging, PKG_DIR), ctx.packageBytes);
      let read: ReadResult;
      try {
        read = await hashedRead(ctx, readOpts, (o) => readPackage(ctx.pkg, sink, o));
      } finally {
        // Every write begun has ended before the staging folder is used or discarded.
        await sink.close();
      }
      if (read.manifest.scope === 'snapshot') {
        discardStaging(world, staging);
        const { read: again, view } = await hashedRead(ctx, readOpts, (o) => readSnapshot(ctx.pkg, o));
        unverifiedSignature(again.manifest, again.signature, true, ctx.opts.requireSignature === true);
        return shownSnapshot(ctx, again, view);
      }
      const unverified = unverifiedSignature(read.manifest, read.signature, ctx.opts.allowUnverified === true, ctx.opts.requireSignature === true);
      if (unverified) notes.push(unverified);
      const { target, plan } = planFor(ctx, read, headPlan);
      const checked = preflight(world, plannedWrites(ctx, target, plan), receivingDir);
      const conversions = await prepareStaged(staging, plan);
      for (const c of conversions) notes.push(`v1 capsule ${senderName(c.capsule)}: ${c.note}`);
      const tasksBudget = { converted: 0 };
      for (const u of v2BundlesIntoV3(target, plan)) {
        const note = convertTasksMd(join(staging, PKG_DIR, u.from), u.as!, ctx.timestamp, ctx.session, tasksBudget);
        if (note) notes.push(note);
      }
      const entry = logEntryFor(ctx, read, target, plan);
      const now = { timestamp: ctx.timestamp, session: ctx.session, context: nowContext(read, plan) };
      const heldRel = `${HELD_BACK.join('/')}/${id}`;
      result = resultFor(ctx, read, target, plan, entry, notes, join(world, ...HELD_BACK, id));
      const targetRel = worldRel(world, target.walnut);
      const base = {
        version: 1 as const,
        id,
        package_sha256: ctx.sha256,
        target: targetRel,
        ledger: {
          package_sha256: ctx.sha256,
          package_bytes: ctx.packageBytes,
          format_version: read.manifest.format_version,
          walnut: sourceWalnutOf(read),
          scope: read.manifest.scope,
          created: cappedText(read.manifest.created, SENDER_WORDS_MAX),
          ...(ctx.identity ? { identity: ctx.identity.current } : {}),
          sender: senderOf(read),
          signer: read.signature.signer ?? null,
          signature_verified: read.signature.present && read.signature.ok,
          received_at: ctx.timestamp,
          source: ctx.pkg,
          target: targetRel,
          // Each list's first LEDGER_LIST_MAX only, and its total when there are more: every receive
          // reads imports.json whole (up to LEDGER_MAX_BYTES), so one package's lists must not fill
          // it (10,000 bundles, each with a conflict). All held-back files are in held-back.json,
          // whole; here each path is cut like the package's other text (100 paths of 4,096 bytes
          // added 400 KB an import).
          imported: result.imported.slice(0, LEDGER_LIST_MAX).map((p) => worldRel(world, p)),
          ...(result.imported.length > LEDGER_LIST_MAX ? { imported_total: result.imported.length } : {}),
          conflicts: plan.conflicts.slice(0, LEDGER_LIST_MAX).map((c) => ({ bundle: c.bundle, imported_as: c.imported_as })),
          ...(plan.conflicts.length > LEDGER_LIST_MAX ? { conflicts_total: plan.conflicts.length } : {}),
          ...(plan.held.length ? { held_back: plan.held.slice(0, LEDGER_LIST_MAX).map((h) => cappedText(h.path, SENDER_WORDS_MAX)) } : {}),
          ...(plan.held.length > LEDGER_LIST_MAX ? { held_back_total: plan.held.length } : {}),
          receipt: id,
        },
        result: journalResult(result) as unknown as Record<string, unknown>,
      };
      let moves: Journal['moves'];
      let extra: Pick<Journal, 'mkdirs' | 'log' | 'now'>;
      if (target.scope === 'full') {
        const meta = { walnut: target.name, timestamp: ctx.timestamp, summary: 'received as a .walnut package' };
        const from = shapeNewWalnut(staging, plan, target.layout, { entry, meta }, now);
        moves = [{ from, to: targetRel }];
        extra = { mkdirs: target.createDomain ? [worldRel(world, target.domain)] : [], log: null, now: null };
      } else {
        const shaped = shapeBundles(staging, plan);
        moves = [...shaped].map(([u, from]) => ({ from, to: `${targetRel}/${u.to}` }));
        extra = {
          mkdirs: target.layout === 'v2' ? [`${targetRel}/bundles`] : [],
          log: { path: `${targetRel}/_kernel/log.md`, entry, walnut: target.name, timestamp: ctx.timestamp, summary: 'received as a .walnut package' },
          now: { walnut: targetRel, layout: target.layout, ...now },
        };
      }
      const beside = stageBeside(world, staging, id, checked, moves);
      if (plan.held.length) {
        writeJsonAtomic(join(staging, HELD_DIR, HELD_INDEX), {
          receipt: id,
          package: ctx.pkg,
          package_sha256: ctx.sha256,
          received_at: ctx.timestamp,
          target: targetRel,
          note: 'agent instruction/configuration files, and files of walnuts inside the received one, from a received package, kept out of the world; see docs/receive.md',
          files: result.held_back,
        });
        moves.push({ from: HELD_DIR, to: heldRel });
      }
      journal = { ...base, ...extra, moves, ...(beside ? { beside } : {}) };
      writeJournal(staging, journal);
    } catch (err) {
      discardStaging(world, staging);
      throw stagingFailure(err, receivingDir);
    }
    stage = 'moving';
    try {
      applyJournal(world, staging, journal);
    } catch (err) {
      throw new AliveError(
        `the import stopped while moving into place (${messageOf(err)}); run any receive in this world again to finish it, or see ${staging}`,
        { code: 'interrupted', cause: err, fields: { staging } },
      );
    }
    await recordAnywhere(ctx, journal.ledger, result.notes);
    return result;
  } finally {
    releaseInterrupt();
    lock.release();
    tidy(aliveDir, receivingDir, madeAlive);
  }
}

/**
 * The import, once in the world's ledger, in the relay folder's imported.json too (imported-log.ts):
 * a package pull saved waits no more once any of the user's worlds received it. The import is
 * done whatever happens here: a failure is a note. Loaded here, not with receive: the record's
 * relay modules would take receive's start-up past its bound (test/tooling/bundle-startup.test.ts).
 */
async function recordAnywhere(ctx: Ctx, ledger: Pick<LedgerEntry, 'source' | 'identity' | 'package_sha256' | 'received_at'>, notes: string[]): Promise<void> {
  const dir = relayDir(ctx.env);
  try {
    const { recordImported } = await import('../relay/imported-log.ts');
    const { source, identity, package_sha256 } = ledger;
    recordImported(dir, { source, ...(identity ? { identity } : {}), package_sha256, world: ctx.world, at: ledger.received_at });
  } catch (err) {
    notes.push(
      `the import is done, but it could not be recorded in ${join(dir, IMPORTED_LOG)} (${messageOf(err)}): if it came from a relay pull, ` +
        '`relay status` and the session notice may still count it as waiting to be received; delete its file under the relay inbox once you no longer need it',
    );
  }
}

/**
 * Removes an interrupted run's staging folder; false if it stays. The writer thread may still be
 * creating files in it, so the removal is tried again if one appeared meanwhile.
 */
function discardNow(world: string, staging: string): boolean {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      discardStaging(world, staging);
      return true;
    } catch {
      // a file created while the folder was being emptied
    }
  }
  return false;
}

/** The name of this run's staging folder under `.alive/receiving/` (the journal's id). */
function stagingId(timestamp: string): string {
  return `${timestamp.replace(/[-:]/g, '')}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** Failures of the file system under staging (not of our code): a full disk, a quota, a read-only mount. */
const WRITE_FAILURES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO', 'EMFILE', 'ENFILE']);

/**
 * A failure while the import is prepared in staging, before the commit point, as the user gets it:
 * the file system's (the disk filled while a tasks.md or companion was converted) is `unwritable`
 * in our words, as it is while unpacking; the world is as it was (staging is discarded first).
 */
export function stagingFailure(err: unknown, receivingDir: string): unknown {
  if (err instanceof AliveError) return err;
  const code = errnoCode(err);
  if (code === undefined || !WRITE_FAILURES.has(code)) return err;
  const why =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EDQUOT'
        ? 'the disk quota is used up'
        : code === 'EROFS'
          ? 'the file system is read-only'
          : messageOf(err);
  return new AliveError(
    `could not prepare the import in ${receivingDir} (${why}); nothing in the world was changed: free some space or fix the folder, then receive again`,
    {
      code: 'unwritable',
      cause: err,
    },
  );
}

/**
 * When the targets are on another file system than `.alive/receiving/` (preflight said so), moves
 * what will appear in the world into a hidden folder beside them, before the commit point, so
 * every rename after it stays on one file system. Returns that folder, world-relative.
 */
function stageBeside(world: string, staging: string, id: string, checked: PreflightResult, moves: Journal['moves']): string | undefined {
  if (checked.stageIn === undefined) return undefined;
  const rel = `${checked.stageIn === '.' ? '' : `${checked.stageIn}/`}${BESIDE_PREFIX}${id}`;
  writeBesideMarker(staging, rel);
  const dir = join(world, ...rel.split('/'));
  mkdirSync(dir, { mode: 0o700 });
  for (const m of moves) {
    moveAcross(join(staging, m.from), join(dir, m.from));
    m.base = 'beside';
  }
  return rel;
}

/** Removes the folders this run created when they ended up empty (the world stays as it was). */
function tidy(aliveDir: string, receivingDir: string, madeAlive: boolean): void {
  const rmEmpty = (d: string) => {
    try {
      rmdirSync(d);
    } catch {
      // not empty, or already gone
    }
  };
  // receiving/ is ours alone: an empty one is always removed.
  rmEmpty(receivingDir);
  if (madeAlive) rmEmpty(aliveDir);
}
