import { withoutPassphrase } from '../crypto/passphrase-env.ts';
import { AliveError, errnoCode, messageOf } from '../errors.ts';
import { runTracked } from '../proc/tracked.ts';
import { untrustedDetail } from '../text/fence.ts';
import { inlineText } from '../text/untrusted.ts';
import { RELAY_PROTOCOLS } from './repo-name.ts';
import { counted } from '../text/plural.ts';

/**
 * Runs `git` with a hard time limit: the child gets its own process group and the whole group is
 * killed when the limit passes (a fetch over a server that never answers included), and it is
 * tracked (proc/tracked.ts): killAllChildren() and an ending signal stop it too. The child has
 * no terminal and prompts are off, askpass programs included (gitEnv), so it can never wait for a
 * password, nor hand one typed into a dialog to a server.
 */
export interface GitRunOptions {
  cwd?: string;
  /** Extra environment (merged over process.env). */
  env?: NodeJS.ProcessEnv;
  /** Milliseconds from now; the default keeps local plumbing from hanging forever. */
  timeoutMs?: number;
  /** Stop git when it printed nothing for this long (runBounded's idleMs), and its stillMoving. */
  idleMs?: number;
  stillMoving?: () => boolean;
  input?: string | Buffer;
  /** Write stdout to this file instead of capturing it. */
  stdoutFile?: string;
  /** Called with each stdout chunk when stdoutFile is set (for hashing while writing). */
  onStdoutChunk?: (chunk: Buffer) => void;
  /** Called with each stderr chunk (`--progress` output). */
  onStderrChunk?: (chunk: Buffer) => void;
  /** Exit codes that count as success (default [0]). */
  okCodes?: number[];
  /** Captured stdout (or, with stdoutFile, written stdout) beyond this stops git (untrusted content). */
  maxStdoutBytes?: number;
  /**
   * No file git writes may grow past this (RLIMIT_FSIZE through `ulimit -f`): a fetch of an
   * untrusted object then cannot fill the disk. Git reports its helper "died of signal 25".
   */
  maxFileBytes?: number;
  /**
   * No process of this git (its index-pack, a local upload-pack, ssh) may map more address space
   * than this (RLIMIT_AS through `ulimit -v`): a pack of a few KB whose delta expands to gigabytes
   * then ends in git's "Out of memory" instead of taking the machine's memory. Best effort: where
   * the shell cannot set it (macOS does not enforce it), git runs without.
   */
  maxMemoryBytes?: number;
}

/**
 * True when git failed because one of its processes reached `maxMemoryBytes`: a malloc or an mmap
 * refused ("Out of memory", "cannot be mapped", "unable to create thread"), or the crash that
 * followed one.
 */
export function hitMemoryLimit(err: unknown): boolean {
  return (
    err instanceof GitError &&
    !err.timedOut &&
    /Out of memory|malloc failed|cannot be mapped|Cannot allocate memory|unable to create thread|died of signal (11|6)\b|Segmentation fault/i.test(err.stderr)
  );
}

/** True when git failed because a file it wrote reached `maxFileBytes` (SIGXFSZ). */
export function hitFileLimit(err: unknown): boolean {
  return err instanceof GitError && !err.timedOut && /died of signal 25\b|File size limit exceeded/i.test(err.stderr);
}

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A run whose output is kept as git wrote it (runGitBytes): names in a tree are any bytes. */
export interface GitBytesResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * A git run that failed. The message is ours (what failed, how it ended); the end of git's stderr,
 * which may be a server's words (see lastLines), is its untrusted detail ('git output'). `stderr`
 * is the whole of it, for checks that read it and never print it.
 */
export class GitError extends AliveError {
  readonly stderr: string;
  readonly stdout: string;
  readonly timedOut: boolean;
  /** Timed out because nothing moved for the run's idleMs (a stall), not at its deadline. */
  readonly stalled: boolean;
  /** The signal that ended git (`SIGSEGV`: a crash), when one did. */
  readonly signal: string | null;
  constructor(message: string, stderr: string, timedOut: boolean, stdout = '', stalled = false, signal: string | null = null) {
    const tail = lastLines(stderr);
    super(tail === '' ? message : `${message}${GIT_OUTPUT_FOLLOWS}`, {
      code: timedOut ? 'git_timeout' : 'git_failed',
      ...(tail === '' ? {} : { untrusted: untrustedDetail('git output', tail, GIT_OUTPUT_FOLLOWS) }),
    });
    this.stderr = stderr;
    this.stdout = stdout;
    this.timedOut = timedOut;
    this.stalled = stalled;
    this.signal = signal;
  }
}

const GIT_OUTPUT_FOLLOWS = "; git's last lines are in the untrusted detail that follows";

