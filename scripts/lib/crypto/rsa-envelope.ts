/**
 * The v3 rsa-envelope-v1.json as a reader meets it: untrusted JSON, checked field by field with a
 * zod schema. Its own module, so that zod loads only for a package that has such an envelope
 * (package/crypto-adapter.ts imports it when it opens one); rsa.ts unwraps the checked envelope.
 */
import * as z from '../json/zod.ts';
import { AliveError } from '../errors.ts';
import { IV_BYTES } from './kdf.ts';
import { MAX_RECIPIENTS } from './rsa.ts';
import { isStandardBase64 } from '../text/base64.ts';

/** Strict standard base64 with padding (what Python's base64.b64encode writes), of `length` bytes if given. */
const base64Text = (what: string, length?: number) =>
  z.string().check(
    z.refine(isStandardBase64, { message: `${what} is not standard base64` }),
    z.refine((s) => (length === undefined ? s.length > 0 : Buffer.from(s, 'base64').length === length), {
      message: length === undefined ? `${what} is empty` : `${what} must decode to ${length} bytes`,
    }),
  );

const envelopeSchema = z.object({
  version: z.literal(1, { message: 'version must be 1' }),
  payload_algo: z.literal('aes-256-cbc', { message: 'payload_algo must be "aes-256-cbc"' }),
  payload_iv_b64: base64Text('payload_iv_b64', IV_BYTES),
  recipients: z
    .array(
      z.object({
        pubkey_id: z.string().check(z.regex(/^[0-9a-f]{16}$/, 'pubkey_id must be 16 lowercase hex characters')),
        key_enc_b64: base64Text('key_enc_b64'),
      }),
    )
    .check(z.minLength(1, 'recipients is empty'), z.maxLength(MAX_RECIPIENTS, `there are more than ${MAX_RECIPIENTS}; alive reads at most ${MAX_RECIPIENTS}`)),
});

/**
 * A validated rsa-envelope-v1.json, with the file's own field names. Unknown extra fields are
 * dropped (readers of v3 must not depend on key order or on fields they do not know).
 */
export interface RsaEnvelopeV1 {
  version: 1;
  payload_algo: 'aes-256-cbc';
  /** Base64 of the 16-byte CBC IV. */
  payload_iv_b64: string;
  recipients: Array<{ pubkey_id: string; key_enc_b64: string }>;
}

function badEnvelope(why: string): AliveError {
  return new AliveError(`rsa-envelope-v1.json is not valid: ${why}; the package is damaged or from an unsupported version`, {
    code: 'bad_envelope',
  });
}

/** Parses and validates an rsa-envelope-v1.json text (untrusted input); AliveError `bad_envelope`. */
export function parseRsaEnvelopeV1(jsonText: string): RsaEnvelopeV1 {
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch {
    throw badEnvelope('it is not JSON');
  }
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    throw badEnvelope(`${where}${first?.message ?? 'unexpected shape'}`);
  }
  return parsed.data;
}
