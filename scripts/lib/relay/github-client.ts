import { Octokit } from '@octokit/rest';
import { AliveError, messageOf } from '../errors.ts';
import { inlineText } from '../text/untrusted.ts';

/** Octokit pointed at the configured API, with no logging (hooks must stay quiet). */
export function createOctokit(baseUrl: string, token: string): Octokit {
  const quiet = () => {};
  return new Octokit({
    auth: token,
    baseUrl,
    userAgent: 'alive-relay',
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
}

interface HttpErrorLike {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

export function httpStatus(err: unknown): number | undefined {
  if (err && typeof err === 'object' && 'status' in err && typeof (err as { status: unknown }).status === 'number') {
    return (err as { status: number }).status;
  }
  return undefined;
}

/** True when GitHub answered (as opposed to a network failure or a timeout). */
export function hasResponse(err: unknown): boolean {
  return Boolean(err && typeof err === 'object' && 'response' in err && (err as HttpErrorLike).response);
}

export function isStatus(err: unknown, ...codes: number[]): boolean {
  const s = httpStatus(err);
  return hasResponse(err) && s !== undefined && codes.includes(s);
}

/** GitHub's own `message` field, without the documentation link, fit for a one-line message. */
export function githubMessage(err: unknown): string {
  const data = (err as HttpErrorLike | undefined)?.response?.data;
  if (data && typeof data === 'object' && 'message' in data && typeof (data as { message: unknown }).message === 'string') {
    return inlineText((data as { message: string }).message, 300);
  }
  return inlineText(messageOf(err).replace(/ - https?:\/\/\S+$/, ''), 300);
}

// Rate-limit headers are the server's text: only plain numbers in these ranges reach a message.
const MIN_EPOCH_S = 1_000_000_000; // 2001
const MAX_EPOCH_S = 10_000_000_000; // 2286
const MAX_RETRY_AFTER_S = 86_400;

/** A header that is only digits, as a number within [min, max]; undefined otherwise. */
function headerNumber(value: string | number | undefined, min: number, max: number): number | undefined {
  const text = String(value ?? '').trim();
  if (!/^\d{1,15}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/** Turns an Octokit failure into a user-facing error saying what to do next. */
export function githubError(err: unknown, doing: string, baseUrl: string): AliveError {
  if (err instanceof AliveError) return err;
  const status = httpStatus(err);
  if (!hasResponse(err)) {
    const timedOut = /abort|timeout/i.test(`${(err as Error)?.name} ${messageOf(err)}`);
    return new AliveError(
      timedOut
        ? `GitHub at ${baseUrl} did not answer in time while ${doing}; check your connection and try again`
        : `could not reach GitHub at ${baseUrl} while ${doing}: ${inlineText(messageOf(err), 300)}; check your connection and try again`,
      { code: timedOut ? 'timeout' : 'network', cause: err },
    );
  }
  const headers = (err as HttpErrorLike).response?.headers ?? {};
  const msg = githubMessage(err);
  if (status === 401) {
    return new AliveError(`GitHub rejected the token while ${doing} (401 ${msg}); set GH_TOKEN to a valid token or run \`gh auth login\``, {
      code: 'unauthorized',
      cause: err,
    });
  }
  if ((status === 403 || status === 429) && (String(headers['x-ratelimit-remaining'] ?? '') === '0' || status === 429)) {
    const reset = headerNumber(headers['x-ratelimit-reset'], MIN_EPOCH_S, MAX_EPOCH_S);
    const when = reset !== undefined ? ` at ${new Date(reset * 1000).toISOString()}` : ' later';
    const seconds = headerNumber(headers['retry-after'], 0, MAX_RETRY_AFTER_S);
    const retryAfter = seconds !== undefined ? ` (retry after ${seconds} s)` : '';
    return new AliveError(`GitHub's API rate limit is used up while ${doing}; try again${when}${retryAfter}`, { code: 'rate_limited', cause: err });
  }
  if (status === 403) {
    return new AliveError(`GitHub refused ${doing} (403 ${msg}); the token may lack the 'repo' scope`, { code: 'forbidden', cause: err });
  }
  if (status !== undefined && status >= 500) {
    return new AliveError(`GitHub failed while ${doing} (${status} ${msg}); try again in a few minutes`, { code: 'server_error', cause: err });
  }
  return new AliveError(`GitHub refused ${doing} (${status ?? '?'} ${msg})`, { code: 'http_refused', cause: err, fields: { http_status: status ?? null } });
}

/** Per-call abort signal: the earlier of `timeoutMs` and the caller's deadline. */
export function callSignal(timeoutMs: number, deadline?: number): AbortSignal {
  const ms = deadline !== undefined ? Math.min(timeoutMs, deadline - Date.now()) : timeoutMs;
  return AbortSignal.timeout(Math.max(1, ms));
}

/**
 * Retries a read on 5xx and network failures (not on 4xx, not past the deadline), with short
 * backoff. Writes are not retried here: their callers decide whether a retry is safe.
 */
export async function withReadRetry<T>(fn: () => Promise<T>, deadline?: number, attempts = 3): Promise<T> {
  let lastErr: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (err) {
      lastErr = err;
      const status = httpStatus(err);
      const retryable = hasResponse(err) ? status !== undefined && status >= 500 : !/abort|timeout/i.test(`${(err as Error)?.name} ${messageOf(err)}`);
      const wait = 250 * 2 ** i;
      if (!retryable || i === attempts - 1 || (deadline !== undefined && Date.now() + wait >= deadline)) throw err;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
  throw lastErr;
}