/**
 * The repository a git command works in, named rather than found from its working folder (which
 * stays that repository): a user's safe.bareRepository = explicit (a hardening since git 2.38)
 * refuses a bare repository that is found, and finding walks up into whatever repository holds a
 * folder that is not one.
 */
export function inRepository(gitDir: string): string {
  return `--git-dir=${gitDir}`;
}

export const GIT_IDENTITY = ['-c', 'user.name=alive relay', '-c', 'user.email=relay@alive.invalid'];

/**
 * No hook runs for any git alive starts: the user's core.hooksPath (~/.gitconfig) names hooks for
 * their own repositories, and a company's pre-push that refuses pushes to main made every push,
 * pull clean-up and setup of the relay's private clone fail (a reference-transaction hook ran on
 * every fetch of the session hook's probe). The receiving side of a push to a folder, which git
 * starts without our `-c` options, is given the same (git-transport.ts, LOCAL_RECEIVE_PACK_WITHOUT_HOOKS).
 */
const HOOKS_OFF = ['-c', 'core.hooksPath=/dev/null'];

/**
 * `git log` over the relay's history, with what the user's git config could change in its answer
 * pinned: log.showRoot=false reported no file added by a root commit (setup's, which adds the
 * user's key); log.follow=true followed a renamed file back, and made git abort on a `:(icase)`
 * pathspec; diff.renames reports an added file as renamed; log.showSignature hands every commit's
 * signature block (anyone with write access writes them) to the user's gpg, one run each;
 * i18n.logOutputEncoding (UTF-16, say) re-encoded whole lines, the commit ids read with them.
 * Colours and a pager do not reach what is read (git colours and pages no pipe), nor do
 * core.quotePath (the names read, a deposit's, are ASCII) and diff.relative (git runs at the top
 * of the clone, a bare repository).
 */
export function historyLog(args: string[]): string[] {
  return ['-c', 'log.showRoot=true', '-c', 'log.follow=false', '-c', 'i18n.logOutputEncoding=UTF-8', 'log', '--no-show-signature', '--no-renames', ...args];
}

/**
 * The variables that choose a repository (`git rev-parse --local-env-vars`, as git itself clears
 * them for a command in another repository). A session started from a git hook inherits the outer
 * repository's GIT_DIR: with it, every relay command would fetch into, configure and push from
 * that repository instead of the relay's clone. Settings passed with `git -c` (GIT_CONFIG_PARAMETERS,
 * GIT_CONFIG_COUNT) are the user's and stay, as git keeps them for submodules.
 */
const REPOSITORY_SELECTING = [
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_CONFIG',
  'GIT_OBJECT_DIRECTORY',
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_IMPLICIT_WORK_TREE',
  'GIT_GRAFT_FILE',
  'GIT_INDEX_FILE',
  'GIT_NO_REPLACE_OBJECTS',
  // Every ref git reads and writes moves under refs/namespaces/<it>/: status saw an empty relay,
  // setup made a second one inside it (fourth review of 2026-12-07).
  'GIT_NAMESPACE',
  'GIT_REPLACE_REF_BASE',
  'GIT_PREFIX',
  'GIT_INTERNAL_SUPER_PREFIX',
  'GIT_SHALLOW_FILE',
  'GIT_COMMON_DIR',
];

/**
 * How git reads every pathspec (`git --literal-pathspecs` and its kin set them for what a hook or
 * alias runs): literal, the relay's `:(icase)keys/<login>.pem` named no file, so the user's key was
 * "never added" and a peer's key made the user's own relay not theirs; glob or icase, ls-tree
 * refused the relay's pathspecs and every relay command failed. The relay's own are written for the
 * default reading.
 */
const PATHSPEC_MODES = ['GIT_LITERAL_PATHSPECS', 'GIT_GLOB_PATHSPECS', 'GIT_NOGLOB_PATHSPECS', 'GIT_ICASE_PATHSPECS'];

/**
 * Git's environment: never the package passphrase (git needs none of it, and whatever git starts,
 * an ssh proxy, a credential helper, the receiving side of a push to a folder, would inherit it),
 * never a variable that picks another repository, never a prompt, and never a lazy fetch.
 *
 * No prompt means no askpass program either: GIT_TERMINAL_PROMPT=0 stops only the terminal's. A
 * peer's relay on an http:// server that answers 401 made git run the user's GIT_ASKPASS (VS Code's,
 * JetBrains', a desktop helper) and send what it typed to that server, from the session hook too.
 * An empty GIT_ASKPASS also keeps git from falling back to core.askPass and SSH_ASKPASS; ssh gets
 * SSH_ASKPASS_REQUIRE=never. Credential helpers still answer (for the user's own relay): they do
 * not ask anyone.
 *
 * GIT_NO_LAZY_FETCH (git 2.44, and 2.39.4, 2.40.2, 2.41.1, 2.42.2, 2.43.4): a git that misses an object in a partial clone fetches
 * it from every promisor remote of that repository in turn, with that repository's config. In the
 * clone, every relay is a promisor remote, so a key or package of one relay was asked of the others
 * first (one that never answered held it up for minutes); and the receiving side of a push to a
 * folder runs in the relay's repository, which whoever can write there can make a partial clone
 * whose promisor is reached with a `core.sshCommand` of theirs. Objects are fetched by id from the
 * relay they belong to instead (GitTransport.fetchObject).
 */
