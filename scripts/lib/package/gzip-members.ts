/**
 * Gzip members that say how long they are, so a reader can inflate several at once.
 *
 * Our writer compresses a package as a series of independent gzip members (gzip-writer.ts). Each
 * member carries its own total length in an RFC 1952 FEXTRA subfield, as BGZF does: subfield id
 * 'A','W', 4 bytes, the member's length in bytes (header to trailer), little-endian. Every gzip
 * reader skips FEXTRA (GNU gzip and tar, Python's gzip and tarfile, zlib), so the bytes stay an
 * ordinary .tar.gz. Our reader uses the lengths to hand members to the thread pool in parallel;
 * a member without the subfield (any other writer's gzip) makes it inflate the rest serially.
 *
 * The length is the sender's claim, so it is checked: a member must inflate completely, consume
 * exactly the claimed bytes (zlib checks its CRC-32 and length trailer), stay within
 * MEMBER_LIMIT in and out, and end inside the file; anything else is a bad_archive refusal.
 * Concatenating what each slice inflates to is then exactly what a serial reader would produce.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createGunzip, gunzip } from 'node:zlib';
import { AliveError } from '../errors.ts';
import { inlineText } from '../text/untrusted.ts';

/** Fixed header: ID1 ID2 CM FLG MTIME(4) XFL OS, then XLEN(2) and one subfield SI1 SI2 LEN(2) DATA(4). */
const PLAIN_HEADER = 10;
const SIZED_HEADER = PLAIN_HEADER + 2 + 4 + 4;
const FEXTRA = 0x04;
const SI1 = 0x41; // 'A'
const SI2 = 0x57; // 'W'
/** Largest member (compressed, and inflated) that carries its length; larger ones are read serially. */
export const MEMBER_LIMIT = 4 * 1024 * 1024;
/** Members inflating at once (each at most MEMBER_LIMIT in and out): enough to keep 2 cores busy. */
const IN_FLIGHT = 3;
/** Size of a reusable input buffer: our members are 1 MiB of input (plus a last chunk) compressed. */
const SPARE_BYTES = 1536 * 1024;

/**
 * The header that gives one gzip member, as zlib writes it (10-byte header, no flags), its length
 * subfield: it replaces the member's first PLAIN_HEADER bytes. Undefined for a member not in that
 * form, or too large to be read in one piece (it is written unchanged and read serially).
 */
export function sizedMemberHeader(member: Buffer, inflatedBytes: number): Buffer | undefined {
  const total = member.length + SIZED_HEADER - PLAIN_HEADER;
  if (member.length < PLAIN_HEADER || member[0] !== 0x1f || member[1] !== 0x8b || member[2] !== 8 || member[3] !== 0) return undefined;
  if (total > MEMBER_LIMIT || inflatedBytes > MEMBER_LIMIT) return undefined;
  const head = Buffer.allocUnsafe(SIZED_HEADER);
  member.copy(head, 0, 0, PLAIN_HEADER);
  head[3] = FEXTRA;
  head.writeUInt16LE(8, PLAIN_HEADER);
  head[PLAIN_HEADER + 2] = SI1;
  head[PLAIN_HEADER + 3] = SI2;
  head.writeUInt16LE(4, PLAIN_HEADER + 4);
  head.writeUInt32LE(total, PLAIN_HEADER + 6);
  return head;
}

/** The member with its length subfield (see sizedMemberHeader), as one buffer. */
export function withMemberLength(member: Buffer, inflatedBytes: number): Buffer {
  const head = sizedMemberHeader(member, inflatedBytes);
  return head ? Buffer.concat([head, member.subarray(PLAIN_HEADER)]) : member;
}

/** The member's bytes after the header that sizedMemberHeader replaces. */
export function memberBody(member: Buffer): Buffer {
  return member.subarray(PLAIN_HEADER);
}

/** The length a member at the start of `head` declares, or undefined when it carries none of ours. */
export function declaredMemberLength(head: Buffer): number | undefined {
  if (head.length < SIZED_HEADER || head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8 || head[3] !== FEXTRA) return undefined;
  if (head.readUInt16LE(PLAIN_HEADER) !== 8 || head[PLAIN_HEADER + 2] !== SI1 || head[PLAIN_HEADER + 3] !== SI2) return undefined;
  if (head.readUInt16LE(PLAIN_HEADER + 4) !== 4) return undefined;
  return head.readUInt32LE(PLAIN_HEADER + 6);
}

