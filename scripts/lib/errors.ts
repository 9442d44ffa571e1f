/**
 * Errors that carry a user-facing message. Entry points catch them once (see cli/main.ts) and
 * print `error: <message>`; everything else is a bug and is reported as such.
 */
export type ExitCode = 0 | 1 | 2;

export class AliveError extends Error {
  override readonly name: string = 'AliveError';
  /** A short machine-readable reason, for --json output and tests (e.g. "checksum_mismatch"). */
  readonly code: string;
  readonly exitCode: ExitCode;
  constructor(message: string, options: { code?: string; exitCode?: ExitCode; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? 'failed';
    this.exitCode = options.exitCode ?? 1;
  }
}

/** Bad command-line usage: exit code 2. */
export class UsageError extends AliveError {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(message, { code: 'usage', exitCode: 2 });
  }
}

export function isAliveError(err: unknown): err is AliveError {
  return err instanceof AliveError;
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
