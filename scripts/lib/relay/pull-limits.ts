/**
 * What one `relay pull` takes at most. Anyone who can write to a relay can leave thousands of
 * packages there, or hundreds of near-identical 100 MB blobs that git stores as cheap deltas, and
 * each costs pull a download, a write in full and a check (a v3 passphrase package up to four key
 * derivations); a package of a few MB can expand to GBs (gzip of zeros), which a check inflates and
 * hashes. Past any cap the rest stays on the relay for the next pull. The caps are ours, not the
 * free disk's.
 */
import { AliveError } from '../errors.ts';

export interface PullLimits {
  /** Packages downloaded and checked in one pull (duplicates known from received.json are free). */
  packages: number;
  /** Bytes downloaded in one pull; the first package is always taken (within --max-size). */
  bytes: number;
  /** Packages taken in one pull from each sender that is not a pinned peer (theirs cannot verify). */
  unpinnedPerSender: number;
  /**
   * Bytes of package contents (the files a verified manifest lists) one pull expands to check them;
   * the first package is always checked (within --max-size).
   */
  expandedBytes: number;
  /**
   * Copies of a package received before (or saved earlier in the pull) removed from the relay in
   * one pull: free to check, but a removal each, a commit each on GitHub (3,000 copies of one blob
   * made 3,001 requests; fourth review of 2026-12-07).
   */
  duplicates: number;
}

export const PULL_MAX_PACKAGES = 200;
export const PULL_MAX_BYTES = 4 * 1024 * 1024 * 1024;
export const PULL_MAX_PER_UNPINNED_SENDER = 10;
export const PULL_MAX_EXPANDED_BYTES = 8 * 1024 * 1024 * 1024;
export const PULL_MAX_DUPLICATES = 100;
/**
 * Most bytes of a package (entries' headers and data) pull reads before its manifest, whose
 * signature it checks before reading on: alive writes the manifest first (the 2.0 reference after
 * its root files, a README.md). Past it the package is refused at that entry's header, unread.
 */
export const PULL_BEFORE_MANIFEST_BYTES = 1024 * 1024;

let testLimits: Partial<PullLimits> | undefined;

export function pullLimits(): PullLimits {
  return {
    packages: testLimits?.packages ?? PULL_MAX_PACKAGES,
    bytes: testLimits?.bytes ?? PULL_MAX_BYTES,
    unpinnedPerSender: testLimits?.unpinnedPerSender ?? PULL_MAX_PER_UNPINNED_SENDER,
    expandedBytes: testLimits?.expandedBytes ?? PULL_MAX_EXPANDED_BYTES,
    duplicates: testLimits?.duplicates ?? PULL_MAX_DUPLICATES,
  };
}

/**
 * TEST ONLY: lower the caps (undefined restores them), so tests need a few small packages, not
 * hundreds of large ones. Nothing under scripts/ calls it (no bundle contains it), it reads no
 * environment variable or flag, and it throws unless it runs under vitest.
 */
export function setPullLimitsForTests(limits: Partial<PullLimits> | undefined): void {
  if (process.env.VITEST !== 'true') throw new Error('setPullLimitsForTests is for the test suite only');
  testLimits = limits;
}

/**
 * How far ahead of the others a sender's packages are taken: 0 a pinned peer's, 1 a peer you added
 * whose key is not pinned yet, 2 any other folder (a removed peer's too).
 */
export type PullTier = 0 | 1 | 2;

/**
 * The order one pull takes packages in, so that its caps are shared out: pinned peers' packages
 * first, then those of peers not pinned yet, then those of every other folder; within each, the
 * senders take turns, one package a turn, each sender's in listing order. Taken in path order, one
 * folder of junk that sorted first (inbox/aaa-spam/) used up every pull's caps before a peer's
 * package was reached; junk split over many folders still crowded out a peer added but not pinned.
 */
export function pullOrder<T extends { sender: string }>(entries: readonly T[], tier: (sender: string) => PullTier): T[] {
  const groups = [new Map<string, T[]>(), new Map<string, T[]>(), new Map<string, T[]>()];
  for (const e of entries) {
    const bySender = groups[tier(e.sender)]!;
    // Folder names are matched to logins case-insensitively: `Bob` and `bob` are one sender.
    const key = e.sender.toLowerCase();
    const queue = bySender.get(key);
    if (queue) queue.push(e);
    else bySender.set(key, [e]);
  }
  return groups.flatMap((bySender) => takeTurns([...bySender.values()]));
}

function takeTurns<T>(queues: T[][]): T[] {
  const out: T[] = [];
  for (let turn = 0; queues.length > 0; turn++) {
    for (const queue of queues) out.push(queue[turn]!);
    queues = queues.filter((queue) => queue.length > turn + 1);
  }
  return out;
}

/** A package that one more would pass the byte cap: pull leaves it (and the rest) on the relay. */
export function overPullLimit(): AliveError {
  return new AliveError('this pull has taken as many bytes as one pull takes', { code: 'pull_limit' });
}

/** What one pull has taken so far, against its caps. */
export class PullBudget {
  private packages = 0;
  private admitted = 0;
  private bytes = 0;
  private perSender = new Map<string, number>();
  private checked = 0;
  private expanded = 0;
  /** Which cap stopped the pull, if one did. */
  reached: 'packages' | 'bytes' | 'expanded' | null = null;
  /** Packages left on the relay by the per-sender cap, by sender (lower case). */
  readonly heldBack = new Map<string, number>();

  constructor(readonly limits: PullLimits) {}

  /**
   * Counts one more package to download and check; false (and nothing counted) past the package
   * cap, or past the per-sender cap for `unpinnedSender` (given for a sender not a pinned peer).
   */
  startPackage(unpinnedSender?: string): boolean {
    if (this.packages >= this.limits.packages) {
      this.reached = 'packages';
      return false;
    }
    if (unpinnedSender !== undefined) {
      const key = unpinnedSender.toLowerCase();
      const taken = this.perSender.get(key) ?? 0;
      if (taken >= this.limits.unpinnedPerSender) {
        this.heldBack.set(key, (this.heldBack.get(key) ?? 0) + 1);
        return false;
      }
      this.perSender.set(key, taken + 1);
    }
    this.packages++;
    return true;
  }

  /**
   * The transport's size check, before a byte is written: throws overPullLimit() when `size` more
   * would pass the byte cap. The first package is always taken, so every pull makes progress.
   */
  readonly admit = (size: number): void => {
    if (this.admitted > 0 && this.bytes + size > this.limits.bytes) {
      this.reached = 'bytes';
      throw overPullLimit();
    }
    this.admitted++;
    this.bytes += size;
  };

  /**
   * A check's size check, once a package's manifest verified and before its files are read: throws
   * overPullLimit() when `bytes` more of contents would pass the expansion cap. The first package
   * checked is always taken.
   */
  readonly admitExpanded = (bytes: number): void => {
    if (this.checked > 0 && this.expanded + bytes > this.limits.expandedBytes) {
      this.reached = 'expanded';
      throw overPullLimit();
    }
    this.checked++;
    this.expanded += bytes;
  };
}
