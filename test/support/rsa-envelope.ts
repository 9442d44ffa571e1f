/**
 * A 2.1 RSA envelope made as anyone can make one, with the real openssl: `plain` (a package's
 * bytes) encrypted under a fresh AES key, that key wrapped for `publicPem` (RSA-OAEP-SHA256), in
 * an uncompressed tar of rsa-envelope-v1.json and payload.enc (walnut-v3-notes.md).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const OAEP_SHA256 = ['-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha256'];

function openssl(args: string[], input?: Buffer): Buffer {
  const r = spawnSync('openssl', args, { input, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** `plain` in an envelope for the key at `publicPem` (whose fingerprint, 64 hex digits, is `fingerprintHex`), written to `out`. */
export function wrapInRsaEnvelope(plain: Buffer, publicPem: string, fingerprintHex: string, out: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'alive-envelope-'));
  try {
    const key = Buffer.from(openssl(['rand', '-hex', '32']).toString().trim(), 'hex');
    const iv = Buffer.from(openssl(['rand', '-hex', '16']).toString().trim(), 'hex');
    writeFileSync(join(dir, 'plain.walnut'), plain);
    writeFileSync(
      join(dir, 'payload.enc'),
      openssl(['enc', '-aes-256-cbc', '-K', key.toString('hex'), '-iv', iv.toString('hex'), '-in', join(dir, 'plain.walnut')]),
    );
    const wrapped = openssl(['pkeyutl', '-encrypt', '-pubin', '-inkey', publicPem, ...OAEP_SHA256], key);
    const envelope = {
      version: 1,
      payload_algo: 'aes-256-cbc',
      payload_iv_b64: iv.toString('base64'),
      recipients: [{ pubkey_id: fingerprintHex.slice(0, 16), key_enc_b64: wrapped.toString('base64') }],
    };
    writeFileSync(join(dir, 'rsa-envelope-v1.json'), JSON.stringify(envelope));
    const t = spawnSync('tar', ['-cf', out, '-C', dir, 'rsa-envelope-v1.json', 'payload.enc']);
    if (t.status !== 0) throw new Error(`tar failed: ${t.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
