/**
 * The private-key sniffer (package/private-key.ts) on what a reviewer crafted: text around a marker
 * that made its regular expression backtrack for minutes (a few hundred bytes of CRLF lines or
 * `Name: value` lines after a marker, with no key body), and keys it still missed.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdsPrivateKeyBlock, privateKeyReason } from '../../scripts/lib/package/private-key.ts';
import { rmrf, tempRoot } from './helpers.ts';

let root: string;
beforeAll(() => {
  root = tempRoot('key-linear');
});
afterAll(() => rmrf(root));

/** privateKeyReason of `bytes` written to a file named `name`. */
function reasonFor(name: string, bytes: string | Buffer): string | undefined {
  const path = join(root, name);
  writeFileSync(path, bytes);
  return privateKeyReason(path, name, Buffer.byteLength(bytes));
}

describe('marker text that made the old expression backtrack', () => {
  // Each took the regular expression 2^k steps (k lines): 40 lines were hours. Read by hand, at once.
  it('a marker then many CRLF lines, or Name: value lines, and no body: not a key', () => {
    expect(holdsPrivateKeyBlock(`see -----BEGIN PRIVATE KEY-----${'\r\n'.repeat(40)}end`)).toBe(false);
    const fields = Array.from({ length: 40 }, (_, i) => `Field: value ${i}\r\n`).join('');
    expect(holdsPrivateKeyBlock(`Our keys start with -----BEGIN PRIVATE KEY-----\r\n${fields}`)).toBe(false);
    expect(reasonFor('redos.txt', `see -----BEGIN PRIVATE KEY-----${'\r\n'.repeat(40)}end`)).toBeUndefined();
  });

  it('a key body after the headers is still found', () => {
    const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7';
    expect(holdsPrivateKeyBlock(`x -----BEGIN RSA PRIVATE KEY-----\r\nProc-Type: 4,ENCRYPTED\r\nDEK-Info: AES-128-CBC,00\r\n\r\n${body}\r\n`)).toBe(true);
  });
});

describe('keys the sniffer missed', () => {
  const ed = generateKeyPairSync('ed25519');
  const edDer = ed.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer;

  it('an Ed25519 key in DER (48 bytes), and a DER key with a newline after it', () => {
    expect(edDer.length).toBe(48);
    expect(reasonFor('ed.der', edDer)).toMatch(/DER/);
    expect(reasonFor('ed-newline.der', Buffer.concat([edDer, Buffer.from('\n')]))).toMatch(/DER/);
  });

  it('an age identity', () => {
    const identity = `AGE-SECRET-KEY-1${'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'.repeat(2).slice(0, 58)}`;
    expect(reasonFor('key.txt', `# created: 2026-12-06T05:00:00Z\n# public key: age1xyz\n${identity}\n`)).toMatch(/age identity/);
    expect(reasonFor('about-age.md', 'An age identity starts with AGE-SECRET-KEY-1 and 58 more characters.\n')).toBeUndefined();
  });
});
