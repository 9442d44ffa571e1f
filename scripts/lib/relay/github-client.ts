import { Octokit } from '@octokit/rest';
import { AliveError, errnoCode, messageOf, asAliveError, type UntrustedDetail } from '../errors.ts';
import { untrustedDetail } from '../text/fence.ts';
import { inlineText } from '../text/untrusted.ts';
import { BadAnswer } from './github-answer.ts';
import { answerFetch, answerRefused, MAX_ANSWER_BYTES } from './github-fetch.ts';
import { readRetryFirstWaitMs } from './read-retry-wait.ts';
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

/** The words a message of ours ends with when the server's own words follow it (summaryOf leaves them out). */
export const SERVER_WORDS_FOLLOW = "; the server's own words are in the untrusted detail that follows";

/** At most this many characters of the server's words are kept, and this many of its errors[]. */
const MAX_SERVER_WORDS = 1000;
const MAX_SERVER_ERRORS = 10;

/**
 * What the server said in its error answer (its `message`, the `message` or `code` of each of
 * `errors[]`, its `documentation_url`; a body that is not JSON as it is), without the token: the
 * untrusted detail of the error we make from it ('server message': fenced on a terminal,
 * `error.untrusted.server_message` under --json). A hostile API server, or a proxy, writes what it
 * likes there, an instruction to the agent reading our output included, so it is never part of
 * a message of ours. Nothing when the answer carried no words.
 */
export function serverWords(err: unknown, token?: string): UntrustedDetail | undefined {
  const data = (err as HttpErrorLike | undefined)?.response?.data;
  const parts: string[] = [];
  if (typeof data === 'string') parts.push(data);
  else if (data && typeof data === 'object') {
    const d = data as { message?: unknown; errors?: unknown; documentation_url?: unknown };
    if (typeof d.message === 'string') parts.push(d.message);
    if (Array.isArray(d.errors)) {
      for (const e of d.errors.slice(0, MAX_SERVER_ERRORS)) {
        const entry = e as { message?: unknown; code?: unknown } | null;
        if (typeof e === 'string') parts.push(e);
        else if (typeof entry?.message === 'string') parts.push(entry.message);
        else if (typeof entry?.code === 'string') parts.push(entry.code);
      }
    }
    if (typeof d.documentation_url === 'string') parts.push(`documentation: ${d.documentation_url}`);
  }
  const text = inlineText(hideToken(parts.filter((p) => p.trim() !== '').join(' / '), token), MAX_SERVER_WORDS);
  return text === '' ? undefined : untrustedDetail('server message', text, SERVER_WORDS_FOLLOW);
}

/** An HTTP status and what it means for the user, in our words: `HTTP 403, no access`. */
export function statusWords(status: number | undefined): string {
  if (status === undefined) return 'an HTTP error';
  const meaning: Record<number, string> = {
    400: 'a request it could not read',
    401: 'the token is not valid, or has expired',
    403: 'no access with this token',
    404: 'not found, or not visible to this token',
    409: 'a conflict with a change made meanwhile',
    410: 'gone',
    422: 'a request it would not carry out',
  };
  return `HTTP ${status}, ${meaning[status] ?? (status >= 500 ? 'a failure on its side' : 'refused')}`;
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

/** A media type as a name: `type/subtype`, letters, digits and `.+-_` only (never a sentence). */
const PLAIN_MEDIA_TYPE = /^[a-z0-9][\w.+-]{0,39}\/[a-z0-9][\w.+-]{0,59}$/i;

/**
 * A content type the server sent (its text) for a message of ours: its media type when that is a
 * plain `type/subtype` and any parameter is only a charset; else our words, the header whole being
 * the untrusted detail ('content type').
 */
function contentTypeWords(type: string): { shown: string; untrusted?: UntrustedDetail } {
  if (type.trim() === '') return { shown: 'no content type' };
  const [essence = '', ...params] = type.split(';').map((p) => p.trim());
  const plain = PLAIN_MEDIA_TYPE.test(essence);
  if (plain && params.every((p) => /^charset=[\w.-]{1,40}$/i.test(p))) return { shown: essence };
  const follows = '; the content type it sent is in the untrusted detail that follows';
  return {
    shown: plain ? `${essence} and parameters of its own` : 'a content type of its own',
    untrusted: untrustedDetail('content type', inlineText(type, 300), follows),
  };
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
    const { shown, untrusted } = contentTypeWords(refused.contentType ? hideToken(refused.contentType, token) : '');
    return new AliveError(
      `GitHub at ${baseUrl} answered with ${shown}, not JSON, while ${doing} (a web page, not GitHub's API): ${fix}${untrusted?.reference ?? ''}`,
      {
        code: 'bad_relay',
        ...(untrusted ? { untrusted } : {}),
      },
    );
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
  // The server's words are the error's untrusted detail, never part of our message.
  const words = serverWords(err, token);
  const detail = { cause: err, ...(words ? { untrusted: words } : {}) };
  const follows = words ? SERVER_WORDS_FOLLOW : '';
  const said = statusWords(status);
  if (status === 401) {
    const src = tokenSource(baseUrl);
    const fix = src.githubCom ? `set ${src.variables[0]} to a valid token` : `set ${src.variables[0]} to a valid token for ${src.host}`;
    return new AliveError(`GitHub rejected the token while ${doing} (${said}); ${fix} or run ${src.login}${follows}`, { code: 'unauthorized', ...detail });
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
    return new AliveError(`${what} while ${doing}; try again${when}${retryAfter}${follows}`, { code: 'rate_limited', ...detail });
  }
  if (status === 403) {
    return new AliveError(`GitHub refused ${doing} (${said}); the token may lack the 'repo' scope${follows}`, { code: 'forbidden', ...detail });
  }
  if (status !== undefined && status >= 500) {
    return new AliveError(`GitHub failed while ${doing} (${said}); try again in a few minutes${follows}`, { code: 'server_error', ...detail });
  }
  return new AliveError(`GitHub refused ${doing} (${said})${follows}`, { code: 'http_refused', ...detail, fields: { http_status: status ?? null } });
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
      const wait = readRetryFirstWaitMs() * 2 ** i;
      if (!retryable || i === attempts - 1 || (deadline !== undefined && Date.now() + wait >= deadline)) throw err;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
  throw lastErr;
}
