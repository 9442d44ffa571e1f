/**
 * The fetch under every Octokit call of the relay: what an API server answers is someone else's
 * bytes, read here under bounds. Octokit reads an answer whole into memory, and a body that fails
 * halfway (too large, or the call's deadline passing while it trickles) reaches the caller as an
 * empty answer: so an answer is read here, under the call's abort signal, before Octokit sees it.
 *
 * - A JSON answer: at most MAX_ANSWER_BYTES, else refused (AnswerRefused 'too_large'); a body
 *   that is not JSON (a web page from a proxy, a wrong API URL) is refused ('not_json').
 * - An error answer (any status outside 2xx): its first MAX_ERROR_BODY_BYTES only; its status
 *   keeps its meaning (a 404 is still "not there").
 * - An answer its caller reads as a stream, with its own cap (streamedAnswers): untouched.
 */

/** GitHub documents 7 MB for its largest answer here (a recursive tree of 100,000 entries). */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
/** GitHub's error answers are a message and a link; what is past this is cut off. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

export type AnswerProblem = 'too_large' | 'not_json';

/** An answer refused by answerFetch (Octokit hands it on as the `cause` of its RequestError). */
export class AnswerRefused extends Error {
  override readonly name = 'AnswerRefused';
  constructor(
    readonly problem: AnswerProblem,
    /** For not_json: the content type the server named (its text: shown only through inlineText). */
    readonly contentType = '',
  ) {
    super(problem === 'too_large' ? `the answer is over ${MAX_ANSWER_BYTES / 1024 / 1024} MiB` : 'the answer is not JSON');
  }
}

/** The AnswerRefused behind an Octokit failure, if that is what it is. */
export function answerRefused(err: unknown): AnswerRefused | undefined {
  if (err instanceof AnswerRefused) return err;
  const cause = err && typeof err === 'object' ? (err as { cause?: unknown }).cause : undefined;
  return cause instanceof AnswerRefused ? cause : undefined;
}

/** Statuses whose answer has no body (the Response constructor refuses one). */
const NO_BODY = new Set([101, 103, 204, 205, 304]);

function rebuilt(res: Response, body: Uint8Array | null): Response {
  return new Response(NO_BODY.has(res.status) ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/**
 * The body's first `max` bytes, or all of a shorter one. `past`: what to do when there is more:
 * 'cut' keeps the first `max`, 'refuse' returns undefined. Either way the rest is never read.
 * A read that fails (the signal aborted it, the connection dropped) throws.
 */
export async function readBounded(body: ReadableStream<Uint8Array> | null, max: number, past: 'cut' | 'refuse'): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (n + value.length > max) {
      await reader.cancel().catch(() => {});
      if (past === 'refuse') return undefined;
      chunks.push(value.subarray(0, max - n));
      n = max;
      break;
    }
    chunks.push(value);
    n += value.length;
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function errorAnswer(res: Response): Promise<Response> {
  return rebuilt(res, (await readBounded(res.body, MAX_ERROR_BODY_BYTES, 'cut')) ?? null);
}

function isJsonType(contentType: string): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType.trim());
}

/** The fetch of every call whose answer Octokit parses (see the module comment). */
export async function answerFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const res = await fetch(input, init);
  if (res.status < 200 || res.status > 299) return errorAnswer(res);
  const body = await readBounded(res.body, MAX_ANSWER_BYTES, 'refuse');
  if (!body) throw new AnswerRefused('too_large');
  const type = res.headers.get('content-type') ?? '';
  if (body.length > 0 && !NO_BODY.has(res.status) && !isJsonType(type)) throw new AnswerRefused('not_json', type);
  return rebuilt(res, body);
}

/** The fetch of a call that reads its answer as a stream, with its own cap: only an error's body is read here. */
export async function streamedFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const res = await fetch(input, init);
  return res.status < 200 || res.status > 299 ? errorAnswer(res) : res;
}

/** Octokit `request` options for a call whose caller reads the answer as a stream. */
export const streamedAnswers = { fetch: streamedFetch, parseSuccessResponseBody: false } as const;
