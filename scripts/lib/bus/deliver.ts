/**
 * Delivery: a message appears in `runtimes/<receiver>/inbox/` whole or not at all. It is written
 * to `runtimes/<receiver>/.tmp/`, fsynced, then renamed in. Refusals (bad names, sender not
 * allowed, rate limit, size limit) happen before anything is written.
 */
import { closeSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';
import { AliveError } from '../errors.ts';
import { loadReceiverConfig, senderAllowed, type ReceiverConfig } from './config.ts';
import { openNewBusFile, publish, safeUnlinkBus, writeAll } from './fsutil.ts';
import { messageFileName, newMessageId } from './ids.ts';
import { receiverPaths } from './layout.ts';
import { formatMessage, type MessageKind } from './message.ts';
import { displayName, normaliseName } from './names.ts';
import { takeRateToken } from './ratelimit.ts';
import { trimEndOf } from '../text/trim.ts';

export interface SendOptions {
  root: string;
  /** Receiver, as typed (`@Claude`) or normalised. */
  to: string;
  /** Sender, as typed or normalised. */
  from: string;
  body: string;
  context?: string;
  /** Thread id; a new one (the message id) when absent. */
  thread?: string;
  /** Hop count in the thread (default 1). */
  turn?: number;
  now?: Date;
}

export interface SentMessage {
  id: string;
  fileName: string;
  path: string;
  /** Receiver folder name. */
  to: string;
  /** Sender folder name. */
  from: string;
  thread: string;
  turn: number;
  timestamp: string;
  bytes: number;
}

const THREAD_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/** A thread id made only of the characters our writer allows (what `--thread` accepts). */
export function isPlainThread(thread: string): boolean {
  return THREAD_PATTERN.test(thread);
}

export function validateThread(thread: string): string {
  if (!isPlainThread(thread)) {
    throw new AliveError(`invalid thread id '${thread.slice(0, 80)}': use letters, digits, '.', '_', ':', '@' or '-' (at most 128 characters)`, {
      code: 'invalid_thread',
    });
  }
  return thread;
}

/**
 * The thread and turn of a message being sent, `thread` being the one asked for (undefined: none).
 * Inside an agent started by `dispatch serve`, HELLOWORLD_THREAD and HELLOWORLD_TURN name the
 * message being answered: a send without a thread continues that thread, and a send on it (named
 * or not) is the next turn, so the receivers' turn budgets still count. Shared by `dispatch send`
 * and the MCP `send` tool, which an agent may use instead.
 */
export function continuedThread(thread: string | undefined, env: NodeJS.ProcessEnv = process.env): { thread: string | undefined; turn: number } {
  const envThread = env.HELLOWORLD_THREAD;
  const chosen = thread ?? (envThread !== undefined && envThread !== '' ? envThread : undefined);
  if (chosen !== undefined) validateThread(chosen);
  const envTurn = Number(env.HELLOWORLD_TURN);
  const turn = chosen !== undefined && chosen === envThread && Number.isInteger(envTurn) && envTurn > 0 ? envTurn + 1 : 1;
  return { thread: chosen, turn };
}

/** Sends a request message to a receiver's inbox. */
export async function sendMessage(opts: SendOptions): Promise<SentMessage> {
  if (opts.body.trim() === '') {
    throw new AliveError('the message is empty (nothing but white space); nothing was sent', { code: 'empty_body' });
  }
  const delivery = await openDelivery({ ...opts, expectedBytes: Buffer.byteLength(opts.body, 'utf8') });
  try {
    delivery.write(opts.body);
    return delivery.commit(opts.context);
  } catch (err) {
    delivery.abort();
    throw err;
  }
}

/** A delivery being written; nothing is visible in the inbox until commit(). */
export interface Delivery {
  readonly id: string;
  /** Appends body text or bytes. */
  write(chunk: string | Uint8Array): void;
  /** Appends the context section, fsyncs and renames the message into the inbox. */
  commit(context?: string): SentMessage;
  /** Removes the partial file. */
  abort(): void;
}

/**
 * Starts a streamed delivery (large bodies). The header is written at once; the body follows in
 * chunks; commit() publishes the message atomically.
 */
export async function openDelivery(opts: Omit<SendOptions, 'body' | 'context'> & { expectedBytes?: number }): Promise<Delivery> {
  const to = normaliseName(opts.to, 'receiver');
  const from = normaliseName(opts.from, 'sender');
  const thread = opts.thread === undefined ? undefined : validateThread(opts.thread);
  const turn = opts.turn ?? 1;
  const paths = receiverPaths(opts.root, to);
  const config = await loadReceiverConfig(paths);
  checkSenderAllowed(config, to, from);
  if (opts.expectedBytes !== undefined && opts.expectedBytes > config.maxBytes) throw tooLarge(to, config, paths.config);
  if (config.rateLimit && !(await takeRateToken(opts.root, paths.rate, from, config.rateLimit))) {
    throw new AliveError(
      `${displayName(from)} has sent ${config.rateLimit.messages} messages to ${displayName(to)} in the last ${config.rateLimit.perSeconds} s, its limit; wait and send again`,
      { code: 'rate_limited' },
    );
  }

  const id = newMessageId();
  const now = opts.now ?? new Date();
  const fileName = messageFileName(id);
  const header = formatMessage({
    kind: 'message' satisfies MessageKind,
    from: displayName(from),
    to: [displayName(to)],
    thread: thread ?? id,
    timestamp: now,
    turn,
    body: '',
  }).replace(/\n+$/, '\n\n');
  const tmpPath = join(paths.tmp, `${fileName}.${process.pid}.partial`);
  const fd = openNewBusFile(opts.root, tmpPath);
  let open = true;
  let bytes = 0;
  let lastChar = '\n';
  const put = (data: Uint8Array) => {
    bytes += data.length;
    if (bytes > config.maxBytes) throw tooLarge(to, config, paths.config);
    writeAll(fd, data);
  };
  const close = () => {
    if (open) {
      open = false;
      closeSync(fd);
    }
  };
  try {
    put(Buffer.from(header, 'utf8'));
  } catch (err) {
    // A limit below the header's size (or a failed write): nothing may stay open or behind.
    close();
    safeUnlinkBus(opts.root, tmpPath);
    throw err;
  }
  let lineTail = ''; // the unfinished last line, to spot a "# Context" line across chunks
  let bodyHasContextLine = false;
  return {
    id,
    write(chunk) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk.replace(/\r\n/g, '\n'), 'utf8') : chunk;
      if (buf.length === 0) return;
      const text = typeof chunk === 'string' ? chunk : '';
      if (text) {
        const joined = lineTail + text;
        if (/(^|\n)#[ \t]*Context[ \t]*(\r?\n|$)/.test(joined)) bodyHasContextLine = true;
        lineTail = joined.slice(joined.lastIndexOf('\n') + 1).slice(-256);
      }
      put(buf);
      lastChar = String.fromCharCode(buf[buf.length - 1]!);
    },
    commit(context) {
      let tail = lastChar === '\n' ? '' : '\n';
      const ctx = context === undefined ? undefined : trimEndOf(context.replace(/\r\n/g, '\n'), '\n');
      if ((ctx !== undefined && ctx !== '') || bodyHasContextLine) tail += `\n# Context\n${ctx ? `${ctx}\n` : ''}`;
      if (tail) put(Buffer.from(tail, 'utf8'));
      fsyncSync(fd);
      close();
      const path = publish(opts.root, tmpPath, paths.inbox, fileName);
      return { id, fileName, path, to, from, thread: thread ?? id, turn, timestamp: now.toISOString(), bytes };
    },
    abort() {
      close();
      safeUnlinkBus(opts.root, tmpPath);
    },
  };
}

/** A message over the receiver's max_bytes: what to send instead, or where to raise the limit. */
export function tooLarge(to: string, config: ReceiverConfig, configPath: string): AliveError {
  return new AliveError(
    `the message is larger than ${displayName(to)}'s limit of ${config.maxBytes} bytes; send something smaller or raise max_bytes in ${configPath} (a daemon serving it takes more than 8 MiB only when its serve is given --max-bytes)`,
    { code: 'too_large' },
  );
}

export function checkSenderAllowed(config: ReceiverConfig, to: string, from: string): void {
  if (!senderAllowed(config, from)) {
    throw new AliveError(`${displayName(to)} does not accept messages from ${displayName(from)} (allow_from in runtimes/${to}/config.json)`, {
      code: 'sender_not_allowed',
    });
  }
}
