import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve, join } from 'node:path';
import { AliveError, errnoCode, messageOf, untrustedDetailOf } from '../errors.ts';
import {
  DEEP_TREE_CRASH,
  GitError,
  GIT_IDENTITY,
  gitProgressBytes,
  hitFileLimit,
  hitMemoryLimit,
  historyLog,
  inRepository,
  runGit,
  runGitBytes,
  redactUrls,
  type GitResult,
  type GitRunOptions,
} from './git-run.ts';
import { killAllChildren } from '../proc/tracked.ts';
import { addRemoteSection, remoteUrlInFile } from './git-config-file.ts';
import { COMPACT_SLACK_BYTES, fetchStarting, storeBytes } from './clone-users.ts';
import { isSafeDepositName, isValidLogin } from './names.ts';
import { isRegularFileMode } from './tree-mode.ts';
import type { OnProgress } from '../package/progress.ts';
import {
  transferProgress,
  type CallLimits,
  type DeliverResult,
  type InboxEntry,
  type InboxListing,
  type PeerRelay,
  type RelayTransport,
  type SetupResult,
} from './transport.ts';
import { inlineText } from '../text/untrusted.ts';
import { gitUrlHoldsSecret, isUsableGitUrl, RELAY_URL_FORMS, URL_SECRET_PROBLEM } from './repo-name.ts';
import { TRANSFER_IDLE_MS } from './transfer-idle.ts';
import type { OriginRecord } from './relay-origin.ts';
import type { GivenChecks } from './url-as-given.ts';

/**
 * The `git` transport: any Git URL or local path, driven with the git command.
 *
 * The local `clone/` is a bare, blob-less repository with one remote per relay (`origin` for the
 * user's own, `peer-<login>` for each peer). Nothing is ever checked out: listings read trees,
 * a download fetches exactly one blob, and deliveries and deletions build the next commit with a
 * temporary index and push it. A push that loses a race is rebuilt on the new tip and retried.
 */

const NETWORK_TIMEOUT_MS = 120_000;
/**
 * How long a package's push or fetch may take in all: 4 GiB (pull's default --max-size) at 256 KB/s.
 * It is stopped sooner when no byte moved for TRANSFER_IDLE_MS (transfer-idle.ts, as on GitHub):
 * while bytes move, a push's progress reports them about every second and a fetch's temporary pack
 * grows; git's quiet phases before the first byte (counting, compressing one blob of up to 512 MB
 * whole in memory) took under 30 s for 500 MB on a slow machine. The idle time catches a stall;
 * this total only bounds a link that trickles, which no fixed 2 or 30 minutes suited (300 MB at
 * 1 MB/s failed). What a push writes under work/ is taken for a killed push's an hour past this
 * (work-leftovers.ts, LEFTOVER_AGE_MS).
 */
const TRANSFER_TIMEOUT_MS = 5 * 60 * 60_000;
const LOCAL_TIMEOUT_MS = 60_000;
/** How often a download shown on a terminal looks at the size of the pack git is receiving. */
const PACK_SAMPLE_MS = 250;
const PUSH_ATTEMPTS = 8;
/** What an ls-remote of one branch may print: a line (more is the same branch advertised again). */
const LS_REMOTE_MAX_BYTES = 64 * 1024;
/** A PEM RSA public key is under 2 KiB; a key file in a peer's relay beyond this is not read. */
const MAX_KEY_BYTES = 64 * 1024;
/**
 * The most a tree listing may print (about 350,000 paths). Git stores a tree once however often it
 * is named, so a few hundred KB of trees committed by anyone with write access can spell an
 * inbox/ of millions of paths; listed whole it took gigabytes and ended in a JavaScript error.
 */
const MAX_LISTING_BYTES = 32 * 1024 * 1024;
/** The most of the deposit history depositDetails reads; past it, the listing goes without details. */
const DEPOSIT_LOG_MAX_BYTES = 16 * 1024 * 1024;
const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 100) / 100} MiB`;
/**
 * Packages are gzip'd and encrypted already: compressing them again (zlib) or searching them for
 * deltas costs seconds per 64 MB and gains nothing. pack.compression and core.looseCompression too:
 * a user's own setting of them wins over core.compression, and at 9 it made a push of 200 MB take
 * 4 s more CPU (and a package under 512 MB is deflated whole before its first byte is sent, with
 * no progress shown meanwhile).
 * (core.bigFileThreshold is not used: in a partial clone its streaming path asks the promisor
 * remote for the object before writing it.)
 */
const PACKAGE_FRIENDLY = ['-c', 'core.compression=0', '-c', 'core.looseCompression=0', '-c', 'pack.compression=0', '-c', 'pack.window=0'];

/** Serialises config changes to a clone within this process (git's config.lock does not wait). */
const configLocks = new Map<string, Promise<unknown>>();
/** The clone's remote for a peer's relay is `peer-<login>`. */
const PEER_REMOTE = 'peer-';

/** Another writer got there first (remote moved, or a ref was locked): rebuild and retry. */
function isRace(err: GitError): boolean {
  return /\[rejected\]|non-fast-forward|fetch first|behind its remote|stale info|cannot lock ref|unable to update local ref|failed to update ref/i.test(
    `${err.stdout}\n${err.stderr}`,
  );
}

/** Git could not take a lock file (clone-lock.ts tells whose, and handles one of the clone's). */
function isLockFailure(err: unknown): err is GitError {
  return err instanceof GitError && !err.timedOut && /\.lock': File exists/.test(err.stderr);
}

function jitter(attempt: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.random() * 50 * (attempt + 1)));
}

export interface GitTransportOptions {
  login: string;
  url: string;
  branch: string;
  clonePath: string;
  /** Scratch folder for temporary index files. */
  workDir: string;
  /** No file a commits-and-trees fetch writes may grow past this (default TREE_FETCH_MAX_BYTES). */
  treeFetchMaxBytes?: number;
  /** No listing of a tree (ls-tree's output) is read past this (default MAX_LISTING_BYTES). */
  listingMaxBytes?: number;
  /** No history read for deposit details (git log's output) is read past this (default DEPOSIT_LOG_MAX_BYTES). */
  depositLogMaxBytes?: number;
  /** A package's push or fetch may go this long without a byte moving (default TRANSFER_IDLE_MS). */
  transferIdleMs?: number;
  /** ... and last this long in all (default TRANSFER_TIMEOUT_MS). */
  transferTimeoutMs?: number;
  /** False: a fetch never compacts the clone (the session hook's probe, whose budget is seconds). */
  compactClone?: boolean;
  /** Growth of the clone's objects that makes a fetch compact it (default COMPACT_SLACK_BYTES). */
  compactSlackBytes?: number;
  /** relay.json names this relay: setup runs again on it (not-your-relay.ts refuseGitRepository). */
  setUpBefore?: boolean;
  /** relay.json's setup_checked names this relay: setup found it the user's, so no history says otherwise. */
  setupChecked?: boolean;
  /** relay.json, where notYourRelay records setup_checked once it judged the relay the user's (relay-origin.ts recordJudgedOwn). */
  recordCheckedIn?: string;
}

/**
 * A relay's commits and trees stay small (thousands of entries are a few MiB). A fetch that writes
 * more comes from a server that ignores --filter=blob:none and sends every package whole: stopped
 * there, so a peer's deposits cannot fill the disk through a listing, a probe or a key fetch.
 */
export const TREE_FETCH_MAX_BYTES = 64 * 1024 * 1024;

const GiB = 1024 ** 3;
/**
 * The address space each process of a git run here may map (GitRunOptions.maxMemoryBytes), but for
 * a package's own transfer: a peer's relay (a listing, a key, a reachability check, the probe's)
 * served a 17 KB pack whose one delta expanded to 2 GiB in git's index-pack, and a server that
 * ignores --filter=blob:none sends it whatever is asked. Measured with git 2.39: a blob-less
 * listing of a relay in a folder holding a 1.6 GB pack needs 1.25 GiB (the local upload-pack maps
 * 1 GiB windows of the pack, and ignores core.packedGitWindowSize), 1 GiB fails; the rest of a
 * listing, a key or ls-remote needs under 160 MiB.
 */
export const LISTING_MEMORY_BYTES = 2 * GiB;

/**
 * For git writing objects from bytes alive made (hash-object of its own text, mktree --missing of
 * entries it listed): no relay object is read, so no memory limit, and no shell to set one.
 */
const READS_NO_RELAY_OBJECT = { maxMemoryBytes: Number.POSITIVE_INFINITY };

let testListingMemory: number | undefined;

/**
 * Test-only: the listing limit (undefined: LISTING_MEMORY_BYTES), so that a test of a pack that
 * expands past it need not make git fill 2 GiB first (18 s). Nothing under scripts/ calls it.
 */
export function setListingMemoryForTests(bytes: number | undefined): void {
  if (process.env.VITEST !== 'true') throw new Error('setListingMemoryForTests is for the test suite only');
  testListingMemory = bytes;
}

/**
 * The address space of a package's download (fetch and cat-file), from pull's --max-size. Measured
 * with git 2.39, from a relay in a folder (its upload-pack under the same limit): 64 MB needs
 * 160 MiB, 512 MB 1.05 GiB (a blob under core.bigFileThreshold is read whole), 1 GiB 1.6 GiB
 * (larger blobs are streamed: a 1 GiB pack window and what git adds). So 1 GiB over the size, and
 * never under 2 GiB; a delta that expands past that is refused. No size, no limit.
 */
export function packageMemoryBytes(maxBytes: number | undefined): number | undefined {
  return maxBytes === undefined ? undefined : Math.max(2 * GiB, maxBytes + GiB);
}

/**
 * A fetch resolves deltas in one thread: every thread of index-pack reserves a stack and a malloc
 * arena (64 MiB each in glibc) out of the address space above, and a relay's commits and trees, or
 * one package, gain nothing from more.
 */
const FETCH_ONE_THREAD = ['-c', 'pack.threads=1'];

/** No automatic gc or maintenance under a file-size limit: a repack of the whole clone would die of it. */
const NO_AUTO_GC = ['-c', 'gc.auto=0', '-c', 'maintenance.auto=false'];

/**
 * A fetch takes what the relay holds however its trees are named: a user's transfer.fsckObjects
 * (a common hardening) refused a relay in which anyone with write access had committed `inbox/..`,
 * so that relay could no longer be listed, pulled or cleaned. The clone is never checked out, and
 * every name read from it is checked before it is used (names.ts).
 */
const FETCH_UNCHECKED = ['-c', 'fetch.fsckObjects=false'];

const README = `# walnut relay

