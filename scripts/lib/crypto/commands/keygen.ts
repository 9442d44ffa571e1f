/** `alive-p2p keygen --out DIR [--json]`: make an RSA-4096 key pair. */
import { resolve } from 'node:path';
import { defineCommand } from '../../cli/command.ts';
import { formatFingerprint, generateRsaKeyPair } from '../keys.ts';
import { inlineText } from '../../text/untrusted.ts';

export const keygenCommand = defineCommand({
  name: 'keygen',
  summary: 'make an RSA-4096 key pair',
  usage: `usage: alive-p2p keygen --out DIR [--json]

Makes an RSA-4096 key pair in DIR (created with mode 0700 if missing):
  DIR/private.pem   PKCS#8, mode 0600 — keep it secret, never share it
  DIR/public.pem    SubjectPublicKeyInfo — give this one to peers
An existing key is never replaced.

Options:
  --out DIR   folder for the two files (the relay uses $ALIVE_HOME/relay/keys)
  --json      print {private_key, public_key, fingerprint} as one JSON object (the
              fingerprint as SHA256:xxxx:…, as everywhere else)
  -h, --help  show this help`,
  options: { out: { type: 'string' } },
  async run(ctx) {
    const out = resolve(ctx.required(ctx.values.out, '--out'));
    if (!ctx.json && ctx.io.stderr.isTTY === true) ctx.io.stderr.write('making an RSA-4096 key pair (a few seconds)...\n');
    const pair = await generateRsaKeyPair(out);
    if (ctx.json) {
      ctx.printJson({ ok: true, private_key: pair.privateKeyPath, public_key: pair.publicKeyPath, fingerprint: formatFingerprint(pair.fingerprint) });
      return;
    }
    ctx.print(`private key: ${inlineText(pair.privateKeyPath, 4000)} (mode 0600; keep it secret)`);
    ctx.print(`public key:  ${inlineText(pair.publicKeyPath, 4000)} (give this one to peers)`);
    ctx.print(`fingerprint: ${formatFingerprint(pair.fingerprint)}`);
  },
});
