/**
 * A package's identity is its signed content, not its bytes: who signed it, when it was created,
 * what it says it is (walnut, scope, bundles, description) and the digest of its file list (path,
 * sha256, size of every file). The same package re-gzipped, re-encrypted or re-signed by the same
 * signer has the same identity, so a copy replayed from a relay's history is a duplicate (relay
 * received.json, a world's imports.json).
 *
 * The first identity (v1) left out what the package says it is: two walnuts of the same files
 * packed in the same second (`created` counts seconds), or one walnut packed twice with two
 * descriptions, were one package, and pull dropped the second as a duplicate. Records written
 * before still hold v1 identities: a package matches such a record by its v1 identity.
 */
import { createHash } from 'node:crypto';
import type { Manifest } from './manifest.ts';
import { filesDigestV3 } from './v3.ts';

export interface PackageIdentity {
  /** What records written now hold: 64 hex digits. */
  current: string;
  /** The v1 identity, which records written before this one was kept hold. */
  legacy: string;
}

type IdentityFields = Pick<Manifest, 'created' | 'files' | 'source' | 'scope' | 'bundles' | 'description'>;

/**
 * `signer` is the signer whose signature was verified (compared without case, as logins are), or
 * null for a package without a verified signature.
 */
export function packageIdentity(manifest: IdentityFields, signer: string | null): PackageIdentity {
  const who = signer === null ? '' : signer.toLowerCase();
  const files = filesDigestV3(manifest.files);
  // Each field length-prefixed: no text of one field can pass for another's.
  const said = [manifest.source.walnut ?? '', manifest.scope, (manifest.bundles ?? []).join('\n'), manifest.description ?? '']
    .map((f) => `${f.length}:${f}`)
    .join('\0');
  return {
    current: sha256Hex(`alive-package-identity-v2\0${who}\0${manifest.created}\0${said}\0${files}`),
    legacy: sha256Hex(`alive-package-identity-v1\0${who}\0${manifest.created}\0${files}`),
  };
}

/** True when a record's `stored` identity (v2, or v1 from before) is this package's. */
export function isSamePackage(stored: string | undefined, identity: PackageIdentity): boolean {
  return stored !== undefined && (stored === identity.current || stored === identity.legacy);
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