This repository is a mailbox managed by alive (alive-p2p relay). Do not edit it by hand.

- \`keys/<owner>.pem\`: the owner's public key. Peers pin its SHA-256 fingerprint.
- \`inbox/<sender>/<file>.walnut\`: packages that <sender> delivered to the owner, encrypted to
  the owner's key and signed by the sender. The owner pulls them and removes them from here.
`;

export function relayReadme(): string {
  return README;
}

/** A local path (not a URL or scp-like `host:path`). */
export function isLocalPath(url: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return false;
  if (/^[^/]+:/.test(url) && !/^[A-Za-z]:[\\/]/.test(url)) return false; // user@host:path
  return true;
}

/**
 * A push to a folder (or a file:// URL) runs git-receive-pack on this machine, as this user, inside
 * that repository: with its hooks and its config, which whoever can write there (a synced or
 * shared folder) may have planted. Git drops `-c` options when it starts the other side, so the
 * receiving command itself is given with hooks off and with the settings that run commands
 * overridden: the command that lists an alternate store's refs, the update of a checked-out work
 * tree (it runs the config's filters), and an automatic gc. Only for local remotes: a server over
 * ssh accepts nothing but its own git-receive-pack, and HTTP ignores the option.
 */
const LOCAL_RECEIVE_PACK_WITHOUT_HOOKS = `--receive-pack=git ${[
  'core.hooksPath=/dev/null',
  'core.alternateRefsCommand=true',
  'receive.denyCurrentBranch=refuse',
  'receive.autogc=false',
  // The user's transfer.fsckObjects refused the new inbox tree when it carried over `..` (see FETCH_UNCHECKED).
  'receive.fsckObjects=false',
  // Stored as sent (see PACKAGE_FRIENDLY): a user's core.looseCompression or pack.compression, which
  // win over the folder's own core.compression = 0, made it deflate a package whole, silently.
  'core.compression=0',
  'core.looseCompression=0',
  'pack.compression=0',
]
  .map((setting) => `-c ${setting}`)
  .join(' ')} receive-pack`;

/**
 * A fetch from a folder (or a file:// URL) runs git-upload-pack on this machine, and it reads the
 * user's protected config: a global uploadpack.packObjectsHook ran for every fetch from a local
 * relay (accept failed with it as a network failure). The setting takes no empty value (git then
 * runs an empty command), so it is given one that runs the pack-objects command git hands it as it
 * is: git runs a value holding a shell character as `sh -c '<value> "$@"'`, here `true && "$@"`.
 * The upload-pack command is itself a shell command line (git adds the quoted folder), hence the
 * quotes. For every local fetch: the trees' fetch, a key's, a package's.
 */
const UPLOAD_PACK_NO_HOOK = `-c 'uploadpack.packObjectsHook=true &&'`;

const LOCAL_UPLOAD_PACK = `--upload-pack=git ${UPLOAD_PACK_NO_HOOK} upload-pack`;

/**
 * The sending side of a fetch of a package from a folder: it too ignores our `-c` options and reads
 * the user's pack.compression, which made it deflate a blob whole before sending a byte (26 s for
 * 500 MB at 9 here). Only for a blob fetch, which is one object.
 */
const LOCAL_UPLOAD_PACK_AS_STORED = `--upload-pack=git ${UPLOAD_PACK_NO_HOOK} -c core.compression=0 -c pack.compression=0 upload-pack`;

/** The upload-pack option of a fetch from `url`: none for a remote one. */
function localUploadPack(url: string, asStored: boolean): string[] {
  if (!isLocalRemote(url)) return [];
  return [asStored ? LOCAL_UPLOAD_PACK_AS_STORED : LOCAL_UPLOAD_PACK];
}

function isLocalRemote(url: string): boolean {
  return isLocalPath(url) || /^file:\/\//i.test(url);
}

export function normaliseGitUrl(url: string): string {
  const trimmed = url.trim();
  if (trimmed === '') throw new AliveError('the relay URL is empty', { code: 'bad_url' });
  if (gitUrlHoldsSecret(trimmed)) throw new AliveError(`the relay URL ${URL_SECRET_PROBLEM}`, { code: 'bad_url' });
  if (!isUsableGitUrl(trimmed)) {
    throw new AliveError(`'${inlineText(trimmed)}' is not a usable Git URL: a relay is reached at ${RELAY_URL_FORMS}`, { code: 'bad_url' });
  }
  return isLocalPath(trimmed) ? resolve(trimmed) : trimmed;
}

/**
 * What git says when the server answered but its repository is broken (a ref to no commit, an
 * object missing or corrupt): not a network failure, and retrying will not mend it.
 */
const DAMAGED_REPOSITORY =
  /not our ref|bad object|is corrupt|did not send all necessary objects|unable to read tree|does not point to a valid object|inflate: data stream error/i;

export class GitTransport implements RelayTransport {
  readonly kind = 'git' as const;
  private readonly opts: GitTransportOptions;
  /**
   * The remotes this transport has pointed at their URL (remote -> URL): a command asks once, not
   * again for every listing, push or message (each ask is a git process).
   */
  private readonly remotesSet = new Map<string, string>();
  /**
   * The branch tip of each remote this transport has fetched or pushed in this command (null: no
   * branch): a later read of it (the own key after a listing or a push) needs no git process.
   */
  private readonly tips = new Map<string, string | null>();

  constructor(opts: GitTransportOptions) {
    this.opts = { ...opts, url: normaliseGitUrl(opts.url) };
  }

  /**
   * git in the clone, under LISTING_MEMORY_BYTES unless `maxMemoryBytes` says otherwise (Infinity:
   * no limit, for the user's own package): whatever it reads came from a relay.
   */
  private git(args: string[], opts: GitRunOptions = {}) {
    return runGit(...this.inClone(args, opts));
  }

  /** As git(), with stdout as the bytes git wrote (a tree's names, to be written back). */
  private gitBytes(args: string[], opts: GitRunOptions = {}) {
    return runGitBytes(...this.inClone(args, opts));
  }

  private inClone(args: string[], opts: GitRunOptions): [string[], GitRunOptions] {
    const { maxMemoryBytes = testListingMemory ?? LISTING_MEMORY_BYTES, ...rest } = opts;
    return [
      [inRepository(this.opts.clonePath), ...PACKAGE_FRIENDLY, ...args],
      {
        cwd: this.opts.clonePath,
        timeoutMs: LOCAL_TIMEOUT_MS,
        ...(Number.isFinite(maxMemoryBytes) ? { maxMemoryBytes } : {}),
        ...rest,
      },
    ];
  }

  /** The limits of a package's transfer: a total, and an idle time (see TRANSFER_IDLE_MS). */
  private transferLimits(): { timeoutMs: number; idleMs: number } {
    return { timeoutMs: this.opts.transferTimeoutMs ?? TRANSFER_TIMEOUT_MS, idleMs: this.opts.transferIdleMs ?? TRANSFER_IDLE_MS };
  }

  private listingMax(): number {
    return this.opts.listingMaxBytes ?? MAX_LISTING_BYTES;
  }

  private remoteRef(remote: string): string {
    return `refs/remotes/${remote}/${this.opts.branch}`;
  }