function damaged(label: string, detail: string): AliveError {
  return new AliveError(`${inlineText(label)} is not a complete gzip stream (${detail}); the file is damaged or not a package; nothing was written`, {
    code: 'bad_archive',
  });
}

function inflateMember(member: Buffer, offset: number, label: string, claimedOut?: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // One output buffer for the whole member, sized by its trailer's ISIZE (a claim: a wrong one
    // costs more calls or a larger buffer, bounded by MEMBER_LIMIT, never a wrong result).
    const claimed = claimedOut ?? (member.length >= 4 ? member.readUInt32LE(member.length - 4) : 0);
    const chunkSize = Math.min(MEMBER_LIMIT, Math.max(64 * 1024, claimed + 1));
    gunzip(member, { info: true, maxOutputLength: MEMBER_LIMIT, chunkSize }, (err, res) => {
      if (err) {
        const why = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? `inflates past ${MEMBER_LIMIT} bytes` : err.message;
        reject(damaged(label, `the member at byte ${offset}: ${why}`));
        return;
      }
      const { buffer, engine } = res as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
      if (engine.bytesWritten !== member.length) {
        reject(damaged(label, `the member at byte ${offset} ends before the ${member.length} bytes its header claims`));
        return;
      }
      resolve(buffer);
    });
  });
}

/** Members read with the first one, so that small members are inflated many to a call. */
const HEAD_WINDOW = 64 * 1024;
/**
 * At most this many inflated bytes per batch: a batch's output is collected member by member and
 * joined (a copy), so batching members that are large when inflated (1 MiB blocks of zeros
 * compress to 1 KiB) only doubles the garbage; our ordinary members (1 MiB inflated) go alone.
 */
const BATCH_INFLATED_LIMIT = 1024 * 1024;

/**
 * The whole members that follow the first one (of `first` bytes) inside `window`, as long as
 * together they claim no more than BATCH_INFLATED_LIMIT inflated: their end. A member that is not ours
 * or claims an impossible length ends the batch; it is looked at again on its own.
 */
function batchEnd(window: Buffer, first: number): { end: number; inflated: number } {
  let end = first;
  let inflated = window.readUInt32LE(first - 4);
  while (end + SIZED_HEADER <= window.length) {
    const next = declaredMemberLength(window.subarray(end, end + SIZED_HEADER));
    if (next === undefined || next < SIZED_HEADER + 10 || end + next > window.length) break;
    const claimed = window.readUInt32LE(end + next - 4);
    if (inflated + claimed > BATCH_INFLATED_LIMIT) break;
    end += next;
    inflated += claimed;
  }
  return { end, inflated };
}

/**
 * Inflates members [0, end) of `window`, starting at file offset `offset`, in one call. When
 * that fails, they are inflated one by one, so that the members before the damaged one are still
 * delivered (as a serial reader would) and the error names the damaged member.
 */
async function inflateBatch(window: Buffer, end: number, inflated: number, offset: number, label: string): Promise<{ out: Buffer; error?: unknown }> {
  try {
    return { out: await inflateMember(window.subarray(0, end), offset, label, inflated) };
  } catch {
    const good: Buffer[] = [];
    for (let at = 0; at < end; ) {
      const len = declaredMemberLength(window.subarray(at, at + SIZED_HEADER))!;
      try {
        good.push(await inflateMember(window.subarray(at, at + len), offset + at, label));
      } catch (error) {
        return { out: Buffer.concat(good), error };
      }
      at += len;
    }
    return { out: Buffer.concat(good), error: damaged(label, `the members from byte ${offset}`) };
  }
}

