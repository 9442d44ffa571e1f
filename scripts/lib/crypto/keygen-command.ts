/** `alive-p2p keygen --out DIR [--json]`: make an RSA-4096 key pair. */
import { resolve } from 'node:path';
import { parseCommandArgs, requireFlag } from '../cli/args.ts';
import { printJson, printLine } from '../cli/main.ts';
import { formatFingerprint, generateRsaKeyPair } from './keys.ts';

const USAGE = `usage: alive-p2p keygen --out DIR [--json]

Makes an RSA-4096 key pair in DIR (created with mode 0700 if missing):
  DIR/private.pem   PKCS#8, mode 0600 — keep it secret, never share it
  DIR/public.pem    SubjectPublicKeyInfo — give this one to peers
An existing key is never replaced.

Options:
  --out DIR   folder for the two files (the relay uses $ALIVE_HOME/relay/keys)
  --json      print {private_key, public_key, fingerprint} as one JSON object
  -h, --help  show this help`;

export async function runKeygen(argv: string[]): Promise<0 | 1 | 2> {
  const { values } = parseCommandArgs<{ out?: string; json?: boolean }>(
    argv,
    { out: { type: 'string' }, json: { type: 'boolean' } },
    { usage: USAGE, positionals: { min: 0, max: 0 } },
  );
  if (values.help) {
    printLine(USAGE);
    return 0;
  }
  const out = resolve(requireFlag(values.out, '--out', USAGE));
  if (!values.json && process.stderr.isTTY) process.stderr.write('making an RSA-4096 key pair (a few seconds)...\n');
  const pair = await generateRsaKeyPair(out);
  if (values.json) {
    printJson({ private_key: pair.privateKeyPath, public_key: pair.publicKeyPath, fingerprint: pair.fingerprint });
  } else {
    printLine(`private key: ${pair.privateKeyPath} (mode 0600; keep it secret)`);
    printLine(`public key:  ${pair.publicKeyPath} (give this one to peers)`);
    printLine(`fingerprint: ${formatFingerprint(pair.fingerprint)}`);
  }
  return 0;
}
