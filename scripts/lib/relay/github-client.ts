import { Octokit } from '@octokit/rest';
import { AliveError, errnoCode, messageOf, asAliveError } from '../errors.ts';
import { inlineText } from '../text/untrusted.ts';
import { BadAnswer } from './github-answer.ts';
import { answerFetch, answerRefused, MAX_ANSWER_BYTES } from './github-fetch.ts';
import { tokenSource } from './token.ts';

/** The token each Octokit of createOctokit was given: githubError keeps it out of messages. */
const tokens = new WeakMap<Octokit, string>();

/** Octokit pointed at the configured API, with no logging (hooks must stay quiet). */
export function createOctokit(baseUrl: string, token: string): Octokit {
  const quiet = () => {};
  const octokit = new Octokit({
    auth: token,
    baseUrl,
    userAgent: 'alive-relay',
    // Every answer is read under bounds before Octokit sees it (github-fetch.ts).
    request: { fetch: answerFetch },
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
  tokens.set(octokit, token);
  return octokit;
}

/** The token an Octokit of createOctokit sends (for githubError's scrubbing only). */
export function tokenOf(octokit: Octokit): string | undefined {
  return tokens.get(octokit);
}

/**
 * Text from the HTTP layer or a server with the token, its pieces, and any quoted or unquoted
 * `token …`/`Bearer …` (Authorization) value replaced by `[hidden]`.
 */
export function hideToken(text: string, token?: string): string {
  let out = text;
  if (token) {
    out = out.split(token).join('[hidden]');
    // The pieces of a token holding white space or control characters, each long enough to matter.
    for (const piece of token.split(/[^\x21-\x7e]+/)) if (piece.length >= 4) out = out.split(piece).join('[hidden]');
  }
  return (
    out
      .replace(/(["'`])\s*(token|bearer)\s[^"'`]*\1/gi, '$1$2 [hidden]$1')
      // Unquoted, a value of 8 characters or more: a shorter one is a word ("the token is invalid").
      .replace(/\b(token|bearer)(\s*[:=]\s*|\s+)(?!\[hidden\])[^\s"'`]{8,}/gi, '$1 [hidden]')
  );
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

/**
 * Whether a failure came from the HTTP layer, not from our code: Octokit's RequestError (it has a
 * status, answered or not: a failed fetch is a 500 without an answer), an abort or a timeout, or
 * an error of the network or the system (a code such as ECONNRESET or UND_ERR_SOCKET), itself or
 * as the cause of one (a download's body cut off is a TypeError 'terminated' caused by the socket).
 */
export function isTransportFailure(err: unknown): boolean {
  if (httpStatus(err) !== undefined) return true;
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++, e = (e as { cause?: unknown }).cause) {
    const name = (e as { name?: unknown }).name;
    if (name === 'AbortError' || name === 'TimeoutError' || errnoCode(e) !== undefined) return true;
  }
  return false;
}

export function isStatus(err: unknown, ...codes: number[]): boolean {
  const s = httpStatus(err);
  return hasResponse(err) && s !== undefined && codes.includes(s);
}

/** GitHub's own `message` field, without the documentation link and the token, fit for a one-line message. */
export function githubMessage(err: unknown, token?: string): string {
  const data = (err as HttpErrorLike | undefined)?.response?.data;
  if (data && typeof data === 'object' && 'message' in data && typeof (data as { message: unknown }).message === 'string') {
    return inlineText(hideToken((data as { message: string }).message, token), 300);
  }
  return inlineText(hideToken(messageOf(err).replace(/ - https?:\/\/\S+$/, ''), token), 300);
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

/**
 * Turns an Octokit failure into a user-facing error saying what to do next. Every text taken from
 * the failure goes through hideToken (`token`: the one sent, see tokenOf): the HTTP layer quotes
 * header values it refuses, and a server may echo what it was sent.
 */
export function githubError(err: unknown, doing: string, baseUrl: string, token?: string): AliveError {
  if (err instanceof AliveError) return err;
  const fix = "check the API URL (GITHUB_API_URL or relay.json's api_url), and any proxy between you and GitHub";
  const refused = answerRefused(err);
  if (refused?.problem === 'too_large') {
    return new AliveError(
      `GitHub at ${baseUrl} answered with over ${MAX_ANSWER_BYTES / 1024 / 1024} MiB while ${doing}, more than its API sends for anything alive asks; ` +
        `it was not read further: ${fix}`,
      { code: 'too_large' },
    );
  }
  if (refused) {
    const type = refused.contentType ? inlineText(hideToken(refused.contentType, token), 80) : 'no content type';
    return new AliveError(`GitHub at ${baseUrl} answered with ${type}, not JSON, while ${doing} (a web page, not GitHub's API): ${fix}`, {
      code: 'bad_relay',
    });
  }
  if (err instanceof BadAnswer) {
    return new AliveError(`GitHub at ${baseUrl} answered otherwise than its API documents while ${doing} (${inlineText(err.message, 200)}): ${fix}`, {
      code: 'bad_relay',
    });
  }
  // Anything else that did not come from the HTTP layer is a bug of ours, not the relay's nor the network's.
  if (!isTransportFailure(err)) return asAliveError(err, doing, (text) => hideToken(text, token));
  const status = httpStatus(err);
  if (!hasResponse(err)) {
    const timedOut = /abort|timeout/i.test(`${(err as Error)?.name} ${messageOf(err)}`);
    const raw = messageOf(err);
    const shown = hideToken(raw, token);
    return new AliveError(
      timedOut
        ? `GitHub at ${baseUrl} did not answer in time while ${doing}; check your connection and try again`
        : `could not reach GitHub at ${baseUrl} while ${doing}: ${inlineText(shown, 300)}; check your connection and try again`,
      // The cause keeps the raw text: dropped when that held a secret.
      { code: timedOut ? 'timeout' : 'network', ...(shown === raw ? { cause: err } : {}) },
    );
  }
  const headers = (err as HttpErrorLike).response?.headers ?? {};
  const msg = githubMessage(err, token);
  if (status === 401) {
    const src = tokenSource(baseUrl);
    const fix = src.githubCom ? `set ${src.variables[0]} to a valid token` : `set ${src.variables[0]} to a valid token for ${src.host}`;
    return new AliveError(`GitHub rejected the token while ${doing} (401 ${msg}); ${fix} or run ${src.login}`, {
      code: 'unauthorized',
      cause: err,
    });
  }
  // GitHub documents both limits as 403 or 429: the primary with x-ratelimit-remaining: 0, a
  // secondary one (too many requests at once) with retry-after and requests left.
  const usedUp = String(headers['x-ratelimit-remaining'] ?? '').trim() === '0';
  const retryAfterSent = String(headers['retry-after'] ?? '').trim() !== '';
  if (status === 429 || (status === 403 && (usedUp || retryAfterSent))) {
    const reset = headerNumber(headers['x-ratelimit-reset'], MIN_EPOCH_S, MAX_EPOCH_S);
    const when = reset !== undefined ? ` at ${new Date(reset * 1000).toISOString()}` : ' later';
    const seconds = headerNumber(headers['retry-after'], 0, MAX_RETRY_AFTER_S);
    const retryAfter = seconds !== undefined ? ` (retry after ${seconds} s)` : '';
    const what = usedUp || !retryAfterSent ? "GitHub's API rate limit is used up" : "GitHub's secondary rate limit (too many requests in a short time) was hit";
    return new AliveError(`${what} while ${doing}; try again${when}${retryAfter}`, { code: 'rate_limited', cause: err });
  }
  if (status === 403) {
    return new AliveError(`GitHub refused ${doing} (403 ${msg}); the token may lack the 'repo' scope`, { code: 'forbidden', cause: err });
  }
  if (status !== undefined && status >= 500) {
    return new AliveError(`GitHub failed while ${doing} (${status} ${msg}); try again in a few minutes`, { code: 'server_error', cause: err });
  }
  return new AliveError(`GitHub refused ${doing} (${status ?? '?'} ${msg})`, { code: 'http_refused', cause: err, fields: { http_status: status ?? null } });
}

/** A streamed transfer's abort signal, and what keeps it from firing while bytes move. */
export interface TransferWatch {
  signal: AbortSignal;
  /** Bytes moved: the idle clock starts again. */
  moved(): void;
  /** The transfer ended: no timer is left behind. */
  stop(): void;
}

/**
 * An abort signal for an upload or download that fires when no byte has moved for `idleMs`
 * (a server, or a network, that stalls mid-transfer), or after `totalMs` in all. A TimeoutError,
 * which githubError reports as code `timeout`.
 */
export function transferWatch(idleMs: number, totalMs: number): TransferWatch {
  const ctl = new AbortController();
  const abort = (why: string) => ctl.abort(new DOMException(why, 'TimeoutError'));
  const idle = setTimeout(() => abort(`timeout: no data moved for ${idleMs / 1000} s`), idleMs);
  const total = setTimeout(() => abort(`timeout: the transfer took over ${totalMs / 1000} s`), totalMs);
  return {
    signal: ctl.signal,
    moved: () => {
      idle.refresh();
    },
    stop: () => {
      clearTimeout(idle);
      clearTimeout(total);
    },
  };
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
      // An answer refused for what it is (too large, not JSON) would be refused again; a bug of ours too.
      const retryable = hasResponse(err)
        ? status !== undefined && status >= 500
        : isTransportFailure(err) && !answerRefused(err) && !/abort|timeout/i.test(`${(err as Error)?.name} ${messageOf(err)}`);
      const wait = 250 * 2 ** i;
      if (!retryable || i === attempts - 1 || (deadline !== undefined && Date.now() + wait >= deadline)) throw err;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
  throw lastErr;
}
