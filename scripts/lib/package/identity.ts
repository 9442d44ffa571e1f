/**
 * A package's identity is its signed content, not its bytes: who signed it, when it was created,
 * and the digest of its file list (path, sha256, size of every file). The same package re-gzipped,
 * re-encrypted or re-signed by the same signer has the same identity, so a copy replayed from a
 * relay's history is a duplicate (relay received.json, a world's imports.json).
 */
import { createHash } from 'node:crypto';
import type { Manifest } from './manifest.ts';
import { filesDigestV3 } from './v3.ts';

/**
 * 64 hex digits. `signer` is the signer whose signature was verified (compared without case, as
 * logins are), or null for a package without a verified signature.
 */
export function packageIdentity(manifest: Pick<Manifest, 'created' | 'files'>, signer: string | null): string {
  return createHash('sha256')
    .update(`alive-package-identity-v1\0${signer === null ? '' : signer.toLowerCase()}\0${manifest.created}\0${filesDigestV3(manifest.files)}`)
    .digest('hex');
}
