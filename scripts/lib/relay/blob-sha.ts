import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';

/** Git's blob id of a file (sha1 over `blob <size>\0<content>`), streamed. */
export async function gitBlobSha(path: string): Promise<string> {
  const size = statSync(path).size;
  const hash = createHash('sha1');
  hash.update(`blob ${size}\0`);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Git's blob id of bytes in memory: sha1, or sha256 for `hexLength` 64 (a repository of that object format). */
export function gitBlobShaOf(bytes: Uint8Array, hexLength = 40): string {
  return createHash(hexLength === 64 ? 'sha256' : 'sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}
