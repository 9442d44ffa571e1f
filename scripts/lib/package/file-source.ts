import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AliveError } from '../errors.ts';
import { ActiveSessionsStripper } from './yaml-strip.ts';
import type { PlannedFile } from './collect.ts';

/** The bytes that are packed for a planned file: the file as is, or YAML with sessions stripped. */
export function openPackedBytes(file: PlannedFile): Readable {
  const raw = createReadStream(file.source, { highWaterMark: 256 * 1024 });
  if (!file.yaml) return raw;
  const stripper = new ActiveSessionsStripper();
  raw.on('error', (err) => stripper.destroy(err));
  return raw.pipe(stripper);
}

export interface Digest {
  sha256: string;
  size: number;
}

/** SHA-256 and length of the packed bytes, streaming. */
export async function digestPackedBytes(file: PlannedFile): Promise<Digest> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of openPackedBytes(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Yields the packed bytes again while hashing them, and checks they still match `expected`. */
export async function* packedBytesChecked(file: PlannedFile, expected: Digest): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  for await (const chunk of openPackedBytes(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    yield chunk;
  }
  if (hash.digest('hex') !== expected.sha256) {
    throw new AliveError(`${file.path} changed while it was being packed; try again`, { code: 'changed_while_packing' });
  }
}
