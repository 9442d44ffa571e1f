/**
 * Collecting a response: the responder writes it to its outbox with `In-Reply-To: <request id>`;
 * the requester finds it there, moves it to the responder's archive (one collector wins) and
 * reads it. Other responses in the outbox are left alone.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDir, freeName, renameIfPresent } from './fsutil.ts';
import { idFromFileName, messageFileName } from './ids.ts';
import { archiveDayDir, isMessageFileName, receiverPaths } from './layout.ts';
import { decodeUtf8, parseMessage, type ParsedMessage } from './message.ts';
import { normaliseName } from './names.ts';
import { waitUntil, type DirWatcherOptions, type WaitResult } from './wait.ts';

export interface CollectedResponse {
  id: string;
  fileName: string;
  /** Where the response is now (the responder's archive). */
  path: string;
  message: ParsedMessage;
}

const HEAD_BYTES = 4096;

/** Reads the In-Reply-To header of an outbox file cheaply (first 4 KB), or undefined. */
function inReplyToOf(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    const text = buf.subarray(0, n).toString('utf8');
    const headerEnd = text.search(/\r?\n\r?\n/);
    return parseMessage(headerEnd === -1 ? text : text.slice(0, headerEnd)).inReplyTo;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** A finder that remembers the files it has already looked at. */
export function responseFinder(root: string, responder: string, requestId: string): () => CollectedResponse | undefined {
  const paths = receiverPaths(root, normaliseName(responder, 'receiver'));
  const seen = new Set<string>();
  return () => {
    let names: string[];
    try {
      names = readdirSync(paths.outbox);
    } catch {
      return undefined;
    }
    for (const name of names) {
      if (seen.has(name) || !isMessageFileName(name)) continue;
      seen.add(name);
      const src = join(paths.outbox, name);
      if (inReplyToOf(src) !== requestId) continue;
      const now = new Date();
      const dayDir = archiveDayDir(paths, now);
      ensureDir(dayDir);
      const dest = join(dayDir, freeName(dayDir, name));
      if (!renameIfPresent(src, dest)) continue; // collected by someone else
      const text = decodeUtf8(readFileSync(dest)) ?? readFileSync(dest, 'latin1');
      return { id: idFromFileName(name)!, fileName: name, path: dest, message: parseMessage(text) };
    }
    return undefined;
  };
}

export interface DeadLettered {
  reason: string;
  code: string;
}

export type ResponseWaitResult = WaitResult<CollectedResponse> | { ok: false; deadLettered: DeadLettered };

/** The reason file of a request the responder sent to dead-letter, if it is there. */
function deadLetterOf(root: string, responder: string, requestId: string): DeadLettered | undefined {
  const paths = receiverPaths(root, normaliseName(responder, 'receiver'));
  try {
    const r = JSON.parse(readFileSync(join(paths.deadLetter, `${messageFileName(requestId)}.reason.json`), 'utf8')) as Record<string, unknown>;
    return { reason: String(r.reason ?? 'unknown reason'), code: String(r.code ?? 'failed') };
  } catch {
    return undefined;
  }
}

/**
 * Waits up to `timeoutMs` for the response to `requestId` in `responder`'s outbox. Ends early when
 * the request went to the responder's dead-letter (its reason is returned).
 */
export async function waitForResponse(
  root: string,
  responder: string,
  requestId: string,
  timeoutMs: number,
  signal?: AbortSignal,
  options: DirWatcherOptions = {},
): Promise<ResponseWaitResult> {
  const paths = receiverPaths(root, normaliseName(responder, 'receiver'));
  ensureDir(paths.outbox);
  const find = responseFinder(root, responder, requestId);
  // The dead-letter folder is not watched: it is looked at on every wake-up, which includes the
  // watcher's idle poll (once a second). One failed open() when there is nothing there.
  const check = (): CollectedResponse | DeadLettered | undefined => find() ?? deadLetterOf(root, responder, requestId);
  const r = await waitUntil(paths.outbox, check, timeoutMs, signal ? { ...options, signal } : options);
  if (r.ok && !('message' in r.value)) return { ok: false, deadLettered: r.value };
  return r as WaitResult<CollectedResponse>;
}
