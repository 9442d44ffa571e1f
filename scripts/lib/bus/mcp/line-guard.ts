/**
 * The JSON-RPC lines an MCP client sends, on their way to the SDK's stdio transport, which closes
 * (and the server with it, saying nothing) at the first line longer than its 10 MiB read buffer:
 * one oversized request, by mistake or not, took the bus tools from the agent for the rest of its
 * session. A line is passed on whole, in one piece, once its newline comes: the transport's read
 * buffer copies all it holds at every piece it is given (a 10 MiB line in 64 KiB pieces cost it
 * 0.9 s of CPU). A line that reaches `limit` bytes is ended there (the transport reads a message it
 * cannot parse, reports it and goes on) and the rest of it is dropped. `onTooLong` gets the
 * request's id, when the line's start or end shows it, so that request alone is answered with an
 * error.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** Bytes kept of a dropped line's start and end, where a JSON-RPC id is written. */
const EDGE = 256;

/** The top-level id of a JSON-RPC message from its first or last bytes, if it is there. */
export function requestIdOf(head: string, tail: string): string | number | undefined {
  // Written last by the SDK's clients (`…,"jsonrpc":"2.0","id":7}`): a nested object's own "id"
  // ends in two braces there. Written first by others, before "method" and "params".
  const last = /"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.)*")\s*\}\s*$/.exec(tail);
  const first = /^\s*\{\s*(?:"jsonrpc"\s*:\s*"2\.0"\s*,\s*)?"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.)*")/.exec(head);
  const raw = last?.[1] ?? first?.[1];
  if (raw === undefined) return undefined;
  try {
    const id: unknown = JSON.parse(raw);
    return typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id)) ? id : undefined;
  } catch {
    return undefined;
  }
}

export class LineGuard extends Transform {
  /** Bytes of the current line held (or, once it is too long, seen). */
  #length = 0;
  /** The current line's pieces, passed on together. */
  #pending: Buffer[] = [];
  #dropping = false;
  #head: Buffer[] = [];
  #headBytes = 0;
  #tail = Buffer.alloc(0);

  constructor(
    private readonly limit: number,
    private readonly onTooLong: (id: string | number | undefined) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let at = 0;
    while (at < chunk.length) {
      const newline = chunk.indexOf(0x0a, at);
      const end = newline < 0 ? chunk.length : newline + 1;
      const piece = chunk.subarray(at, end);
      if (!this.#dropping && this.#length + piece.length <= this.limit) {
        this.#pending.push(piece);
        this.#keepHead(piece);
        this.#length += piece.length;
        if (newline >= 0) {
          this.#passPending();
          this.#reset();
        }
      } else {
        if (!this.#dropping) {
          // Pass on what fits, end the line, and drop the rest of it.
          const fits = piece.subarray(0, this.limit - this.#length);
          this.#pending.push(fits, Buffer.from('\n'));
          this.#keepHead(fits);
          this.#passPending();
          this.#dropping = true;
        }
        this.#tail = Buffer.concat([this.#tail, piece]).subarray(-EDGE);
        if (newline >= 0) {
          this.onTooLong(requestIdOf(Buffer.concat(this.#head).toString('utf8'), this.#tail.toString('utf8')));
          this.#reset();
        }
      }
      at = end;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.#passPending();
    done();
  }

  #passPending(): void {
    if (this.#pending.length > 0) this.push(this.#pending.length === 1 ? this.#pending[0] : Buffer.concat(this.#pending));
    this.#pending = [];
  }

  #keepHead(piece: Buffer): void {
    if (this.#headBytes >= EDGE) return;
    const part = piece.subarray(0, EDGE - this.#headBytes);
    this.#head.push(part);
    this.#headBytes += part.length;
  }

  #reset(): void {
    this.#length = 0;
    this.#dropping = false;
    this.#head = [];
    this.#headBytes = 0;
    this.#tail = Buffer.alloc(0);
  }
}
