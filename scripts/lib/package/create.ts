import { realpathSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import { ALIVE_VERSION } from '../version.ts';
import { collectWalnut, leaveOutFoundKeys, type CollectResult, type HeldBackBundle, type Skipped } from './collect.ts';
import { KeyScanner, scannedWhileHashed } from './private-key.ts';
import { digestPackedBytes, packedBytesChecked } from './file-source.ts';
import { serializeManifest, utcStamp, MANIFEST_NAME, type Scope } from './manifest.ts';
import type { FileListing } from './planned-files.ts';
import { writeTarGz, type WrittenArchive } from './archive-out.ts';
import { findAgentFiles, type AgentFileHit } from '../walnut/agent-files.ts';
import type { OnProgress } from './progress.ts';
import type { TarWriter } from './tar-writer.ts';
import { filesDigestV3 } from './v3.ts';
import { chooseOutput } from './output-path.ts';
import { checkDescription } from './create-request.ts';
import { checkEntryCount, checkNameCollisions, overReceiverLimit, type OverReceiverLimit } from './receiver-limit.ts';

export { chooseOutput, type OutputChoice } from './output-path.ts';

export interface CreateOptions {
  walnut: string;
  scope: Scope;
  bundles: string[];
  output?: string;
  description?: string;
  allowSensitive: boolean;
  /** Sensitive bundles to pack, each by name (collect.ts): the owner's yes for each. */
  allowSensitiveBundles?: readonly string[];
  /** Pack files that look like private keys (collect.ts leaves them out otherwise). */
  allowPrivateKeys?: boolean;
  now?: Date;
  /** Bytes packed so far (a command passes ctx.progress). */
  onProgress?: OnProgress;
}

export interface StagedPlan {
  walnutName: string;
  /** Its files each hashed (their digests kept with them). */
  collected: CollectResult;
  /** The manifest's entries, made one at a time from `collected.files`. */
  files: FileListing;
}

/**
 * What create says of a package packed from a plan, besides where it went: its counts, and what it
 * left out or carries that a receiver treats apart (each also a warning).
 */
export interface PackedSummary {
  files: number;
  /** Bytes of content packed (before compression). */
  contentBytes: number;
  heldBack: HeldBackBundle[];
  /** Bundles marked sensitive that were packed (create warns). */
  sensitiveIncluded: HeldBackBundle[];
  skipped: Skipped[];
  /** Files packed that look like private keys (with allowPrivateKeys). */
  privateKeys: string[];
  /** Agent instruction/configuration files packed (create warns; a receiver holds them back). */
  agentFiles: AgentFileHit[];
  /** Files packed whose names a receiver on Windows refuses (create warns). */
  notForWindows: Skipped[];
  /** Set when a receiver refuses the package by default, for its size (create warns). */
  overReceiverLimit: OverReceiverLimit | undefined;
}

export interface CreateResult extends WrittenArchive, PackedSummary {
  scope: Scope;
}

/**
 * The summary of a package packed from `plan`, whose files are `listing` (a 2.1 package lists its
 * bundles at other paths, and a primer) and which left out `skipped`.
 */
export function packedSummary(plan: StagedPlan, walnut: string, listing: FileListing = plan.files, skipped: Skipped[] = plan.collected.skipped): PackedSummary {
  let contentBytes = 0;
  for (const f of listing) contentBytes += f.size;
  return {
    files: listing.length,
    contentBytes,
    heldBack: plan.collected.heldBack,
    sensitiveIncluded: plan.collected.sensitiveIncluded,
    skipped,
    privateKeys: plan.collected.privateKeys,
    agentFiles: packedAgentFiles(plan.collected, walnut),
    notForWindows: plan.collected.notForWindows,
    overReceiverLimit: overReceiverLimit(listing),
  };
}

/**
 * The agent files among what is packed, named by their path in the walnut, which .walnutignore
 * matches (a 2.0 package puts a v3 walnut's bundle `launch/` under `bundles/launch/`).
 */
export function packedAgentFiles(collected: CollectResult, walnut: string): AgentFileHit[] {
  const { files } = collected;
  const hits = findAgentFiles(Array.from({ length: files.length }, (_, i) => files.path(i)));
  if (hits.length === 0) return hits;
  // The sources of the hits only (not a map of every file's).
  const hit = new Set(hits.map((h) => h.path));
  const source = new Map<string, string>();
  for (let i = 0; i < files.length; i++) if (hit.has(files.path(i))) source.set(files.path(i), files.at(i).source);
  // Sources are real paths (collect resolves links): so is the walnut's, for a walnut reached through one.
  const root = realPathOr(resolve(walnut));
  return hits.map((h) => {
    const from = source.get(h.path);
    return from === undefined ? h : { ...h, path: relative(root, from).split(sep).join('/') };
  });
}

function realPathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Collects and hashes the walnut's files: everything a manifest needs, before any archive is written. */
export async function planPackage(opts: CreateOptions): Promise<StagedPlan> {
  // The command checked the request before asking anything; collectWalnut checks it again for
  // library callers, and the description here.
  checkDescription(opts.description);
  const walnutName = basename(resolve(opts.walnut));
  const collected = collectWalnut({
    walnut: opts.walnut,
    scope: opts.scope,
    bundles: opts.bundles,
    allowSensitive: opts.allowSensitive,
    ...(opts.allowSensitiveBundles ? { allowSensitiveBundles: opts.allowSensitiveBundles } : {}),
    allowPrivateKeys: opts.allowPrivateKeys === true,
  });
  checkEntryCount(collected.files.length);
  checkNameCollisions(collected.files);
  // Each large file's bytes past what collect read are searched for a key as they are hashed:
  // why one holds a key, by source (a link and its target are searched once).
  const searched = new Map<string, string | undefined>();
  for (let i = 0; i < collected.files.length; i++) {
    const f = collected.files.at(i);
    const scanner = scannedWhileHashed(f.diskSize) && !searched.has(f.source) ? new KeyScanner() : undefined;
    collected.files.setDigest(i, await digestPackedBytes(f, scanner && ((chunk) => scanner.push(chunk))));
    if (scanner) searched.set(f.source, scanner.finish());
  }
  const found = new Map([...searched].filter((e): e is [string, string] => e[1] !== undefined));
  if (found.size > 0) leaveOutFoundKeys(collected, found, { walnut: opts.walnut, allowPrivateKeys: opts.allowPrivateKeys === true });
  return { walnutName, collected, files: collected.files.listing };
}

export function manifestTextFor(plan: StagedPlan, opts: CreateOptions, extra: { encrypted: boolean; payloadSha256?: string; recipients?: string[] }): string {
  return serializeManifest({
    walnut: plan.walnutName,
    scope: opts.scope,
    created: utcStamp(opts.now),
    encrypted: extra.encrypted,
    files: plan.files,
    pluginVersion: ALIVE_VERSION,
    ...(opts.description ? { description: opts.description } : {}),
    ...(opts.scope === 'bundle' ? { bundles: plan.collected.bundles } : {}),
    ...(extra.payloadSha256 ? { payloadSha256: extra.payloadSha256 } : {}),
    ...(extra.recipients ? { recipients: extra.recipients } : {}),
  });
}

/**
 * Writes every planned file into `tar`, re-hashing each on the way (a file that changed fails),
 * reporting the bytes packed to `onProgress`.
 */
export async function writePlannedFiles(tar: TarWriter, plan: StagedPlan, onProgress: OnProgress = () => {}): Promise<void> {
  const { files } = plan.collected;
  let totalBytes = 0;
  for (let i = 0; i < files.length; i++) totalBytes += files.digest(i).size;
  let done = 0;
  for (let i = 0; i < files.length; i++) {
    const f = files.at(i);
    const d = files.digest(i);
    await tar.addFile(
      { path: f.path, size: d.size, mode: f.mode, mtimeSec: f.mtimeSec },
      counted(packedBytesChecked(f, d), (n) => onProgress({ phase: 'packing', doneBytes: (done += n), totalBytes, finished: false })),
    );
  }
  onProgress({ phase: 'packing', doneBytes: done, totalBytes, finished: true });
}

async function* counted(source: AsyncIterable<Buffer>, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    onBytes(chunk.length);
    yield chunk;
  }
}

