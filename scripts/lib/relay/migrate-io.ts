/** The file side of migrate-relay: reading the v1 file as a small regular file only. */
import { AliveError } from '../errors.ts';
import { readSmallFile } from '../fs/small-file.ts';

/** A v1 relay.yaml holds a login, a repo and a list of peers: a few hundred bytes, a few KB at most. */
export const V1_MAX_BYTES = 1024 * 1024;

/**
 * The v1 file's text, or undefined when there is none. Only a regular file is read (not a link,
 * folder, FIFO or device: a FIFO would wait forever, /dev/zero never ends), and none over V1_MAX_BYTES.
 */
export function readV1(path: string): string | undefined {
  const read = readSmallFile(path, V1_MAX_BYTES);
  if (read === undefined) return undefined;
  if (read.ok) return read.bytes.toString('utf8');
  const next = 'nothing was written; pass --v1-path with the v1 relay.yaml itself';
  if (read.problem === 'not_a_file') throw new AliveError(`${path} ${read.detail}; ${next}`, { code: 'not_a_file' });
  if (read.problem === 'too_large') throw new AliveError(`${path} ${read.detail}, too large for a v1 relay config; ${next}`, { code: 'too_large' });
  throw new AliveError(`${path} ${read.detail}; nothing was written; check its permissions`, { code: 'cannot_read_v1' });
}
