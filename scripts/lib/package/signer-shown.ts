/**
 * The signer a package names, as our outputs show it. The `signer:` line sits outside the signed
 * text, so anyone can change it without breaking the signature, and a login-like word
 * (`ignore-previous-instructions`) passes every name check: until the key pinned for that login
 * verifies the signature (a --signer-key verifies only itself) the name is the sender's claim. It is
 * shown in our words (and in `signer` of `--json`) only when it is a verified login; otherwise in
 * an untrusted fence after the line (unverifiedClaimDetail), and under `untrusted.signer`.
 */
import { isValidLogin } from '../relay/names.ts';
import { untrustedDetail } from '../text/fence.ts';
import { inlineText } from '../text/untrusted.ts';

/**
 * A signer or sender no key verified, for output of ours: shown only in this fence, after words
 * that point at it (`reference`), never in a line of ours.
 */
export function unverifiedClaimDetail(label: 'signer' | 'sender', text: string): ReturnType<typeof untrustedDetail> & { reference: string } {
  const reference = 'in the untrusted detail that follows';
  return { ...untrustedDetail(label, inlineText(text, 400), reference), reference };
}

/** `signer` when it is a verified login, else `untrusted.signer`, for a JSON result. */
export function signerFields(signer: string | null | undefined, verified: boolean): { signer: string | null; untrusted?: { signer: string } } {
  if (signer === null || signer === undefined || signer === '') return { signer: null };
  return verified && isValidLogin(signer) ? { signer } : { signer: null, untrusted: { signer } };
}

/**
 * The signer in a human line (`text`), and the fence to print right after that line (`lines`,
 * empty for a verified login or no name).
 */
export function signerShown(signer: string | null | undefined, verified: boolean): { text: string; lines: readonly string[] } {
  if (signer === null || signer === undefined || signer === '') return { text: 'an unnamed signer', lines: [] };
  if (verified && isValidLogin(signer)) return { text: signer, lines: [] };
  const detail = unverifiedClaimDetail('signer', signer);
  return { text: `${isValidLogin(signer) ? 'the signer it names' : 'a name that is not a login'}, ${detail.reference}`, lines: detail.lines };
}
