import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as z from '../json/zod.ts';
import { errnoCode } from '../errors.ts';
import { fsyncDir, writeJsonAtomic } from '../fs/atomic.ts';
import { readJsonFile } from '../json/file.ts';
import { isSamePackage } from '../package/identity.ts';
import type { PulledIdentity } from './package-step.ts';

/**
 * $ALIVE_HOME/relay/inbox/<sender>/: where pull puts packages. Files appear whole (written aside,
 * fsynced, hard-linked into place) and never replace an existing file.
 */

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Where a package `name` is downloaded to in `dir` before it is checked and placed (a hidden file). */
export function partialPath(dir: string, name: string): string {
  return join(dir, `.${name}.${randomBytes(4).toString('hex')}.part`);
}

const PARTIAL = /^\..+\.[0-9a-f]{8}\.part$/;

/**
 * Removes the partial downloads (see partialPath) that a pull ended by a signal (Ctrl-C, a kill)
 * left in `inbox/<sender>/`: their pull removes them itself otherwise. Only while holding the
 * pull lock, when no other pull can be writing one. Returns how many were removed.
 */
export function removeLeftoverPartials(inbox: string): number {
  let removed = 0;
  const list = (dir: string) => {
    try {
      return readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  for (const sender of list(inbox)) {
    if (!sender.isDirectory()) continue;
    for (const f of list(join(inbox, sender.name))) {
      const path = join(inbox, sender.name, f.name);
      if (!PARTIAL.test(f.name) || !lstatSync(path, { throwIfNoEntry: false })?.isFile()) continue;
      rmSync(path, { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * Moves a finished temp file to `dir/name`, or `name-1`, `name-2`... if taken. Returns the path used.
 * `dir` and each folder above it up to `root` are fsynced: a folder made for this file (a sender's,
 * its unverified/) is an entry of its parent, and the caller removes the package from the relay next.
 */
export function placeWithoutOverwrite(tmp: string, dir: string, name: string, root: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stem = name.replace(/\.walnut$/, '');
  for (let i = 0; i < 1000; i++) {
    const candidate = join(dir, i === 0 ? name : `${stem}-${i}.walnut`);
    try {
      linkSync(tmp, candidate);
    } catch (err) {
      if (errnoCode(err) === 'EEXIST') continue;
      throw err;
    }
    unlinkSync(tmp);
    for (let d = dir; ; d = dirname(d)) {
      fsyncDir(d);
      if (d === root || dirname(d) === d || !d.startsWith(root)) break;
    }
    return candidate;
  }
  throw new Error(`too many files named like ${name} in ${dir}`);
}

/**
 * Blob ids already saved locally, with the inbox folder each came from and whether it verified, so
 * a pull interrupted before its cleanup never duplicates a package; and, for verified packages,
 * their identity (packageIdentity: signer, created, what it says it is, files digest), so the same package delivered
 * again (replayed from the relay's history, re-gzipped, re-encrypted) is recognised as a duplicate
 * whatever its bytes.
 */
const receivedSchema = z.record(
  z.string().check(z.regex(/^[0-9a-f]{40,64}$/)),
  z.object({
    path: z.string(),
    at: z.string(),
    identity: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
    /** PulledIdentity.sealedTo, when the manifest named its recipients (absent: none, or written before it was kept). */
    sealedTo: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
    /** The inbox folder (sender) it was listed under; absent in entries written before it was kept. */
    from: z.optional(z.string()),
    verified: z.optional(z.boolean()),
  }),
);
export type ReceivedLog = z.output<typeof receivedSchema>;
export type ReceivedLogEntry = ReceivedLog[string];

export function readReceivedLog(path: string): ReceivedLog {
  try {
    return readJsonFile(path, receivedSchema, 'pull record', 'delete it (only duplicates can result)') ?? {};
  } catch {
    return {};
  }
}

/** The most entries received.json keeps of unverified packages, and of each sender's verified ones. */
export const RECEIVED_KEPT = 2000;

/**
 * Writes the log, keeping the latest RECEIVED_KEPT unverified entries and the latest RECEIVED_KEPT
 * verified ones of each sender (without case). One cap for all let anyone with write access to the
 * relay push every verified record out with 2,000 packages of junk (or a pinned peer with 2,000 of
 * their own), after which a package taken from the relay's history and put back was received again.
 */
export function writeReceivedLog(path: string, log: ReceivedLog): void {
  const entries = Object.entries(log).sort((a, b) => a[1].at.localeCompare(b[1].at));
  const seen = new Map<string, number>();
  const kept: typeof entries = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    const group = entry[1].verified === true ? `verified:${(entry[1].from ?? '').toLowerCase()}` : 'unverified';
    const n = seen.get(group) ?? 0;
    if (n >= RECEIVED_KEPT) continue;
    seen.set(group, n + 1);
    kept.push(entry);
  }
  writeJsonAtomic(path, Object.fromEntries(kept.reverse()), { mode: 0o600 });
}

/**
 * Where a verified copy of this blob, listed under the same sender folder (logins compare without
 * case), was saved by an earlier pull, if it is still there. The same bytes under another folder
 * (anyone with write access can copy a blob anywhere), an unverified copy, or an entry without a
 * sender (written by an older version) do not count: that package is downloaded and checked.
 */
export function alreadyReceived(log: ReceivedLog, blobSha: string, sender: string): string | undefined {
  const hit = log[blobSha];
  if (hit?.verified !== true || hit.from?.toLowerCase() !== sender.toLowerCase()) return undefined;
  return existsSync(hit.path) ? hit.path : undefined;
}

/** Where an unverified copy of this blob was saved by this or an earlier pull, if it is still there. */
export function unverifiedCopy(log: ReceivedLog, blobSha: string): string | undefined {
  const hit = log[blobSha];
  return hit && hit.verified !== true && existsSync(hit.path) ? hit.path : undefined;
}

/** Records a saved blob; an unverified copy never replaces the record of a verified one. */
export function recordReceived(log: ReceivedLog, blobSha: string, entry: ReceivedLogEntry): void {
  if (log[blobSha]?.verified === true && entry.verified !== true) return;
  log[blobSha] = entry;
}

/**
 * An earlier verified package with this identity, sealed to the same keys, whose saved copy is
 * still there (its path then), if any. Only then is a package delivered again a duplicate (and
 * removed from the relay): a copy the user deleted, or one sealed to a key they no longer have,
 * cannot stand for it. A record written before `sealedTo` was kept matches only a package naming
 * no recipients (one naming some is saved again: an extra copy, never a lost one).
 */
export function receivedIdentity(log: ReceivedLog, identity: PulledIdentity): { path: string; at: string } | undefined {
  for (const entry of Object.values(log)) {
    if (isSamePackage(entry.identity, identity) && (entry.sealedTo ?? '') === identity.sealedTo && existsSync(entry.path)) return entry;
  }
  return undefined;
}

/** The record fields of a verified package's identity. */
export function identityFields(identity: PulledIdentity): Pick<ReceivedLogEntry, 'identity' | 'sealedTo'> {
  return { identity: identity.current, ...(identity.sealedTo ? { sealedTo: identity.sealedTo } : {}) };
}
