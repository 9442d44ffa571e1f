/**
 * The signer a package names, as our outputs show it. The `signer:` line sits outside the signed
 * text, so anyone can change it without breaking the signature: it is shown in our words (and in
 * `signer` of `--json`, which the receive skill turns into a key path) only when it is a login;
 * any other name is the sender's text, under `untrusted.signer`.
 */
import { isValidLogin } from '../relay/names.ts';
import { inlineText } from '../text/untrusted.ts';

/** `signer` and, for a name that is not a login, `untrusted.signer`, for a JSON result. */
export function signerFields(signer: string | null | undefined): { signer: string | null; untrusted?: { signer: string } } {
  if (signer === null || signer === undefined || signer === '') return { signer: null };
  return isValidLogin(signer) ? { signer } : { signer: null, untrusted: { signer } };
}

/** The signer in a human line: the login, or a note that the name is not one. */
export function signerText(signer: string | null | undefined): string {
  if (signer === null || signer === undefined || signer === '') return 'an unnamed signer';
  return isValidLogin(signer) ? signer : `a name that is not a login ('${inlineText(signer, 60)}', the sender's text)`;
}