async function readExactly(fh: FileHandle, buf: Buffer, position: number): Promise<number> {
  let got = 0;
  while (got < buf.length) {
    const { bytesRead } = await fh.read(buf, got, buf.length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got;
}

async function* inflateFile(
  path: string,
  label: string,
  onRead?: (bytes: number) => void,
  inFlight = IN_FLIGHT,
  onBytes?: (chunk: Buffer) => void,
): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  const queue: Promise<{ out: Buffer; error?: unknown }>[] = [];
  const doneUpTo: number[] = [];
  const spare: Buffer[] = [];
  let serialFrom = -1;
  let stopped = false;
  try {
    const size = (await fh.stat()).size;
    let offset = 0;
    for (;;) {
      while (!stopped && serialFrom < 0 && offset < size && queue.length < inFlight) {
        let job: Promise<{ out: Buffer; error?: unknown }>;
        try {
          // Input buffers are reused once their member is inflated: fresh ones for every member
          // cost page faults and garbage collection on the main thread.
          let backing = spare.pop();
          if (!backing) backing = Buffer.allocUnsafeSlow(SPARE_BYTES);
          // The first HEAD_WINDOW bytes: the member's header, and whole small members after it.
          const got = await readExactly(fh, backing.subarray(0, Math.min(HEAD_WINDOW, size - offset)), offset);
          const declared = declaredMemberLength(backing.subarray(0, Math.min(got, SIZED_HEADER)));
          if (declared === undefined) {
            serialFrom = offset;
            break;
          }
          if (declared < SIZED_HEADER + 10 || declared > MEMBER_LIMIT || offset + declared > size) {
            throw damaged(label, `the member at byte ${offset} claims ${declared} bytes, which the file cannot hold`);
          }
          let end = declared;
          let inflated: number | undefined;
          if (declared > got) {
            if (backing.length < declared) {
              const larger = Buffer.allocUnsafeSlow(Math.max(declared, SPARE_BYTES));
              backing.copy(larger, 0, 0, got);
              backing = larger;
            }
            if ((await readExactly(fh, backing.subarray(got, declared), offset + got)) !== declared - got) {
              throw damaged(label, `the file ends inside the member at byte ${offset}`);
            }
          } else {
            ({ end, inflated } = batchEnd(backing.subarray(0, got), declared));
          }
          onBytes?.(backing.subarray(0, end));
          job = inflateBatch(backing, end, inflated ?? backing.readUInt32LE(end - 4), offset, label);
          const reusable = backing;
          job.then(
            () => {
              if (spare.length < inFlight) spare.push(reusable);
            },
            () => {},
          );
          offset += end;
          doneUpTo.push(end);
        } catch (err) {
          // Reported when the reader gets this far: what comes before is still delivered, as a
          // serial reader would (info reads a manifest ahead of damage further on).
          job = Promise.reject(err);
          stopped = true;
          doneUpTo.push(0);
        }
        job.catch(() => {}); // awaited in order below
        queue.push(job);
      }
      const next = queue.shift();
      if (next) {
        const { out, error } = await next;
        const compressed = doneUpTo.shift() ?? 0;
        if (error !== undefined) {
          if (out.length > 0) yield out;
          throw error;
        }
        onRead?.(compressed);
        yield out;
        continue;
      }
      break;
    }
  } finally {
    await fh.close();
  }
  if (serialFrom < 0) return;
  // The rest was written by another gzip writer (or without lengths): one stream, as before.
  // Large output chunks matter: the 16 KiB default makes gunzip three times slower.
  const gz = createGunzip({ chunkSize: 256 * 1024 });
  const file = createReadStream(path, { start: serialFrom, highWaterMark: 256 * 1024 });
  file.on('error', (err) => gz.destroy(err));
  if (onRead) file.on('data', (c: Buffer | string) => onRead(c.length));
  if (onBytes) file.on('data', (c: Buffer | string) => onBytes(c as Buffer));
  try {
    for await (const chunk of file.pipe(gz) as AsyncIterable<Buffer>) yield chunk;
  } catch (err) {
    if (err instanceof AliveError || (err as NodeJS.ErrnoException).syscall) throw err;
    throw damaged(label, (err as Error).message);
  } finally {
    file.destroy();
  }
}

/**
 * The inflated bytes of a gzip file, in order: members that carry their length inflate in
 * parallel on the thread pool (at most IN_FLIGHT at a time, so memory stays bounded), the rest
 * serially. Errors are AliveErrors (bad_archive) or the file system's own. A reader that stops
 * early (the manifest only) passes `inFlight` 1, so no work is done ahead of it; stopping the
 * iteration closes the file. `onBytes` gets the file's bytes in order, from its first, exactly as
 * they are handed to the inflater. Each chunk is a member's (or a batch's) own buffer: no stream
 * joins them (a Readable's read() concatenated the chunks it held, a copy of most bytes).
 */
export function inflatedGzipFile(
  path: string,
  label: string,
  onRead?: (compressedBytes: number) => void,
  inFlight = IN_FLIGHT,
  onBytes?: (chunk: Buffer) => void,
): AsyncGenerator<Buffer> {
  return inflateFile(path, label, onRead, Math.max(1, Math.min(IN_FLIGHT, inFlight)), onBytes);
}