  private static peerRemote(login: string): string {
    if (!isValidLogin(login)) throw new AliveError(`'${inlineText(login)}' is not a valid login`, { code: 'bad_login' });
    return `${PEER_REMOTE}${login}`;
  }

  /** Creates clone/ (bare, no blobs) if needed and points `remote` at `url` (one at a time per clone). */
  private ensureRemote(remote: string, url: string): Promise<void> {
    if (this.remotesSet.get(remote) === url) return Promise.resolve();
    const key = this.opts.clonePath;
    const run = (configLocks.get(key) ?? Promise.resolve()).then(() => this.ensureRemoteNow(remote, url));
    configLocks.set(
      key,
      run.catch(() => undefined),
    );
    return run;
  }

  /** Creates clone/ (bare, no blobs) if it is not there yet; true when this call created it. */
  private async ensureClone(): Promise<boolean> {
    if (existsSync(join(this.opts.clonePath, 'HEAD'))) return false;
    mkdirSync(this.opts.clonePath, { recursive: true, mode: 0o700 });
    await runGit(['init', '--quiet', '--bare', this.opts.clonePath], { timeoutMs: LOCAL_TIMEOUT_MS });
    return true;
  }

  private async ensureRemoteNow(remote: string, url: string): Promise<void> {
    const settings = {
      url,
      fetch: `+refs/heads/*:refs/remotes/${remote}/*`,
      promisor: 'true',
      partialclonefilter: 'blob:none',
    };
    // A clone this call made has no remote to read; in another, a remote not there yet is added
    // with one write (addRemoteSection) and a changed one set key by key.
    const created = await this.ensureClone();
    // Read from the clone's config file where it is as alive and git write it: no git process.
    const inFile = created ? null : remoteUrlInFile(this.opts.clonePath, remote);
    const current = created
      ? null
      : inFile !== undefined
        ? { code: inFile === null ? 1 : 0, stdout: inFile ?? '' }
        : await this.git(['config', '--get', `remote.${remote}.url`], { okCodes: [0, 1] });
    if (current?.stdout.trim() !== url) {
      const added = (current === null || current.code === 1) && addRemoteSection(this.opts.clonePath, remote, settings);
      if (!added) for (const [key, value] of Object.entries(settings)) await this.git(['config', `remote.${remote}.${key}`, value]);
      // The remotes git listed before (url-as-given.ts) are listed again for the next check.
      this.given.remotes = undefined;
    }
    this.remotesSet.set(remote, url);
  }

  /**
   * Fetches the relay branch's commits and trees (no blobs). Returns the tip, or null if the branch
   * does not exist. Then, but in the probe, compacts the clone when it has grown enough since it
   * was last compacted (clone-compact.ts), within the same deadline.
   */
  private async fetch(remote: string, limits: CallLimits = {}): Promise<string | null> {
    const deadline = limits.deadline ?? Date.now() + NETWORK_TIMEOUT_MS;
    const slack = this.opts.compactSlackBytes ?? COMPACT_SLACK_BYTES;
    if (this.opts.compactClone === false) this.refuseFetchPastBound(slack);
    const done = fetchStarting(this.opts.clonePath);
    let tip: string | null;
    try {
      tip = await this.fetchNow(remote, deadline);
    } finally {
      done();
    }
    if (this.opts.compactClone !== false && storeBytes(join(this.opts.clonePath, 'objects')) > slack) {
      // Loaded only then: most fetches never compact.
      const { compactIfDue } = await import('./clone-compact.ts');
      await compactIfDue({
        clonePath: this.opts.clonePath,
        git: (args, opts) => this.git(args, opts),
        deadline,
        slackBytes: slack,
      });
    }
    return tip;
  }

  /**
   * For a transport that never compacts (the session hook's probe): no fetch into a clone past the
   * slack and one fetch. The probe fetched at every session start, and a writer who replaced a
   * junk tree in a relay the user reads between two of them grew the clone by up to a fetch's cap
   * each time, until a relay command compacted it. The probe then reads what the clone holds.
   */
  private refuseFetchPastBound(slack: number): void {
    const cap = this.opts.treeFetchMaxBytes ?? TREE_FETCH_MAX_BYTES;
    const held = storeBytes(join(this.opts.clonePath, 'objects'));
    if (held <= slack + cap) return;
    const mib = (n: number) => `${Math.ceil(n / (1024 * 1024))} MiB`;
    throw new AliveError(
      `the relay's local clone holds ${mib(held)}, more than the session check fetches into (${mib(slack)} and one fetch of ${mib(cap)}): it was not fetched into; 'alive-p2p relay inbox' compacts it`,
      { code: 'too_large' },
    );
  }

  private async fetchNow(remote: string, deadline: number): Promise<string | null> {
    const timeoutMs = deadline - Date.now();
    const b = this.opts.branch;
    const packDir = join(this.opts.clonePath, 'objects', 'pack');
    removeAbandonedPacks(packDir);
    const tmpPacksBefore = new Set(tmpPacks(packDir));
    const url = await this.remoteUrl(remote);
    const env = await this.asGiven(url, remote);
    try {
      // Inside the try: a deadline spent before the fetch (a slow local set-up) is the same relay timeout.
      if (timeoutMs <= 0) throw new GitError('no time left to fetch', '', true);
      const uploadPack = localUploadPack(url, false);
      /** Set once a fetch passed the cap: the tip's commit and trees alone are asked for. */
      let tipAlone: string[] = [];
      for (let attempt = 0; ; attempt++) {
        try {
          await this.git(
            [
              ...NO_AUTO_GC,
              ...FETCH_UNCHECKED,
              ...FETCH_ONE_THREAD,
              'fetch',
              '--quiet',
              ...uploadPack,
              '--no-tags',
              '--no-write-fetch-head',
              '--filter=blob:none',
              ...tipAlone,
              remote,
              `+refs/heads/${b}:${this.remoteRef(remote)}`,
            ],
            { timeoutMs: Math.max(1, deadline - Date.now()), maxFileBytes: this.opts.treeFetchMaxBytes ?? TREE_FETCH_MAX_BYTES, env },
          );
          break;
        } catch (err) {
          // Past the cap, once: the tip's commit and trees alone (the clone is then cut there, as
          // clone-compact.ts cuts it). A writer's junk tree that a later commit removed locked the
          // relay for every pull and push, a clone fetching every commit's trees (review of 2026-12-07).
          if (hitFileLimit(err) && tipAlone.length === 0 && Date.now() < deadline) {
            for (const name of tmpPacks(packDir)) if (!tmpPacksBefore.has(name)) rmSync(join(packDir, name), { force: true });
            tipAlone = ['--depth=1'];
            continue;
          }
          // A lock a killed git left (the probe's, stopped at its budget) would fail every fetch.
          if (attempt < 5 && isLockFailure(err) && (await import('./clone-lock.ts')).removeStaleLock(err, this.opts.clonePath)) continue;
          // Two of our own processes fetching into one clone collide on the ref lock: try again.
          if (err instanceof GitError && !err.timedOut && isRace(err) && attempt < 5 && Date.now() < deadline) {
            await jitter(attempt);
            continue;
          }
          throw err;
        }
      }
    } catch (err) {
      if (hitFileLimit(err) || hitMemoryLimit(err) || (err instanceof GitError && err.timedOut)) {
        for (const name of tmpPacks(packDir)) if (!tmpPacksBefore.has(name)) rmSync(join(packDir, name), { force: true });
      }
      if (hitMemoryLimit(err)) throw memoryRefusal(redactUrls(await this.remoteUrl(remote)), 'only commits and trees were asked for', err);
      // Loaded only then: what it says is a few hundred bytes every status would load.
      if (hitFileLimit(err)) {
        const { treesOverrun } = await import('./trees-overrun.ts');
        const limit = this.opts.treeFetchMaxBytes ?? TREE_FETCH_MAX_BYTES;
        throw await treesOverrun(url, limit, isLocalRemote(url), (args, opts) => this.git(args, opts), err);
      }
      if (err instanceof GitError && /couldn't find remote ref/i.test(err.stderr)) {
        await this.git(['update-ref', '-d', this.remoteRef(remote)], { okCodes: [0, 1] });
        return null;
      }
      if (err instanceof GitError && !err.timedOut && DAMAGED_REPOSITORY.test(err.stderr)) {
        throw new AliveError(
          `the relay ${redactUrls(await this.remoteUrl(remote))} answered, but its repository is damaged (a branch or an object it lists is missing or unreadable): ` +
            `${err.message}. Check it in a clone (git fsck), or ask whoever hosts it, and try again`,
          { code: 'bad_relay', cause: err, ...untrustedDetailOf(err) },
        );
      }
      const locked = isLockFailure(err) ? (await import('./clone-lock.ts')).cloneLockedError(err, this.opts.clonePath) : null;
      if (locked) throw locked;
      throw new AliveError(`cannot reach the relay ${redactUrls(await this.remoteUrl(remote))}: ${(err as Error).message}`, {
        code: err instanceof GitError && err.timedOut ? 'timeout' : 'network',
        cause: err,
        ...untrustedDetailOf(err),
      });
    }
    // A fetch that found the tip this command saw there already (pull's clean-up, after its listing)
    // leaves the ref's file naming that commit: no rev-parse to be told it again. (A ref git packed
    // into packed-refs, or another ref store, is resolved by git.)
    const known = this.tips.get(remote);
    const tip = known && refInFile(this.opts.clonePath, this.remoteRef(remote)) === known ? known : await this.revParse(this.remoteRef(remote));
    if (tip === null) await this.refuseNotCommit(remote);
    this.tips.set(remote, tip);
    return tip;
  }

