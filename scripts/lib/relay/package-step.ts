/**
 * The one place the relay touches package contents: sealing a package for a peer before push,
 * and verifying what pull brought in. Everything here is the package core's (scripts/lib/package/api.ts).
 */
import type { KeyObject } from 'node:crypto';
import { readPackageManifest, sealPackageForPeer, verifyPackage } from '../package/api.ts';

export interface SealedPackage {
  sha256: string;
  bytes: number;
  /** Envelope of the input: a plaintext package gets RSA-encrypted, an encrypted one is only signed. */
  inputEnvelope: string;
}

export async function sealForPeer(opts: {
  input: string;
  output: string;
  recipientPublicKey: KeyObject;
  signerPrivateKey: KeyObject;
  signerName: string;
}): Promise<SealedPackage> {
  const { envelope } = await readPackageManifest(opts.input);
  const sealed = await sealPackageForPeer({
    input: opts.input,
    output: opts.output,
    recipientPublicKey: opts.recipientPublicKey,
    signer: { privateKey: opts.signerPrivateKey, name: opts.signerName },
  });
  return { sha256: sealed.sha256, bytes: sealed.bytes, inputEnvelope: envelope };
}

export interface ReceivedCheck {
  verified: boolean;
  signer: string | null;
  problems: string[];
}

/**
 * A pulled package counts as verified only when it is intact, signed, its signature checks out
 * against the sender's pinned key, and the signer named inside is the inbox folder's sender.
 */
export async function checkReceived(
  path: string,
  opts: { ownPrivateKey: KeyObject; senderLogin: string; senderKey: KeyObject | null; senderKeyProblem?: string; displayName: string },
): Promise<ReceivedCheck> {
  const problems: string[] = [];
  if (!opts.senderKey) {
    problems.push(opts.senderKeyProblem ?? `no pinned key for ${opts.senderLogin}`);
  }
  const r = await verifyPackage(path, {
    privateKey: opts.ownPrivateKey,
    ...(opts.senderKey ? { signerPublicKey: opts.senderKey } : {}),
  });
  const badSignature = r.signature_ok === false || r.code === 'bad_signature';
  // The core's messages name the scratch file being checked; the user knows the package by its name.
  if (!(badSignature && opts.senderKey)) problems.push(...r.problems.map((p) => p.split(path).join(opts.displayName)));
  // signed is null when reading stopped before the signature was looked at: no claim either way.
  if (r.signed === false) problems.push('the package is not signed');
  else if (opts.senderKey && badSignature) problems.push(`the signature does not match ${opts.senderLogin}'s pinned key`);
  const signer = typeof r.signer === 'string' ? r.signer : null;
  if (r.signed && signer !== null && signer.toLowerCase() !== opts.senderLogin.toLowerCase()) {
    problems.push(`signed as '${signer}' but delivered by ${opts.senderLogin}`);
  }
  const verified = Boolean(r.ok && r.signed && r.signature_ok && opts.senderKey) && problems.length === 0;
  return { verified, signer, problems: [...new Set(problems)] };
}