export function gitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = withoutPassphrase(process.env);
  for (const name of [...REPOSITORY_SELECTING, ...PATHSPEC_MODES]) delete inherited[name];
  return {
    ...inherited,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    SSH_ASKPASS_REQUIRE: 'never',
    GIT_NO_LAZY_FETCH: '1',
    GIT_ALLOW_PROTOCOL: allowedProtocols(),
    LC_ALL: 'C',
    ...extra,
  };
}

/**
 * The protocols git may use (GIT_ALLOW_PROTOCOL; as protocol.allow=never with these set to always):
 * those a relay URL may name (repo-name.ts checks every URL first), never a remote helper, `fd` or
 * `ext`, should a URL reach git another way. A list the user set keeps only what it shares with ours.
 */
function allowedProtocols(): string {
  const user = process.env.GIT_ALLOW_PROTOCOL;
  const theirs = user === undefined ? undefined : new Set(user.split(':'));
  return RELAY_PROTOCOLS.filter((p) => theirs === undefined || theirs.has(p)).join(':');
}

export async function runGit(args: string[], opts: GitRunOptions = {}): Promise<GitResult> {
  const r = await runGitBytes(args, opts);
  return { ...r, stdout: r.stdout.toString('utf8') };
}

/**
 * runGit, with stdout as the bytes git wrote: what is written back into git (a tree's entries
 * through mktree) must not go through UTF-8, which turns each name that is not UTF-8 into U+FFFD.
 */
export async function runGitBytes(args: string[], opts: GitRunOptions = {}): Promise<GitBytesResult> {
  const timeoutMs = Math.max(1, opts.timeoutMs ?? 120_000);
  // ulimit -f counts 512-byte blocks in POSIX sh (dash, bash as sh); a shell counting 1 KiB allows twice as much.
  const limits: string[] = [];
  if (opts.maxFileBytes !== undefined) limits.push(`ulimit -f ${Math.max(1, Math.ceil(opts.maxFileBytes / 512))}`);
  // ulimit -v counts KiB; a shell that cannot set it (-v unknown, or refused) runs git without.
  if (opts.maxMemoryBytes !== undefined) limits.push(`{ ulimit -v ${Math.max(1, Math.ceil(opts.maxMemoryBytes / 1024))} 2>/dev/null || :; }`);
  const r = await runTracked({
    command: limits.length === 0 ? 'git' : 'sh',
    args: limits.length === 0 ? [...HOOKS_OFF, ...args] : ['-c', `${limits.join(' && ')} && exec git "$@"`, 'git', ...HOOKS_OFF, ...args],
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    env: gitEnv(opts.env),
    ...(opts.input !== undefined ? { input: opts.input } : {}),
    timeoutMs,
    ...(opts.idleMs !== undefined ? { idleMs: opts.idleMs } : {}),
    ...(opts.stillMoving !== undefined ? { stillMoving: opts.stillMoving } : {}),
    ...(opts.maxStdoutBytes !== undefined ? { maxStdoutBytes: opts.maxStdoutBytes } : {}),
    ...(opts.stdoutFile !== undefined ? { stdoutFile: opts.stdoutFile } : {}),
    ...(opts.onStdoutChunk !== undefined ? { onStdoutChunk: opts.onStdoutChunk } : {}),
    ...(opts.onStderrChunk !== undefined ? { onStderrChunk: opts.onStderrChunk } : {}),
  });
  const stderr = r.stderr.trim();
  switch (r.outcome) {
    case 'not_started':
      if (errnoCode(r.error) === 'ENOENT') throw new AliveError('git is not installed or not on PATH; install git and try again', { code: 'no_git' });
      throw r.error;
    case 'file_error':
      throw new AliveError(`cannot write ${inlineText(opts.stdoutFile ?? '')} (${errnoCode(r.error) ?? messageOf(r.error)})`, {
        code: 'unwritable',
        cause: r.error,
      });
    case 'output_too_large':
      throw new AliveError(`git ${describe(args)} printed more than ${opts.maxStdoutBytes} bytes and was stopped`, { code: 'git_output_too_large' });
    case 'timed_out':
      if (r.idle) throw new GitError(`no data moved for ${seconds(opts.idleMs ?? 0)} s, so git ${verb(args)} was stopped`, stderr, true, '', true);
      throw new GitError(`git ${verb(args)} took longer than ${seconds(timeoutMs)} s and was stopped`, stderr, true);
    case 'exited':
      if (!(opts.okCodes ?? [0]).includes(r.code ?? -1)) {
        const ended =
          r.signal === 'SIGSEGV' || r.signal === 'SIGBUS'
            ? `crashed (signal ${r.signal}), ${DEEP_TREE_CRASH}`
            : r.signal !== null
              ? `was ended by signal ${r.signal}`
              : `failed with exit code ${r.code}`;
        throw new GitError(
          `git ${verb(args)} ${ended}`,
          stderr,
          false,
          r.stdout
            .subarray(0, 256 * 1024)
            .toString('utf8')
            .slice(0, 64 * 1024),
          false,
          r.signal,
        );
      }
      return { code: r.code ?? 0, stdout: r.stdout, stderr };
  }
}