  /**
   * A branch the fetch found that names no commit (a tree, a blob, a tag of one: git stores what
   * the server lists) is a damaged relay, not one without the branch, whose advice is to set it up.
   */
  private async refuseNotCommit(remote: string): Promise<void> {
    const r = await this.git(['cat-file', '-t', this.remoteRef(remote)], { okCodes: [0, 1, 128] });
    const type = r.stdout.trim();
    if (r.code !== 0 || !/^[a-z]{1,16}$/.test(type)) return;
    throw new AliveError(
      `the relay ${redactUrls(await this.remoteUrl(remote))} has a '${this.opts.branch}' branch that names a ${type}, not a commit: ` +
        `the repository is damaged, or was not made by alive. Check it in a clone (git log ${this.opts.branch}), or ask whoever hosts it, and try again`,
      { code: 'bad_relay' },
    );
  }

  /** Rewrite checks done, or under way, and the clone's remotes as git lists them (url-as-given.ts). */
  private readonly given: GivenChecks = { checked: new Map() };

  /**
   * The environment under which git talks to `url` (remote `target`'s, or `target` itself: then
   * `peer`'s relay) as given: url-as-given.ts.
   */
  private async asGiven(url: string, target: string, peer?: string): Promise<NodeJS.ProcessEnv> {
    if (target.startsWith(PEER_REMOTE)) peer = target.slice(PEER_REMOTE.length);
    // Loaded when a command first talks to a relay: the commands that only read the clone skip it.
    return (await import('./url-as-given.ts')).asGiven((args, opts) => this.git(args, opts), this.given, { url, target, peer });
  }

  private async remoteUrl(remote: string): Promise<string> {
    const set = this.remotesSet.get(remote);
    if (set !== undefined) return set;
    const r = await this.git(['config', '--get', `remote.${remote}.url`], { okCodes: [0, 1] });
    return r.stdout.trim() || remote;
  }

