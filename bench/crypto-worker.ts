/**
 * Benchmark worker (bundled by bench/crypto.ts, run in a child process): passphrase-encrypts or
 * -decrypts IN to OUT with the product's streams, the passphrase from WALNUT_PASSPHRASE, as the
 * CLI will (file stream → our Transform → file stream). The file is read in 1 MiB chunks: at
 * Node's default 64 KiB, per-chunk stream overhead alone costs about as much as the AES work
 * (see docs/crypto.md), so product pipelines over files should use the same size.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createPassphraseDecryptStream, createPassphraseEncryptStream, passphraseFromEnv } from '../scripts/lib/crypto/passphrase.ts';

const CHUNK = 1024 * 1024;

async function main(): Promise<void> {
  const [mode, input, output] = process.argv.slice(2);
  if ((mode !== 'encrypt' && mode !== 'decrypt') || !input || !output) {
    throw new Error('usage: crypto-worker encrypt|decrypt IN OUT');
  }
  const passphrase = passphraseFromEnv();
  const transform = mode === 'encrypt' ? await createPassphraseEncryptStream(passphrase) : createPassphraseDecryptStream(passphrase);
  await pipeline(createReadStream(input, { highWaterMark: CHUNK }), transform, createWriteStream(output));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
