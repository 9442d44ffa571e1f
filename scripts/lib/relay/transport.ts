import type { OnProgress } from '../package/progress.ts';
import type { Transport } from './config.ts';
import type { OriginRecord } from './relay-origin.ts';

/** A package waiting in the user's own relay, at `inbox/<sender>/<name>`. */
export interface InboxEntry {
  sender: string;
  name: string;
  path: string;
  /** Git blob id: lets a download be checked and a delete target exactly what was read. */
  blobSha: string;
  size?: number;
}

export interface InboxListing {
  /** Commit the listing was read from (null for an empty relay). */
  head: string | null;
  entries: InboxEntry[];
  /** Paths under inbox/ that are not `inbox/<login>/<safe name>.walnut` (never downloaded). */
  ignored: string[];
}

/** Where a peer's relay lives: their login and `owner/repo` (github) or Git URL (git). */
export interface PeerRelay {
  login: string;
  relay: string;
}

export interface SetupResult {
  /** The relay's address as stored in relay.json (`owner/walnut-relay` or the Git URL). */
  repo: string;
  url: string | null;
  created: boolean;
  keyPublished: boolean;
  head: string | null;
  /** The branch the relay uses (GitHub: the repository's default branch). */
  branch?: string;
  /** What setup could not do and the relay works without (git: a serving setting of a relay in a folder). */
  warning?: string;
  /** git: the relay was empty or held only what a relay does (not-your-relay.ts), so it is the user's. */
  checked?: boolean;
}

export interface DeliverResult {
  path: string;
  name: string;
  commit: string | null;
  via: 'git' | 'contents-api' | 'git-data-api';
  /** Git blob id of the package on the relay (a large GitHub upload: as the server named it). */
  blob: string;
}

/** Ends a network call when the deadline (epoch ms) passes. */
export interface CallLimits {
  deadline?: number;
}

export interface RelayTransport {
  readonly kind: Transport;
  /** Creates the user's relay if needed and publishes `keys/<login>.pem`. */
  setup(publicKeyPem: string): Promise<SetupResult>;
  /** Reads `keys/<login>.pem` from a peer's relay. */
  fetchPeerKey(peer: PeerRelay, limits?: CallLimits): Promise<string>;
  /**
   * Writes a package into `inbox/<me>/` of the peer's relay under a fresh name, never over an
   * existing file. `checkKey` sees the key the relay holds at that moment and may refuse.
   * `onProgress` hears the bytes sent (phase `uploading`), ending with a finished event.
   */
  deliver(peer: PeerRelay, localPath: string, nextName: () => string, checkKey: (pem: string) => void, onProgress?: OnProgress): Promise<DeliverResult>;
  /**
   * What waits from the user in a peer's relay: `inbox/<me>/*.walnut` with the names pull takes
   * and their blob ids, read from the listing (nothing is downloaded).
   */
  listDeposits(peer: PeerRelay, limits?: CallLimits): Promise<InboxEntry[]>;
  /**
   * The user's own `keys/<login>.pem` as the relay holds it now: null when it is not there, '' when
   * something that is no file stands in its place (a folder, a submodule: read as a replaced key).
   */
  ownKey(limits?: CallLimits): Promise<string | null>;
  /** Lists `inbox/*\/*.walnut` of the user's own relay. */
  listInbox(limits?: CallLimits): Promise<InboxListing>;
  /**
   * Streams one package to `dest` (created exclusively; never overwritten). More than `maxBytes`
   * is refused (code too_large) and the download stopped. `onProgress` hears the bytes received
   * (phase `downloading`; total 0 while unknown), ending with a finished event. `admit` hears the
   * package's size, once, before a byte of it is written to `dest` (GitHub: the listed size, before
   * the request; git: once the blob is in the clone) and may throw to refuse it (a server that
   * gives no size at all: once the download is complete, before it is used).
   */
  download(entry: InboxEntry, dest: string, maxBytes?: number, onProgress?: OnProgress, admit?: (size: number) => void): Promise<void>;
  /** Deletes packages from the relay (only those still holding the same blob). */
  remove(entries: InboxEntry[]): Promise<void>;
  /** Whether a peer's relay answers (probe). */
  isReachable(peer: PeerRelay, limits?: CallLimits): Promise<boolean>;
  /**
   * Whether the user's relay, at `head` (a listing's), was someone else's relay or another repository
   * when the user's key was added to it (relay-origin.ts), read from what the listing fetched; a
   * judgement the deadline ends is thrown (git_timeout). null: the user's; undefined: it cannot be
   * told (a cut history), so what was found before stands. The git transport's: a GitHub relay is the
   * user's own `<login>/walnut-relay`.
   */
  notYourRelay?(head: string | null, limits?: CallLimits): Promise<OriginRecord | null | undefined>;
}

/**
 * Reports transfer bytes to `onProgress` so that they never go back and stay within `total`. With
 * no total (0: a git download, whose listing gives no sizes) they are the bytes that came, which
 * for git are its pack's: the package and the pack's framing, so they may end a little past the
 * package's size, which the finished event then gives (`bytes`).
 */
export function transferProgress(phase: 'uploading' | 'downloading', onProgress: OnProgress | undefined, total: number) {
  let done = 0;
  let started = false;
  let ended = false;
  return {
    start(): void {
      started = true;
      onProgress?.({ phase, doneBytes: 0, totalBytes: total, finished: false });
    },
    bytes(n: number): void {
      const next = total > 0 ? Math.min(n, total) : n;
      if (ended || next <= done) return;
      done = next;
      onProgress?.({ phase, doneBytes: done, totalBytes: total, finished: false });
    },
    finish(bytes: number): void {
      if (ended) return;
      ended = true;
      onProgress?.({ phase, doneBytes: bytes, totalBytes: bytes, finished: true });
    },
    /** A transfer that failed also ends its phase: a progress line is cleared before the error is shown. */
    abandon(): void {
      if (started) this.finish(done);
    },
  };
}