  private async revParse(ref: string): Promise<string | null> {
    const r = await this.git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { okCodes: [0, 1] });
    return r.code === 0 ? r.stdout.trim() : null;
  }

  /**
   * Listings of commits by id (what a commit lists never changes) and folder, for the same listing
   * again in the same command: pull's clean-up lists inbox/ at the tip it fetches again, mostly the
   * tip the pull listed, and listTogether lists two folders in one process. Read only; the last few.
   */
  private readonly listings = new Map<string, ReadonlyMap<string, { oid: string; mode: string; type: string }>>();

  private remember(ref: string, prefix: string, listing: ReadonlyMap<string, { oid: string; mode: string; type: string }>): void {
    if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(ref)) return;
    if (this.listings.size >= 4) this.listings.delete(this.listings.keys().next().value!);
    this.listings.set(`${ref}\0${prefix}`, listing);
  }

  /** `path → blob id` for the files under `prefix` in `ref` (trees only; no blob is fetched). */
  private async listTree(ref: string, prefix: string): Promise<ReadonlyMap<string, { oid: string; mode: string; type: string }>> {
    const known = this.listings.get(`${ref}\0${prefix}`);
    if (known) return known;
    const listing = await this.listTreeNow(ref, prefix);
    this.remember(ref, prefix, listing);
    return listing;
  }

  /**
   * The listings of `prefixes` (folders or files, none under another) in commit `ref`, made in one
   * ls-tree for the listTree calls that follow. Where that one listing fails (past the bound, say),
   * nothing is kept: each is then listed on its own, and fails, as it did.
   */
  private async listTogether(ref: string, prefixes: string[]): Promise<void> {
    if (prefixes.every((p) => this.listings.has(`${ref}\0${p}`))) return;
    let r: GitResult;
    try {
      r = await this.git(['ls-tree', '-r', '-z', '--full-tree', ref, '--', ...prefixes], { maxStdoutBytes: this.listingMax() });
    } catch (err) {
      if (err instanceof GitError && err.timedOut) throw err;
      return;
    }
    const parts = new Map(prefixes.map((p) => [p, new Map<string, { oid: string; mode: string; type: string }>()]));
    for (const [path, entry] of parseListing(r.stdout)) {
      const part = prefixes.find((p) => path === p || path.startsWith(`${p}/`));
      if (part === undefined) return;
      parts.get(part)!.set(path, entry);
    }
    for (const [prefix, listing] of parts) this.remember(ref, prefix, listing);
  }

  private async listTreeNow(ref: string, prefix: string): Promise<Map<string, { oid: string; mode: string; type: string }>> {
    let r: GitResult;
    try {
      r = await this.git(['ls-tree', '-r', '-z', '--full-tree', ref, '--', prefix], { maxStdoutBytes: this.listingMax() });
    } catch (err) {
      // git 2.39 reads a tree recursively: a folder some 30,000 levels deep (which a push accepts) crashes it.
      if (err instanceof GitError && (err.signal === 'SIGSEGV' || err.signal === 'SIGBUS')) {
        throw new AliveError(
          `${prefix} in the relay (at commit ${ref.slice(0, 12)}) could not be listed: git crashed reading it (${err.signal}), ${DEEP_TREE_CRASH}`,
          { code: 'too_large', cause: err },
        );
      }
      if (!(err instanceof AliveError && err.code === 'git_output_too_large')) throw err;
      throw new AliveError(
        `${prefix} in the relay (at commit ${ref.slice(0, 12)}) holds more paths than alive lists (over ${mib(this.listingMax())} of names): ` +
          'someone with write access committed trees that spell millions of files. Remove them from the relay (a clone of it, `git rm -r` and push) and try again',
        { code: 'too_large' },
      );
    }
    return parseListing(r.stdout);
  }

  /**
   * Fetches one object by id from `remote`, the relay it was listed in (no file written may grow
   * past `maxFileBytes`). Git never fetches a missing object on its own (GIT_NO_LAZY_FETCH): it
   * would ask every relay of the clone in turn. Temporary packs a stopped fetch left are removed.
   * No commits are offered as had (noop negotiation): the server took the clone to hold every blob
   * of those, and sent a blob it stores as a delta against one the clone never fetched.
   */
  private async fetchObject(
    remote: string,
    oid: string,
    opts: GitRunOptions & { progress?: boolean; transfer?: boolean; onPackBytes?: (bytes: number) => void } = {},
  ): Promise<void> {
    const { progress, transfer, onPackBytes, ...run } = opts;
    const done = fetchStarting(this.opts.clonePath);
    const packDir = join(this.opts.clonePath, 'objects', 'pack');
    const tmpPacksBefore = new Set(tmpPacks(packDir));
    // A fetch of one object prints no byte count until it is done (git shows throughput only once
    // an object is complete): what moves is the temporary pack that git writes as bytes arrive.
    const packBytes = () => {
      let now = 0;
      for (const name of tmpPacks(packDir)) {
        if (tmpPacksBefore.has(name)) continue;
        try {
          now += statSync(join(packDir, name)).size;
        } catch {
          // renamed into place meanwhile
        }
      }
      return now;
    };
    let received = 0;
    const stillMoving = () => {
      const now = packBytes();
      const moved = now !== received;
      received = now;
      return moved;
    };
    const url = await this.remoteUrl(remote);
    const sampling = onPackBytes ? setInterval(() => onPackBytes(packBytes()), PACK_SAMPLE_MS).unref() : undefined;
    try {
      const env = { ...run.env, ...(await this.asGiven(url, remote)) };
      await this.git(
        [
          ...NO_AUTO_GC,
          ...FETCH_UNCHECKED,
          ...FETCH_ONE_THREAD,
          '-c',
          'fetch.negotiationAlgorithm=noop',
          'fetch',
          progress ? '--progress' : '--quiet',
          ...localUploadPack(url, transfer === true),
          '--no-tags',
          '--no-write-fetch-head',
          '--filter=blob:none',
          remote,
          oid,
        ],
        {
          timeoutMs: NETWORK_TIMEOUT_MS,
          ...(transfer ? { ...this.transferLimits(), stillMoving } : {}),
          ...run,
          env,
        },
      );
    } catch (err) {
      if (hitFileLimit(err) || hitMemoryLimit(err) || (err instanceof GitError && err.timedOut)) {
        for (const name of tmpPacks(packDir)) if (!tmpPacksBefore.has(name)) rmSync(join(packDir, name), { force: true });
      }
      throw err;
    } finally {
      clearInterval(sampling);
      done();
    }
  }

  /** A small text file of relay `remote` (a key), read whole; a larger one is refused unread. */
  private async readSmallBlob(remote: string, oid: string, what: string): Promise<string> {
    const read = async () => (await this.git(['cat-file', 'blob', oid], { timeoutMs: LOCAL_TIMEOUT_MS, maxStdoutBytes: MAX_KEY_BYTES })).stdout;
    try {
      try {
        return await read(); // read before, and kept in the clone
      } catch (err) {
        if (!(err instanceof GitError) || err.timedOut) throw err;
      }
      // No file that fetch writes may outgrow a key (plus a pack's overhead).
      await this.fetchObject(remote, oid, { maxFileBytes: MAX_KEY_BYTES + 64 * 1024 });
      return await read();
    } catch (err) {
      if ((err instanceof AliveError && err.code === 'git_output_too_large') || hitFileLimit(err)) {
        throw new AliveError(`${what} is more than ${MAX_KEY_BYTES / 1024} KiB, too large to be a public key; it was not read`, { code: 'bad_key' });
      }
      if (hitMemoryLimit(err)) throw memoryRefusal(redactUrls(await this.remoteUrl(remote)), `only ${what} was asked for`, err);
      throw err;
    }
  }

  private async hashText(text: string): Promise<string> {
    return (await this.git(['hash-object', '-w', '--stdin'], { input: text, ...READS_NO_RELAY_OBJECT })).stdout.trim();
  }

  /**
   * Builds a commit on `parent` with the given changes (oid null = delete) and pushes it to
   * `remote`. Returns the new commit, or null if the push lost a race (the caller refetches).
   */
  private async commitAndPush(
    remote: string,
    parent: string | null,
    changes: Array<{ path: string; oid: string | null }>,
    message: string,
    limits: CallLimits = {},
    pushing: { onBytes?: (bytes: number) => void; objects?: string; transfer?: boolean } = {},
  ): Promise<string | null> {
    const onPushBytes = pushing.onBytes;
    // ls-tree takes the parent commit for its tree: no rev-parse of `${parent}^{tree}` first.
    const built = await this.buildTree(
      parent,
      changes.map((c) => ({ parts: c.path.split('/'), oid: c.oid })),
    );
    const tree = built.tree ?? (await this.emptyTree());
    const commit = (
      await this.git([...GIT_IDENTITY, 'commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message], {
        env: {
          GIT_AUTHOR_NAME: this.opts.login,
          GIT_AUTHOR_EMAIL: `${this.opts.login}@alive.invalid`,
          GIT_COMMITTER_NAME: this.opts.login,
          GIT_COMMITTER_EMAIL: `${this.opts.login}@alive.invalid`,
        },
      })
    ).stdout.trim();
    const timeoutMs = limits.deadline !== undefined ? limits.deadline - Date.now() : NETWORK_TIMEOUT_MS;
    const url = await this.remoteUrl(remote);
    const env = await this.asGiven(url, remote);
    try {
      // --no-signed: a user's push.gpgSign = true would ask every relay for a signed push, which a
      // relay in a folder refuses; the packages carry their own signatures. A package's push always
      // reports progress: its byte count, about every second while bytes move, keeps it alive.
      const push = ['push', onPushBytes || pushing.transfer ? '--progress' : '--quiet', '--porcelain', '--no-signed'];
      if (isLocalRemote(url)) push.push(LOCAL_RECEIVE_PACK_WITHOUT_HOOKS);
      await this.git([...push, remote, `${commit}:refs/heads/${this.opts.branch}`], {
        timeoutMs,
        // The user's own package, sent whole (pack-objects reads it): not bounded by a listing's memory.
        ...(pushing.objects ? { maxMemoryBytes: Number.POSITIVE_INFINITY } : {}),
        ...(pushing.transfer ? this.transferLimits() : {}),
        ...(onPushBytes ? { onStderrChunk: gitProgressBytes(onPushBytes) } : {}),
        env: pushing.objects ? { ...env, GIT_ALTERNATE_OBJECT_DIRECTORIES: quotedObjectDir(pushing.objects) } : env,
      });
    } catch (err) {
      if (err instanceof GitError && !err.timedOut && isRace(err)) return null;
      const hint =
        err instanceof GitError && err.timedOut
          ? err.stalled
            ? '; the connection stalled: check your network and try again'
            : '; check how fast your network is and try again'
          : '';
      throw new AliveError(`could not push to the relay ${redactUrls(await this.remoteUrl(remote))}: ${(err as Error).message}${hint}`, {
        code: 'push_failed',
        cause: err,
        ...untrustedDetailOf(err),
      });
    }
    // The push moved the remote-tracking ref to the commit itself (the remote's fetch refspec names
    // it; only a cache, which the next fetch sets again): no update-ref process.
    this.tips.set(remote, commit);
    // Built in two (buildTreeInTwo: each folder on the changed paths holds every other entry it held,
    // as it was), the commit lists under any other path what its parent lists there: pull's clean-up
    // then reads the own key at the new tip with no listing. A tree built one at a time may have
    // dropped a name its parent held twice.
    if (parent && built.inTwo && built.tree) {
      for (const [key, listing] of [...this.listings]) {
        const [ref, prefix] = key.split('\0') as [string, string];
        const p = prefix.replace(/\/$/, '');
        if (ref === parent && !changes.some((c) => c.path === p || c.path.startsWith(`${p}/`) || p.startsWith(`${c.path}/`)))
          this.remember(commit, prefix, listing);
      }
    }
    return commit;
  }

  /**
   * The tree `base` (a tree, or a commit for its tree) with `changes` applied, built with `git mktree` along the changed paths only:
   * no index, no checkout, and no entry of `base` is read or validated beyond the folders on those
   * paths. Whatever else a peer committed (`..`, `.git`, names git itself refuses to check out) is
   * carried over as it is, so it can never break a delivery or a clean-up. `tree` null for an empty tree;
   * `inTwo`: built in two processes (buildTreeInTwo), not one tree at a time.
   *
   * Entries are carried as bytes, never as text: a name is whatever bytes the writer chose, and one
   * that is not UTF-8, read as text, came back as U+FFFD (two such names as one, the other dropped).
   * A name is keyed by its bytes (one latin1 character a byte); a changed path, ours, is UTF-8.
   */
  private async buildTree(base: string | null, changes: Array<{ parts: string[]; oid: string | null }>): Promise<{ tree: string | null; inTwo: boolean }> {
    // tree-batch.ts, loaded here: status, inbox and the probe build no tree.
    const { buildTreeInTwo, buildTreeByTree } = await import('./tree-batch.ts');
    const git = {
      listTrees: async (args: string[]) => (await this.gitBytes(args, { maxStdoutBytes: this.listingMax() })).stdout,
      makeTrees: async (args: string[], input: Buffer) => (await this.git(args, { input, ...READS_NO_RELAY_OBJECT })).stdout,
      listingMax: mib(this.listingMax()),
    };
    const built = await buildTreeInTwo(base, changes, git).catch((err: unknown) => {
      if (err instanceof GitError && err.timedOut) throw err;
      return undefined;
    });
    return built !== undefined ? { tree: built, inTwo: true } : { tree: await buildTreeByTree(base, changes, git), inTwo: false };
  }

  private async emptyTree(): Promise<string> {
    return (await this.git(['mktree', '--missing'], { input: '', ...READS_NO_RELAY_OBJECT })).stdout.trim();
  }

  async setup(publicKeyPem: string): Promise<SetupResult> {
    const local = isLocalPath(this.opts.url);
    const { ensureServingConfig, initLocalBareRepo, undoLocalBareRepo, refuseNotYourRelay } = await import('./local-bare-repo.ts');
    const made = local ? await initLocalBareRepo(this.opts.url) : null;
    // Read where it is, before the serving settings below are written into someone else's repository.
    if (local && made === null) await refuseNotYourRelay(this.opts);
    try {
      // A repository that was there (the user's `git init --bare`, one an interrupted setup made)
      // may lack them: checked on every setup, set where missing.
      const warning = local && made === null ? await ensureServingConfig(this.opts.url) : undefined;
      return { ...(await this.publishKey(publicKeyPem, made !== null)), ...(warning ? { warning } : {}) };
    } catch (err) {
      // A repository this setup made, into which nothing was pushed, is no relay yet: taken back,
      // so that the folder is as it was (setup.ts takes back what it made under ALIVE_HOME).
      if (made) await undoLocalBareRepo(made);
      throw err;
    }
  }

  private async publishKey(publicKeyPem: string, created: boolean): Promise<SetupResult> {
    const { url, login } = this.opts;
    await this.ensureRemote('origin', url);
    const keyPath = `keys/${login}.pem`;
    for (let attempt = 0; attempt < PUSH_ATTEMPTS; attempt++) {
      // A relay this setup has just made is empty: its first commit needs no fetch (had anyone
      // pushed to it meanwhile, the push is refused as a lost race, and the next attempt fetches).
      const head = created && attempt === 0 ? null : await this.fetch('origin');
      // What the check below and the changes read of it, in one listing.
      if (head) await this.listTogether(head, ['README.md', 'keys']);
      // Not the user's relay (not-your-relay.ts): refused before anything is pushed.
      let checked = true;
      if (!created) {
        // Its ls-remote of origin, like any other talk to the relay, at the URL as given.
        const env = await this.asGiven(url, 'origin');
        const git = async (args: string[]) => (await this.git(args, { timeoutMs: NETWORK_TIMEOUT_MS, maxStdoutBytes: this.listingMax(), env })).stdout;
        checked = await (await import('./not-your-relay.ts')).refuseGitRepository(
          this.opts,
          head,
          ['ls-remote', '--heads', 'origin'],
          git,
          this.opts.clonePath,
          this.listings.get(`${head}\0keys`),
        );
      }
      const changes: Array<{ path: string; oid: string | null }> = [];
      if (!head) {
        changes.push({ path: 'README.md', oid: await this.hashText(README) });
        changes.push({ path: keyPath, oid: await this.hashText(publicKeyPem) });
      } else {
        const tree = await this.listTree(head, 'README.md');
        if (!tree.has('README.md')) changes.push({ path: 'README.md', oid: await this.hashText(README) });
        const keys = await this.listTree(head, 'keys');
        // The key published already is told by its id, as hash-object gives it: written only when it is not.
        const listed = keys.get(keyPath)?.oid;
        // (blob-sha.ts, loaded here: status, inbox and the probe publish nothing.)
        if (!listed || listed !== (await import('./blob-sha.ts')).gitBlobShaOf(Buffer.from(publicKeyPem), listed.length))
          changes.push({ path: keyPath, oid: await this.hashText(publicKeyPem) });
        // The same name in another case is a key no one but this owner may publish (see keyAt).
        for (const [p] of caseSpellings(keys, keyPath)) if (p !== keyPath) changes.push({ path: p, oid: null });
      }
      if (changes.length === 0) return { repo: url, url, created, keyPublished: false, head, checked };
      const commit = await this.commitAndPush('origin', head, changes, head ? `Publish key of ${login}` : 'Initialize walnut relay');
      if (commit) return { repo: url, url, created, keyPublished: changes.some((c) => c.path === keyPath), head: commit, checked };
    }
    throw new AliveError('the relay kept changing while setting it up; run `alive-p2p relay setup` again', { code: 'conflict' });
  }

  async fetchPeerKey(peer: PeerRelay, limits: CallLimits = {}): Promise<string> {
    const remote = GitTransport.peerRemote(peer.login);
    await this.ensureRemote(remote, normaliseGitUrl(peer.relay));
    const head = await this.fetch(remote, limits);
    return this.keyAt(peer, head);
  }

  private async keyAt(peer: PeerRelay, head: string | null): Promise<string> {
    let keyPath = `keys/${peer.login}.pem`;
    const keys = head ? await this.listTree(head, 'keys') : new Map<string, { oid: string; mode: string; type: string }>();
    let entry = keys.get(keyPath);
    // Logins compare without case: a relay set up as `Bob` publishes keys/Bob.pem for `bob`.
    const spelled = caseSpellings(keys, keyPath);
    let published: string[] = [];
    if (head && entry === undefined) {
      if (spelled.length === 1) [keyPath, entry] = spelled[0]!;
      published = [...keys].filter(([, e]) => isRegularFileMode(e.mode)).map(([p]) => p);
    }
    // Loaded only then (status, inbox and the probe read keys too): a login mistyped names the key meant.
    if (entry?.type !== 'blob') throw (await import('./no-peer-key.ts')).noPeerKeyError(peer, keyPath, published);
    const rivals = spelled.filter(([p, e]) => p !== keyPath && e.oid !== entry.oid).map(([p]) => p);
    if (rivals.length > 0) throw (await import('./no-peer-key.ts')).rivalKeysError(peer, keyPath, rivals);
    return this.readSmallBlob(GitTransport.peerRemote(peer.login), entry.oid, `${keyPath} in ${peer.login}'s relay`);
  }

  /**
   * After a listing or a push in the same command (the probe, pull), the key is read at the tip
   * that one fetched or pushed, moments ago: a second fetch would cost a git fetch and its
   * upload-pack for the same answer.
   */
  async ownKey(limits: CallLimits = {}): Promise<string | null> {
    await this.ensureRemote('origin', this.opts.url);
    const known = this.tips.get('origin');
    const head = known !== undefined ? known : await this.fetch('origin', limits);
    const keyPath = `keys/${this.opts.login}.pem`;
    const listed: ReadonlyMap<string, { oid: string; mode: string; type: string }> = head ? await this.listTree(head, 'keys') : new Map();
    const entry = listed.get(keyPath);
    // Another spelling of the name with other bytes is a key a peer who types that spelling pins
    // (keyAt refuses the two, but one pinned before stays): read as the replaced key it is.
    const rival = caseSpellings(listed, keyPath).find(([p, e]) => p !== keyPath && e.oid !== entry?.oid);
    if (rival) return this.readSmallBlob('origin', rival[1].oid, `${rival[0]} in your relay`).catch(() => '');
    // A folder (its files listed under the path) or a submodule where the key belongs is no key:
    // whoever can write the relay put it there, and it is read as a replaced key, not a missing one.
    if (entry === undefined) return [...listed.keys()].some((p) => p.startsWith(`${keyPath}/`)) ? '' : null;
    if (entry.type !== 'blob') return '';
    return this.readSmallBlob('origin', entry.oid, `${keyPath} in your relay`);
  }

  async deliver(peer: PeerRelay, localPath: string, nextName: () => string, checkKey: (pem: string) => void, onProgress?: OnProgress): Promise<DeliverResult> {
    const remote = GitTransport.peerRemote(peer.login);
    await this.ensureRemote(remote, normaliseGitUrl(peer.relay));
    const size = statSync(localPath).size;
    const progress = transferProgress('uploading', onProgress, size);
    progress.start();
    // Loaded here, not with the transport: status, inbox and the probe deliver nothing.
    const [{ cleanUpIfInterrupted }, leftovers] = await Promise.all([import('../proc/interrupt-cleanup.ts'), import('./work-leftovers.ts')]);
    const objects = this.depositObjects(leftovers);
    // Ctrl-C ends the process where it stands, past the finally below: git first (it may be writing
    // into the folder), then the folder, which holds the whole package.
    const release = cleanUpIfInterrupted(() => {
      killAllChildren();
      rmSync(objects, { recursive: true, force: true });
    });
    try {
      return await this.depositOnce(peer, remote, localPath, objects, size, nextName, checkKey, progress, onProgress !== undefined);
    } catch (err) {
      progress.abandon();
      throw err;
    } finally {
      release();
      rmSync(objects, { recursive: true, force: true });
    }
  }

  /**
   * A folder of its own for one deposit's package, outside the clone: written there
   * (GIT_OBJECT_DIRECTORY), read from there by the push (GIT_ALTERNATE_OBJECT_DIRECTORIES, which
   * git does not pass to the receiving side), and removed with the deposit, pushed or failed. In the
   * clone it stayed for good, a second copy of every package sent. Nothing else reads it: listings
   * and the next commits read trees (mktree --missing), and a later push sends only what the relay
   * lacks. A retry after a lost race pushes it again from here; a deposit run again writes it again.
   * Its name carries the pid and machine of its push (ownedName): a folder a killed deposit left is
   * removed by a later one at once when that push no longer runs here, else an hour after the
   * longest push could end (work-leftovers.ts).
   */
  private depositObjects({ ownedName, removeLeftovers }: typeof import('./work-leftovers.ts')): string {
    const work = resolve(this.opts.workDir);
    mkdirSync(work, { recursive: true, mode: 0o700 });
    removeLeftovers(work, DEPOSIT_PREFIX);
    return mkdtempSync(join(work, ownedName(DEPOSIT_PREFIX)));
  }

  private async depositOnce(
    peer: PeerRelay,
    remote: string,
    localPath: string,
    objects: string,
    size: number,
    nextName: () => string,
    checkKey: (pem: string) => void,
    progress: ReturnType<typeof transferProgress>,
    showBytes: boolean,
  ): Promise<DeliverResult> {
    // --no-filters: a file named on the command line gets the attributes the user's git names for
    // its path (a global attributes file's clean filter, `text`): the relay stored other bytes.
    const oid = (
      await this.git(['hash-object', '-w', '--no-filters', '--', localPath], {
        timeoutMs: this.transferLimits().timeoutMs,
        maxMemoryBytes: Number.POSITIVE_INFINITY,
        env: { GIT_OBJECT_DIRECTORY: objects },
      })
    ).stdout.trim();
    const folder = `inbox/${this.opts.login}`;
    for (let attempt = 0; attempt < PUSH_ATTEMPTS; attempt++) {
      const head = await this.fetch(remote);
      if (!head) {
        throw new AliveError(`${peer.login}'s relay has no '${this.opts.branch}' branch yet; ask ${peer.login} to run \`alive-p2p relay setup\``, {
          code: 'peer_not_set_up',
        });
      }
      // The peer's key and our folder of their inbox, in one listing.
      await this.listTogether(head, ['keys', folder]);
      checkKey(await this.keyAt(peer, head));
      const existing = await this.listTree(head, folder);
      let name = nextName();
      for (let i = 0; existing.has(`${folder}/${name}`) && i < 5; i++) name = nextName();
      const path = `${folder}/${name}`;
      if (existing.has(path)) throw new AliveError('could not find a free name in the peer inbox', { code: 'conflict' });
      const commit = await this.commitAndPush(
        remote,
        head,
        [{ path, oid }],
        `deposit: ${name} from ${this.opts.login} (${size} bytes)`,
        {},
        { objects, transfer: true, ...(showBytes ? { onBytes: (n: number) => progress.bytes(n) } : {}) },
      );
      if (commit) {
        progress.finish(size);
        return { path, name, commit, via: 'git', blob: oid };
      }
      await jitter(attempt);
    }
    throw new AliveError(`${peer.login}'s relay kept changing while delivering; try again`, { code: 'conflict' });
  }

  async listDeposits(peer: PeerRelay, limits: CallLimits = {}): Promise<InboxEntry[]> {
    const remote = GitTransport.peerRemote(peer.login);
    await this.ensureRemote(remote, normaliseGitUrl(peer.relay));
    const head = await this.fetch(remote, limits);
    if (!head) return [];
    const folder = `inbox/${this.opts.login}/`;
    const entries: InboxEntry[] = [];
    for (const [path, { oid, mode }] of await this.listTree(head, folder)) {
      const name = path.slice(folder.length);
      if (isRegularFileMode(mode) && path.startsWith(folder) && isSafeDepositName(name)) entries.push({ sender: this.opts.login, name, path, blobSha: oid });
    }
    return entries;
  }

  async listInbox(limits: CallLimits = {}): Promise<InboxListing> {
    await this.ensureRemote('origin', this.opts.url);
    const head = await this.fetch('origin', limits);
    return this.listAt(head);
  }

  async notYourRelay(head: string | null, limits: CallLimits = {}): Promise<OriginRecord | null | undefined> {
    if (!head) return this.opts.setupChecked ? null : undefined;
    // Loaded here: commands that read no own relay skip it.
    const origin = await import('./relay-origin.ts');
    const git = (args: string[]) =>
      this.git(args, { maxStdoutBytes: this.listingMax(), ...(limits.deadline ? { timeoutMs: Math.max(1, limits.deadline - Date.now()) } : {}) });
    // A relay setup checked is the user's whatever history a writer who can force-push makes, as long as it is the one setup checked.
    if (this.opts.setupChecked) return origin.replacedOrigin(head, this.opts, this.listings.get(`${head}\0keys`), git);
    const found = await origin.relayOrigin(head, this.opts, this.listings.get(`${head}\0keys`), git);
    if (found === null && this.opts.recordCheckedIn) origin.recordJudgedOwn(this.opts.recordCheckedIn, this.opts.url);
    return found;
  }

  /** The listing of what was fetched last, without network (the probe's fallback). */
  async listCachedInbox(): Promise<InboxListing> {
    if (!existsSync(join(this.opts.clonePath, 'HEAD'))) return { head: null, entries: [], ignored: [] };
    return this.listAt(await this.revParse(this.remoteRef('origin')));
  }

  private async listAt(head: string | null): Promise<InboxListing> {
    if (!head) return { head, entries: [], ignored: [] };
    // The own key too, read at this tip next by the probe, status and pull (ownKey): one listing.
    await this.listTogether(head, ['inbox', 'keys']);
    const tree = await this.listTree(head, 'inbox');
    const entries: InboxEntry[] = [];
    const ignored: string[] = [];
    for (const [path, { oid, mode }] of tree) {
      const parts = path.split('/');
      if (parts.length === 3 && parts[2] === '.gitkeep') continue;
      const [, sender, name] = parts;
      if (parts.length === 3 && isRegularFileMode(mode) && sender && name && isValidLogin(sender) && isSafeDepositName(name)) {
        entries.push({ sender, name, path, blobSha: oid });
      } else {
        ignored.push(inlineText(path));
      }
    }
    entries.sort((a, b) => a.path.localeCompare(b.path));
    return { head, entries, ignored };
  }

  /**
   * When and (as the sender's deposit commit states it) how big each waiting package is, from the
   * history of commits and trees alone: no package is fetched. The deposit commit is written by the
   * sender, so both are what the sender claims; the download checks the real bytes.
   */
  async depositDetails(head: string | null, paths: Set<string>): Promise<Map<string, { time: string | null; size: number | null }>> {
    const out = new Map<string, { time: string | null; size: number | null }>();
    if (!head || paths.size === 0) return out;
    // A subject is whatever the depositor wrote: only its end (where the size is) is read, so that
    // one long message cannot make the listing too large. Details are extras: without them the
    // listing still stands.
    let r: GitResult;
    try {
      r = await this.git(historyLog(['--max-count=2000', '--diff-filter=A', '--name-only', '--format=@@%ct %<(120,ltrunc)%s', head, '--', 'inbox']), {
        maxStdoutBytes: this.opts.depositLogMaxBytes ?? DEPOSIT_LOG_MAX_BYTES,
      });
    } catch (err) {
      if (err instanceof AliveError && err.code === 'git_output_too_large') return out;
      throw err;
    }
    let time: string | null = null;
    let size: number | null = null;
    for (const line of r.stdout.split('\n')) {
      if (line.startsWith('@@')) {
        const m = /^@@(\d+) (.*)$/.exec(line);
        time = m ? commitTime(m[1]!) : null;
        const b = m ? /\((\d{1,15}) bytes\)\s*$/.exec(m[2]!) : null;
        size = b ? Number(b[1]) : null;
      } else if (line && paths.has(line) && !out.has(line)) {
        out.set(line, { time, size });
        if (out.size === paths.size) break;
      }
    }
    return out;
  }

  async download(entry: InboxEntry, dest: string, maxBytes?: number, onProgress?: OnProgress, admit?: (size: number) => void): Promise<void> {
    const progress = transferProgress('downloading', onProgress, entry.size ?? 0);
    let written = 0;
    let fetchError: unknown;
    /** Whether the fetched blob stays in the clone: refused by pull's byte cap, the next pull takes it. */
    let keep = false;
    const packageMemory = packageMemoryBytes(maxBytes) ?? Number.POSITIVE_INFINITY;
    try {
      progress.start();
      // A hosted server gives blob-less clones: the package is fetched by its id from your relay
      // (never from another relay of the clone: see gitEnv), git says how many bytes came, and no
      // file it writes may outgrow the limit (plus room for the pack's own overhead): a package
      // over --max-size never fills the disk. A fetch that fails otherwise is reported only when
      // the blob is not here either (an earlier pull may have fetched it).
      await this.fetchObject('origin', entry.blobSha, {
        progress: true,
        transfer: true,
        onStderrChunk: gitProgressBytes((n) => progress.bytes(n)),
        // On a terminal, the growing pack shows the bytes meanwhile (the larger count of the two wins).
        ...(onProgress ? { onPackBytes: (n: number) => progress.bytes(n) } : {}),
        ...(maxBytes !== undefined ? { maxFileBytes: maxBytes + 1024 * 1024 + Math.ceil(maxBytes / 100) } : {}),
        maxMemoryBytes: packageMemory,
      }).catch((err: unknown) => {
        if (err instanceof GitError && err.timedOut) {
          throw new AliveError(
            `downloading the package from your relay stopped: ${err.message}. ` +
              `${err.stalled ? 'The connection stalled: check your network' : 'Check how fast your network is'} and pull again (the package stays on the relay)`,
            { code: 'timeout', cause: err, ...untrustedDetailOf(err) },
          );
        }
        if (maxBytes !== undefined && hitFileLimit(err)) throw tooLargeError(entry, maxBytes);
        if (hitMemoryLimit(err)) throw memoryRefusal('your relay', `the package (at most ${mib(packageMemory)} to unpack) was asked for`, err);
        fetchError = err;
      });
      // A blob-less clone lists no sizes (ls-tree -l would fetch every blob): the size is read
      // once the blob is here, where a delta of a few bytes may stand for 100 MB, before writing it.
      if (admit || maxBytes !== undefined) {
        const size = await this.blobSize(entry.blobSha);
        if (maxBytes !== undefined && size > maxBytes) throw tooLargeError(entry, maxBytes);
        admit?.(size);
      }
      await this.git(['cat-file', 'blob', entry.blobSha], {
        stdoutFile: dest,
        timeoutMs: 30 * 60_000,
        maxMemoryBytes: packageMemory,
        ...(maxBytes !== undefined ? { maxStdoutBytes: maxBytes } : {}),
        ...(onProgress
          ? {
              onStdoutChunk: (chunk: Buffer) => {
                written += chunk.length;
                progress.bytes(written);
              },
            }
          : {}),
      });
      progress.finish(written);
    } catch (err) {
      progress.abandon();
      keep = err instanceof AliveError && err.code === 'pull_limit';
      if (err instanceof AliveError && err.code === 'git_output_too_large') throw tooLargeError(entry, maxBytes!);
      if (err instanceof AliveError && err.code === 'unwritable') throw unwritableDownload(entry, dest, err.cause);
      // The blob is not here: why the fetch failed says more than cat-file's "could not fetch".
      if (err instanceof GitError && fetchError !== undefined) throw fetchError;
      throw err;
    } finally {
      // Loaded here: status, inbox and the probe download nothing.
      if (!keep) (await import('./blob-packs.ts')).dropBlobPacks(join(this.opts.clonePath, 'objects', 'pack'), entry.blobSha);
    }
  }

  private async blobSize(oid: string): Promise<number> {
    return Number((await this.git(['cat-file', '-s', oid])).stdout.trim());
  }

  async remove(entries: InboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // First on the tip whose inbox/ this command listed (pull's listing), with no second fetch (a
    // fetch of a relay in a folder is four git processes): a relay that moved since refuses the push
    // as a lost race. That, and any failure but a timeout, goes on as before, so that what is
    // reported is what a fetched attempt finds (a relay that stopped answering: "cannot reach").
    const known = this.tips.get('origin');
    if (known && this.listings.has(`${known}\0inbox`)) {
      const done = await this.removeAt(known, entries, true).catch((err: unknown) => {
        const run = err instanceof AliveError && !(err instanceof GitError) ? err.cause : err;
        if (run instanceof GitError && run.timedOut) throw err;
        return false;
      });
      if (done) return;
    }
    for (let attempt = 0; attempt < PUSH_ATTEMPTS; attempt++) {
      const head = await this.fetch('origin');
      if (!head || (await this.removeAt(head, entries)) !== false) return;
      await jitter(attempt);
    }
    throw new AliveError('your relay kept changing while removing pulled packages; run `alive-p2p relay pull` again (nothing is lost)', {
      code: 'conflict',
    });
  }

  /**
   * Removes from `head` the entries it still holds and pushes that: true when pushed, false when the
   * push lost a race, undefined when `head` holds none of them (with `allThere`: lacks any of them).
   */
  private async removeAt(head: string, entries: InboxEntry[], allThere = false): Promise<boolean | undefined> {
    const tree = await this.listTree(head, 'inbox');
    const still = entries.filter((e) => tree.get(e.path)?.oid === e.blobSha);
    if (still.length === 0 || (allThere && still.length < entries.length)) return undefined;
    const names = still.map((e) => e.name).join(', ');
    return (
      (await this.commitAndPush(
        'origin',
        head,
        still.map((e) => ({ path: e.path, oid: null })),
        `received: ${names}`.slice(0, 500),
      )) !== null
    );
  }

  async isReachable(peer: PeerRelay, limits: CallLimits = {}): Promise<boolean> {
    const timeoutMs = limits.deadline !== undefined ? limits.deadline - Date.now() : NETWORK_TIMEOUT_MS;
    if (timeoutMs <= 0) return false;
    try {
      // In the clone, like every other git here: run from the command's own folder, git found and
      // used whatever repository holds it (an unpacked archive's .git, with its core.sshCommand).
      await this.ensureClone();
      // Its output is not read: one line says it answered, and whoever hosts the relay chooses how
      // often the branch is advertised (a packed-refs of millions of lines was read whole).
      const url = normaliseGitUrl(peer.relay);
      const env = await this.asGiven(url, url, peer.login);
      await this.git(['ls-remote', '--heads', '--', url, this.opts.branch], { timeoutMs, maxStdoutBytes: LS_REMOTE_MAX_BYTES, env });
      return true;
    } catch (err) {
      // Not reached, and not for want of an answer: the user's git config sends the URL elsewhere.
      if (err instanceof AliveError && err.code === 'url_rewritten') throw err;
      return err instanceof AliveError && err.code === 'git_output_too_large';
    }
  }
}