/**
 * What a git crash says: git 2.39 reads a tree recursively, and a folder some 30,000 levels deep
 * (a push accepts one) crashes it, on every path that lists the relay's trees.
 */
export const DEEP_TREE_CRASH =
  'as git does (among other causes) on a folder nested tens of thousands of levels deep, which anyone who can write to a relay can commit: ' +
  'remove it from the relay (a clone, `git rm -r`, push) and try again';

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

/** The git command run (`push`), past the `-c` settings that come first. */
function verb(args: string[]): string {
  return describe(args).split(' ')[0] ?? '';
}

function describe(args: string[]): string {
  return args
    .filter((a) => !a.startsWith('-c') && !a.includes('='))
    .slice(0, 2)
    .join(' ');
}

/**
 * The end of git's stderr, fit for one line of the error's untrusted detail, without the server's
 * words where git marks them: `remote: …` lines (a hook on a server a peer runs prints what it
 * likes) and the text of a `remote error:`. A server reached over ssh can also print lines without
 * that prefix, which cannot be told from git's: that is why none of it is ever in the message.
 */
function lastLines(text: string): string {
  let fromServer = 0;
  const own = text
    .split(/[\r\n]/)
    .filter((l) => l.trim() !== '')
    .filter((l) => !(/^\s*remote:/.test(l) && ++fromServer))
    .map((l) => l.replace(/\b(remote error|remote unpack failed):.*/, "$1: (the server's words, not shown)"));
  const shown = redactUrls(inlineText(explaining(own).join(' / '), 600));
  if (fromServer === 0) return shown;
  const note = `the server printed ${counted(fromServer, 'line')} of its own, not shown`;
  return shown === '' ? note : `${shown}; ${note}`;
}

/**
 * The lines of git's stderr that say why it failed, in order: its last EXPLAINING `fatal:`,
 * `error:` or `ssh:` lines (`… does not appear to be a git repository`, `Could not resolve
 * hostname …`) and its last two (often the boilerplate "Please make sure you have the correct
 * access rights / and the repository exists."), each cut in its middle past LINE_MAX characters.
 */
function explaining(lines: string[]): string[] {
  const cause = lines.flatMap((l, i) => (/^(fatal|error|ssh):/i.test(l) && i < lines.length - 2 ? [i] : [])).slice(-EXPLAINING);
  const keep = [...cause, ...[lines.length - 2, lines.length - 1].filter((i) => i >= 0)];
  return keep.map((i) => lines[i]!).map((l) => (l.length > LINE_MAX ? `${l.slice(0, LINE_MAX / 2)}…${l.slice(-LINE_MAX / 2)}` : l));
}
const EXPLAINING = 3;
const LINE_MAX = 110;

/** Hides credentials that a user may have put into a Git URL. */
export function redactUrls(text: string): string {
  return text.replace(/(\/\/)[^/@\s]+@/g, '$1***@');
}

const UNITS: Record<string, number> = { bytes: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

/**
 * A stderr listener for `git push/fetch --progress`: calls `onBytes` with the pack bytes git says
 * it has written or received so far ("Writing objects: 40% (2/5), 3.00 MiB | ...").
 */
export function gitProgressBytes(onBytes: (bytes: number) => void): (chunk: Buffer) => void {
  let carry = '';
  return (chunk) => {
    const lines = (carry + chunk.toString('latin1')).split(/[\r\n]/);
    carry = (lines.pop() ?? '').slice(-512);
    for (const line of lines) {
      const m = /(?:Writing|Receiving) objects:.*?, ([\d.]+) (bytes|KiB|MiB|GiB)/.exec(line);
      if (m) onBytes(Math.round(Number(m[1]) * UNITS[m[2]!]!));
    }
  };
}
