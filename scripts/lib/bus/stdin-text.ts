/**
 * The text of `dispatch send -` and `dispatch reply -`, read from stdin. It was read whole with
 * readFileSync(0, 'utf8'): bytes that are not UTF-8 (a latin1 `git diff` piped in) became U+FFFD
 * and the altered text was sent as if it were what came in, and any amount was read before the
 * receiver's max_bytes was checked. Now stdin is read up to the bus's message limit and no further,
 * and text that is not UTF-8 is refused: nothing is sent either way.
 */
import { readSync } from 'node:fs';
import { isatty } from 'node:tty';
import { AliveError, errnoCode } from '../errors.ts';
import { MESSAGE_READ_LIMIT } from './fsutil.ts';
import { decodeUtf8 } from './message.ts';

/** Where the bytes come from: stdin (fd 0), or a test's bytes. */
export interface ByteSource {
  isTTY: boolean;
  /** Fills the start of `into`; 0 at the end of the input. */
  read(into: Buffer): number;
}

const CHUNK = 64 * 1024;

export function stdinSource(): ByteSource {
  return { isTTY: isatty(0), read: (into) => readRetrying(into) };
}

function readRetrying(into: Buffer): number {
  for (;;) {
    try {
      return readSync(0, into, 0, into.length, null);
    } catch (err) {
      const code = errnoCode(err);
      if (code === 'EOF') return 0;
      // A non-blocking stdin (a pipe some shells hand over so) has nothing yet: wait a moment.
      if (code !== 'EAGAIN') throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

/**
 * The `what` ('message', 'answer') read from `source` as UTF-8 text. On a terminal one line on
 * stderr (`note`) says first how to end it. Refused: more than `limit` bytes (too_large, read no
 * further), or bytes that are not UTF-8 (not_utf8).
 */
export function readStdinText(what: string, note: (line: string) => void, source: ByteSource = stdinSource(), limit = MESSAGE_READ_LIMIT): string {
  if (source.isTTY) note(`reading the ${what} from stdin; end it with Ctrl-D`);
  const bytes = readAtMost(source, limit, what);
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    throw new AliveError(
      `the ${what} on stdin is not UTF-8 text (a file in latin1 or another encoding, or binary data); nothing was sent: convert it first (for example iconv -f latin1 -t utf-8)`,
      { code: 'not_utf8' },
    );
  }
  return text;
}

/** All of `source`, refused (too_large) as soon as it holds more than `limit` bytes. */
function readAtMost(source: ByteSource, limit: number, what: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  // One buffer to read into, and a copy of what each read gave: a view of a fresh buffer per read
  // kept 64 KiB alive for every read of a pipe that trickles (a terminal gives a line a read).
  const into = Buffer.allocUnsafe(CHUNK);
  for (;;) {
    const n = source.read(into.subarray(0, Math.min(CHUNK, limit + 1 - total)));
    if (n === 0) return Buffer.concat(chunks, total);
    chunks.push(Buffer.from(into.subarray(0, n)));
    total += n;
    if (total > limit) {
      throw new AliveError(
        `the ${what} on stdin is larger than the bus's limit of ${limit} bytes for one message (it was read no further); nothing was sent: send a smaller part of it, or the path of a file holding it`,
        { code: 'too_large' },
      );
    }
  }
}
