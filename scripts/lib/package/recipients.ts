/**
 * The keys a package was encrypted to, named in its manifest (`recipients:`), so that a signature
 * says to whom the signer sealed it, not only what it holds. Without it, anyone a package was sent
 * to could unwrap its AES key, wrap it again for a third person (or decrypt it whole) and hand it
 * on with the signature intact: the third person's alive said it came from the signer, verified
 * (surreptitious forwarding). `create` (and `relay push`) write the list before signing whenever
 * they encrypt to RSA keys; a reader that finds it checks that the key it opened the package with
 * is on it, and refuses the package otherwise (`wrong_recipient`). A package without the list (an
 * older alive's, the references', a passphrase package) is read as before: nothing tells whether
 * it was forwarded.
 *
 * Each entry is a key's fingerprint in its machine form (crypto/keys.ts: SHA-256 over the DER
 * SubjectPublicKeyInfo, 64 lowercase hex characters), sorted; the list is a top-level block that
 * both reference readers accept (2.0: bare items, which its line parser skips; 2.1: quoted items,
 * which v3 keeps as an unknown list):
 *
 *   recipients:
 *     - 3f7fe5f3…
 */
import { AliveError } from '../errors.ts';
import { formatFingerprint } from '../crypto/keys.ts';
import { MAX_RECIPIENTS } from '../crypto/rsa.ts';
import { counted } from '../text/plural.ts';
import type { SealedFor } from './read-package.ts';

export const RECIPIENTS_KEY = 'recipients';
const FINGERPRINT = /^[0-9a-f]{64}$/;

/** The list as written: each fingerprint once, sorted. */
export function sortedRecipients(fingerprints: readonly string[]): string[] {
  for (const fp of fingerprints) if (!FINGERPRINT.test(fp)) throw new RangeError('a recipient is a 64-hex key fingerprint');
  return [...new Set(fingerprints)].sort();
}

/** The block's lines, in the manifest's dialect (2.1 quotes every string, 2.0 writes items bare). */
export function recipientsLines(fingerprints: readonly string[], dialect: '2.0' | '2.1'): string[] {
  return [`${RECIPIENTS_KEY}:`, ...sortedRecipients(fingerprints).map((fp) => (dialect === '2.1' ? `  - "${fp}"` : `  - ${fp}`))];
}

/** Why a manifest's `recipients` value is not a list of fingerprints, or undefined. */
export function recipientsProblem(raw: unknown): string | undefined {
  if (!Array.isArray(raw)) return `'${RECIPIENTS_KEY}' must be a list of key fingerprints`;
  if (raw.length === 0) return `'${RECIPIENTS_KEY}' names no key`;
  if (raw.length > MAX_RECIPIENTS) return `'${RECIPIENTS_KEY}' names more than ${MAX_RECIPIENTS} keys`;
  if (raw.some((r) => typeof r !== 'string' || !FINGERPRINT.test(r))) {
    return `'${RECIPIENTS_KEY}' must list key fingerprints (64 lowercase hex characters each)`;
  }
  return undefined;
}

/**
 * Whom a package says it was sealed for, and not `mine` (the fingerprint of the key tried), for a
 * wrong_key refusal: what its signed manifest says when a pinned key verified it; else the
 * package's own claim (anyone can write the list), said to be one.
 */
export function sealedForText(sealedFor: SealedFor, mine: string): string {
  const said = `its ${sealedFor.verified ? 'signed ' : ''}${sealedFor.where} says it was sealed for ${recipientsText(sealedFor.keys)}, not your key ${formatFingerprint(mine)}`;
  return sealedFor.verified ? said : `${said} (the package's own claim: no pinned key verified it)`;
}

/** True when `sealedFor` names `mine` (a fingerprint): in full, or by its key id. */
export function sealedForKey(sealedFor: SealedFor, mine: string): boolean {
  return sealedFor.keys.some((k) => mine.startsWith(k));
}

/** A key as a package names it: a fingerprint, or a 2.1 envelope's key id (a fingerprint's first 16 hex digits) as that fingerprint's beginning. */
function keyText(key: string): string {
  return key.length === 64 ? formatFingerprint(key) : `SHA256:${key.match(/.{4}/g)!.join(':')}…`;
}

export function recipientsText(fingerprints: readonly string[]): string {
  const first = fingerprints.slice(0, 3).map(keyText).join(', ');
  return fingerprints.length > 3 ? `${first}, and ${counted(fingerprints.length - 3, 'more')}` : first;
}

const WHAT_TO_DO =
  'so a signature on it does not show that its signer sent it to you. If you expected it, ask whoever gave it to you to share it with you themselves ' +
  '(alive-p2p create --encrypt rsa, or alive-p2p relay push, signed with their own key)';

/**
 * Refuses a package whose manifest names the keys it was encrypted to, unless `openedBy` (the
 * fingerprint of the private key that opened it; undefined when no key did: a package read in
 * clear, or with a passphrase) is one of them.
 */
export function requireRecipient(recipients: readonly string[] | undefined, openedBy: string | undefined, label: string): void {
  if (recipients === undefined) return;
  if (openedBy !== undefined && recipients.includes(openedBy)) return;
  if (openedBy === undefined) {
    throw new AliveError(
      `${label} names in its manifest the keys it was encrypted to (${recipientsText(recipients)}), but it arrives unencrypted or with a passphrase, opened with none of them; nothing was written. ` +
        `Someone who could open it has passed it on (forwarded it), ${WHAT_TO_DO}`,
      { code: 'wrong_recipient' },
    );
  }
  throw new AliveError(
    `${label} was encrypted to other keys than the one that opened it: its manifest names the keys it was sealed for (${recipientsText(recipients)}), ` +
      `and the key that opened it (${formatFingerprint(openedBy)}) is not one of them; nothing was written. ` +
      `Someone it was sent to has forwarded it (wrapped its key again for yours), ${WHAT_TO_DO}`,
    { code: 'wrong_recipient' },
  );
}
