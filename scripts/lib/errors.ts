/**
 * Errors that carry a user-facing message. The command factory (cli/command.ts) catches them once
 * and prints `error: <message>` (and, under --json, one failure object); anything else is a bug
 * and is reported as such.
 */
/** 130 and 143: a wait stopped by Ctrl-C or SIGTERM ends as the signal would (128 + its number). */
export type ExitCode = 0 | 1 | 2 | 130 | 143;

/**
 * Every machine-readable reason a command can fail with: the `error.code` of a --json failure.
 * README lists them; tests assert codes, not message wording.
 */
export const ERROR_CODES = [
  'agent_failed',
  'agent_not_found',
  'agent_not_started',
  'agent_output_too_large',
  'agent_timeout',
  'already_set_up',
  'ambiguous',
  'answer_not_stored',
  'bad_archive',
  'bad_download',
  'bad_envelope',
  'bad_id',
  'bad_journal',
  'bad_key',
  'bad_login',
  'bad_manifest',
  'bad_payload',
  'bad_relay',
  'bad_repo',
  'bad_signature',
  'bad_signer',
  'bad_token',
  'bad_url',
  'bad_v1',
  'bundle_collision',
  'busy',
  'cannot_read_v1',
  'changed_while_packing',
  'checksum_mismatch',
  'clone_locked',
  'config_invalid',
  'config_unreadable',
  'conflict',
  'corrupt_download',
  'custom',
  'dead_letter',
  'duplicate',
  'duplicate_entry',
  'duplicate_id',
  'duplicate_path',
  'empty_body',
  'encrypted',
  'exists',
  'failed',
  'fingerprint_mismatch',
  'forbidden',
  'git_failed',
  'git_output_too_large',
  'git_timeout',
  'interrupted',
  'invalid_field',
  'invalid_id',
  'invalid_json',
  'invalid_thread',
  'http_refused',
  'insecure_url',
  'io',
  'key_changed',
  'key_exists',
  'key_in_use',
  'key_not_found',
  'key_permissions',
  'lease_lost',
  'ledger',
  'missing_field',
  'missing_file',
  'mcp_config',
  'missing_manifest',
  'name_collision',
  'network',
  'no_access',
  'no_answer',
  'no_bundle',
  'no_bus',
  'no_git',
  'no_key',
  'no_passphrase',
  'no_peer_key',
  'no_relay',
  'no_such_user',
  'no_target',
  'no_token',
  'no_walnut',
  'no_world',
  'not_a_file',
  'not_a_request',
  'not_found',
  'not_pinned',
  'not_set_up',
  'not_utf8',
  'not_your_relay',
  'not_yours',
  'not_v1',
  'output_in_walnut',
  'outside_world',
  'package_changed',
  'payload_mismatch',
  'peer_not_set_up',
  'public_relay',
  'pull_limit',
  'push_failed',
  'rate_limited',
  'relay_history_too_large',
  'relay_ignores_filter',
  'relay_not_found',
  'sender_not_allowed',
  'sensitive',
  'server_error',
  'size_mismatch',
  'syntax',
  'timeout',
  'too_large',
  'turn_budget',
  'unauthorized',
  'unexpected',
  'unexpected_entry',
  'unknown_receiver',
  'unknown_peer',
  'unlisted_file',
  'unpackable_name',
  'unreadable',
  'unsafe_bus_folder',
  'unsafe_entry',
  'unsafe_name',
  'unsafe_path',
  'unsafe_world',
  'unsigned',
  'unsupported_version',
  'unverified',
  'unwritable',
  'url_rewritten',
  'usage',
  'wrong_account',
  'wrong_key',
  'wrong_passphrase',
  'wrong_recipient',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The codes of a command line that is wrong: a bad flag or argument (`usage`), and a message or
 * thread id named wrongly or not precisely enough. They exit 2, every other code exits 1.
 */
export const USAGE_ERROR_CODES = ['usage', 'invalid_id', 'invalid_thread', 'ambiguous'] as const satisfies readonly ErrorCode[];

/**
 * Someone else's text a refusal must show to be useful (config.json's problems, which any bus
 * writer can write). Never part of the message: the entry prints `lines` (a fence) after the
 * `error:` line, and --json gives `json` as `error.untrusted`. Made by untrustedDetail
 * (text/fence.ts), which draws the fence once, so the entries' start-up loads no fence code.
 */
export interface UntrustedDetail {
  /** `{config_problem: text}`: one field named after the fence. */
  readonly json: Readonly<Record<string, string>>;
  /** The fence (`UNTRUSTED CONFIG PROBLEM`), escaped for a terminal. */
  readonly lines: readonly string[];
  /** The words of the message that point at the fence ("…in the untrusted detail that follows"), if any: summaryOf (text/fence.ts) leaves them out. */
  readonly reference?: string;
}

export interface AliveErrorOptions {
  code?: ErrorCode;
  cause?: unknown;
  /** Extra fields of the --json failure object (beside `ok: false` and `error`). */
  fields?: Record<string, unknown>;
  /** Text of someone else's the message refers to ("in the fence below"): never in the message itself. */
  untrusted?: UntrustedDetail;
  /** Only for a command stopped by a signal (130, 143); otherwise the code decides. */
  exitCode?: ExitCode;
}

export class AliveError extends Error {
  override readonly name: string = 'AliveError';
  /** A short machine-readable reason, for --json output and tests (e.g. "checksum_mismatch"). */
  readonly code: ErrorCode;
  /** Follows from the code: 2 for a usage code, else 1. */
  readonly exitCode: ExitCode;
  readonly fields: Record<string, unknown> | undefined;
  readonly untrusted: UntrustedDetail | undefined;
  constructor(message: string, options: AliveErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? 'failed';
    this.exitCode = options.exitCode ?? ((USAGE_ERROR_CODES as readonly string[]).includes(this.code) ? 2 : 1);
    this.fields = options.fields;
    this.untrusted = options.untrusted;
  }
}

/** Bad command-line usage: exit code 2. */
export class UsageError extends AliveError {
  override readonly name = 'UsageError';
  /** The command's usage text, printed on stderr after the error line (not part of --json). */
  readonly usage: string | undefined;
  constructor(message: string, usage?: string) {
    super(message, { code: 'usage' });
    this.usage = usage;
  }
}

export function isAliveError(err: unknown): err is AliveError {
  return err instanceof AliveError;
}

/** Narrows a string read from elsewhere (a record, a server) to a known code, else 'failed'. */
export function toErrorCode(raw: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(raw) ? (raw as ErrorCode) : 'failed';
}

/**
 * Any failure as an AliveError: itself, or else (a bug: nothing we explain) code `unexpected`, in
 * the one wording of the command entry's report. `doing` says where it happened; `clean` takes
 * secrets out of the message (a token, say). The original is the cause (its stack is printed with
 * ALIVE_DEBUG=1), unless `clean` changed its message.
 */
export function asAliveError(err: unknown, doing?: string, clean: (text: string) => string = (t) => t): AliveError {
  if (err instanceof AliveError) return err;
  const raw = messageOf(err);
  const shown = clean(raw);
  return new AliveError(`unexpected failure${doing ? ` while ${doing}` : ''}: ${shown} (run again with ALIVE_DEBUG=1 for details, and report it)`, {
    code: 'unexpected',
    ...(shown === raw ? { cause: err } : {}),
  });
}

/**
 * `err` with `extra` among its --json fields: a new AliveError of the same message, code, exit
 * code and untrusted detail, caused by `err` (ALIVE_DEBUG shows its stack). A usage error, an
 * error that is not an AliveError, or no `extra` at all: `err` as it is.
 */
export function withFields(err: unknown, extra: Record<string, unknown>): unknown {
  if (!(err instanceof AliveError) || err instanceof UsageError || Object.keys(extra).length === 0) return err;
  return new AliveError(err.message, {
    code: err.code,
    exitCode: err.exitCode,
    fields: { ...err.fields, ...extra },
    ...(err.untrusted ? { untrusted: err.untrusted } : {}),
    cause: err,
  });
}

/**
 * The untrusted detail of `err` as AliveErrorOptions, for an AliveError made from it
 * (`new AliveError(ours, {code, ...untrustedDetailOf(err)})`): a message that wraps another keeps
 * the text that message refers to. Nothing for an error without one.
 */
export function untrustedDetailOf(err: unknown): Pick<AliveErrorOptions, 'untrusted'> {
  return err instanceof AliveError && err.untrusted !== undefined ? { untrusted: err.untrusted } : {};
}

/** The message of any thrown value, without a stack. */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Node's system error code (ENOENT, EEXIST, ...), if any. */
export function errnoCode(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
    return (err as { code: string }).code;
  }
  return undefined;
}