export function manifestEntryMeta(text: string, now?: Date) {
  return {
    path: MANIFEST_NAME,
    size: Buffer.byteLength(text),
    mode: 0o644,
    mtimeSec: Math.floor((now ?? new Date()).getTime() / 1000),
  };
}

/** Writes the unencrypted 2.0 package of `plan` at `output`. */
export async function writePlainPackage(
  output: string,
  plan: StagedPlan,
  opts: CreateOptions,
  signManifest?: (text: string) => string,
): Promise<WrittenArchive> {
  // The v3 files digest lets the v3 plugin open our plain 2.0 packages (it requires the field).
  let manifest = manifestTextFor(plan, opts, { encrypted: false, payloadSha256: filesDigestV3(plan.files) });
  if (signManifest) manifest = signManifest(manifest);
  const meta = manifestEntryMeta(manifest, opts.now);
  // Only its bytes are kept, and only until written: the text (100,000 files: 14 MB) stayed while
  // every file was packed.
  let bytes: Buffer | undefined = Buffer.from(manifest);
  const takeBytes = () => {
    const b = bytes!;
    bytes = undefined;
    return b;
  };
  return writeTarGz(output, async (tar) => {
    await tar.addFile(meta, takeBytes());
    await writePlannedFiles(tar, plan, opts.onProgress);
  });
}

/** `alive-p2p create` for an unencrypted package, as a library call: plans, writes, sums up. */
export async function createPlainPackage(opts: CreateOptions, signManifest?: (text: string) => string): Promise<CreateResult> {
  const output = chooseOutput(opts).path;
  const plan = await planPackage(opts);
  const written = await writePlainPackage(output, plan, opts, signManifest);
  return { ...written, scope: opts.scope, ...packedSummary(plan, opts.walnut) };
}