/**
 * A fetch's temporary pack grows while bytes move, and a fetch that moved none for TRANSFER_IDLE_MS
 * is stopped: one untouched for an hour belongs to no fetch.
 */
const ABANDONED_MS = 60 * 60_000;
/** The folders under workDir that hold one deposit's package (depositObjects). */
const DEPOSIT_PREFIX = 'deposit-';

/**
 * Removes the temporary packs a fetch left when it was killed with its process group (the session
 * hook's budget) or its process died: nothing else ever would, and each may be as large as the
 * fetch's file limit.
 */
function removeAbandonedPacks(packDir: string): void {
  removeAbandoned(packDir, tmpPacks(packDir));
}

/** Removes the files or folders `names` of `dir` untouched for `after` milliseconds. */
function removeAbandoned(dir: string, names: string[], after = ABANDONED_MS, now = Date.now()): void {
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (now - lstatSync(path).mtimeMs >= after) rmSync(path, { recursive: true, force: true });
    } catch {
      // gone already, or another command's to finish
    }
  }
}

/** What the clone's file of `ref` holds ('' without one): git writes a ref it updates into its own file. */
function refInFile(gitDir: string, ref: string): string {
  try {
    return readFileSync(join(gitDir, ref), 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * `dir` as one entry of GIT_ALTERNATE_OBJECT_DIRECTORIES, a list git splits on colons: C-style
 * quoted (git reads an entry that starts with a double quote so), since a home folder may hold one.
 */
function quotedObjectDir(dir: string): string {
  return `"${dir
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')}"`;
}

/** Temporary packs git is writing (or left when stopped) in `packDir`. */
function tmpPacks(packDir: string): string[] {
  return listNames(packDir).filter((n) => n.startsWith('tmp_pack_'));
}

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * A relay's objects that git could not unpack within its memory limit (maxMemoryBytes): a pack of
 * a few KB can hold a delta that expands to gigabytes. Refused, naming the relay.
 */
function memoryRefusal(relay: string, asked: string, cause: unknown): AliveError {
  return new AliveError(
    `the relay ${relay} sent objects that need more memory to unpack than alive lets git use where ${asked} ` +
      '(a pack of a few KB can expand to gigabytes): they were refused. Ask whoever hosts that relay to check it (git fsck) and remove what someone with write access committed',
    { code: 'bad_relay', cause, ...untrustedDetailOf(cause) },
  );
}

/** `git ls-tree -r -z` read back: path → its entry. */
function parseListing(stdout: string): Map<string, { oid: string; mode: string; type: string }> {
  const out = new Map<string, { oid: string; mode: string; type: string }>();
  for (const rec of stdout.split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, type, oid] = rec.slice(0, tab).split(' ');
    if (mode && type && oid) out.set(rec.slice(tab + 1), { oid, mode, type });
  }
  return out;
}

export function tooLargeError(_entry: InboxEntry, maxBytes: number): AliveError {
  // "the package", never its path: the name is the relay writer's, and pull gives it apart (untrusted.file).
  return new AliveError(
    `the package is larger than ${maxBytes} bytes (--max-size), so it was not downloaded and stays on the relay; ` +
      'pull with a larger --max-size if you expect a package this big',
    { code: 'too_large' },
  );
}

/**
 * A download that could not be written here (no such folder, a full disk): the local file system's
 * failure, not the relay's nor the network's (pull says the package is left on the relay).
 */
export function unwritableDownload(_entry: InboxEntry, dest: string, cause: unknown): AliveError {
  // The folder, not the file: the file is named after the package, whose name is the relay writer's.
  return new AliveError(
    `cannot write into ${inlineText(dirname(dest))} (${errnoCode(cause) ?? messageOf(cause)}) while downloading the package; ` +
      'check the free space and permissions of that folder, then pull again',
    { code: 'unwritable', cause },
  );
}

/**
 * A commit's `%ct` as UTC ISO to the second; null when no Date can hold it. The depositor writes
 * the commit: a time such as year 287,000 made toISOString throw and `relay inbox` fail for every package.
 */
function commitTime(seconds: string): string | null {
  const date = new Date(Number(seconds) * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The regular files of a `keys` listing named as `keyPath` is, without case (keyPath itself included). */
function caseSpellings<E extends { oid: string; mode: string }>(keys: ReadonlyMap<string, E>, keyPath: string): Array<[string, E]> {
  const wanted = keyPath.toLowerCase();
  return [...keys].filter(([p, e]) => p.toLowerCase() === wanted && isRegularFileMode(e.mode));
}
