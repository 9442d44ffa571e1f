/**
 * The private-key sniffer (package/private-key.ts) on what a reviewer crafted: text around a marker
 * that made its regular expression backtrack for minutes (a few hundred bytes of CRLF lines or
 * `Name: value` lines after a marker, with no key body), and keys it still missed.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdsPrivateKeyBlock, KeyScanner, privateKeyReason } from '../../scripts/lib/package/private-key.ts';
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

describe("the search of a large file's every byte, on crafted bytes", () => {
  /** KeyScanner's finding in `pattern` repeated to `size` bytes, fed as hashing reads (256 KiB at a time). */
  const scanned = (pattern: string | Buffer, size: number) => {
    const one = Buffer.from(pattern);
    const bytes = Buffer.alloc(size);
    for (let at = 0; at < size; at += one.length) one.copy(bytes, at);
    const scanner = new KeyScanner();
    for (let at = 0; at < size; at += 256 * 1024) scanner.push(bytes.subarray(at, at + 256 * 1024));
    return scanner.finish();
  };
  const crafted: Record<string, string | Buffer> = {
    'K bytes (what the cores are found by)': 'K',
    'marker mentions, then CRLF lines': `see -----BEGIN PRIVATE KEY-----${'\r\n'.repeat(9)}`,
    'the same in UTF-16': Buffer.from(`see -----BEGIN PRIVATE KEY-----${'\r\n'.repeat(9)}`, 'utf16le'),
    'markers in base64, one long run': 'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t',
    'DER SEQUENCE starts in base64': 'MIH/\n',
    // Each line opens a PKCS#8 key of 16 KiB in base64 (version 0, then a SEQUENCE), in one long run: read as a key's elements, each costs a few bytes.
    'base64 lines that each open a 16 KiB key': `${Buffer.concat([Buffer.from([0x30, 0x82, 0x3f, 0xf0, 0x02, 0x01, 0x00, 0x30]), Buffer.alloc(40, 0x41)]).toString('base64')}\n`,
    '"d" members and a kty': `{"kty": "none", "d": "${'A'.repeat(40)}", `,
    // A "d" and a "kty" of a key everywhere, never in the same object: unclosed ones nested ever deeper...
    'unclosed objects, a "kty" in each and a "d" in the next': `{"kty": "EC", {"d": "${'A'.repeat(40)}", `,
    '"d" members deep in braces, a "kty" one level out': `${'{'.repeat(500)}"d": "${'A'.repeat(40)}"}"kty": "RSA", `,
    // ...in objects side by side, and outside any.
    'objects of a "d" and of a "kty" side by side': `{"d": "${'A'.repeat(40)}"}{"kty": "OKP"}`,
    'members outside any object': `}"d": "${'A'.repeat(40)}", "kty": "RSA", `,
    // ...and objects left open, each with a "d" and none with a "kty", carried from window to window.
    'unclosed objects each with a "d"': `{"d": "${'A'.repeat(40)}", `,
    'age prefixes and WireGuard names': 'AGE-SECRET-KEY-1PrivateKey = \n',
    'runs of - and _': '-_',
  };

  it('takes time linear in the file (4 MiB of each: about a tenth of a second each when the machine is idle) and finds no key', () => {
    for (const [label, pattern] of Object.entries(crafted)) {
      const started = Date.now();
      expect(scanned(pattern, 4 * 1024 * 1024), label).toBeUndefined();
      // Quadratic work on 4 MiB would take hours; a shared, loaded machine takes a few seconds at worst.
      expect(Date.now() - started, label).toBeLessThan(10_000);
    }
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

  it('a DER key whose last byte is a white-space byte, with a newline after it or not', () => {
    // Keys are random: find one ending in 0x0a (trimming every trailing white-space byte broke it).
    let key = edDer;
    for (let i = 0; key[key.length - 1] !== 0x0a && i < 5000; i++)
      key = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer;
    expect(key[key.length - 1]).toBe(0x0a);
    expect(reasonFor('ends-in-newline.der', key)).toMatch(/DER/);
    expect(reasonFor('ends-in-newline-2.der', Buffer.concat([key, Buffer.from('\n')]))).toMatch(/DER/);
  });

  it('an age identity', () => {
    const identity = `AGE-SECRET-KEY-1${'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'.repeat(2).slice(0, 58)}`;
    expect(reasonFor('key.txt', `# created: 2026-12-06T05:00:00Z\n# public key: age1xyz\n${identity}\n`)).toMatch(/age identity/);
    expect(reasonFor('about-age.md', 'An age identity starts with AGE-SECRET-KEY-1 and 58 more characters.\n')).toBeUndefined();
  });
});

describe('more private keys: WireGuard, JSON Web Keys, OpenPGP secret keys', () => {
  it('a WireGuard configuration with its PrivateKey is left out; one with only a PublicKey is packed', () => {
    const key = `${'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBm'}k=`;
    expect(reasonFor('wg0.conf', `[Interface]\nAddress = 10.0.0.1/24\nPrivateKey = ${key}\nListenPort = 51820\n`)).toMatch(/WireGuard/);
    expect(reasonFor('peer.conf', `[Peer]\nPublicKey = ${key}\nAllowedIPs = 10.0.0.2/32\n`)).toBeUndefined();
  });

  it('a private JWK, or a JWK set holding one, is left out; a public one is packed', () => {
    const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
    expect(reasonFor('key.jwk', JSON.stringify(jwk))).toMatch(/JSON Web Key/);
    expect(
      reasonFor(
        'jwks.json',
        JSON.stringify({
          keys: [
            { ...jwk, d: undefined, kid: 'a' },
            { ...jwk, kid: 'b' },
          ],
        }),
      ),
    ).toMatch(/JSON Web Key/);
    const { d: _d, ...pub } = jwk;
    expect(reasonFor('public.jwk', JSON.stringify(pub))).toBeUndefined();
    expect(reasonFor('notes.json', JSON.stringify({ d: 'a variable named d', kty: 'not a key type' }))).toBeUndefined();
  });

  it('a binary OpenPGP secret key (as gpg --export-secret-keys writes it) is left out; a public key is packed', () => {
    // The packet header of an Ed25519 key gpg 2.2 exported: tag 5, old format, version 4, a
    // creation time, algorithm 22 (EdDSA); the public key's is tag 6 (0x98).
    const body = Buffer.concat([Buffer.from([0x04, 0x6b, 0x14, 0xf9, 0xe7, 22]), Buffer.alloc(82, 7)]);
    const secret = Buffer.concat([Buffer.from([0x94, body.length]), body]);
    expect(reasonFor('secret.gpg', secret)).toMatch(/OpenPGP secret key/);
    expect(reasonFor('public.gpg', Buffer.concat([Buffer.from([0x98, body.length]), body]))).toBeUndefined();
    expect(reasonFor('data.bin', Buffer.concat([Buffer.from([0x94, body.length, 0x09]), body.subarray(1)]))).toBeUndefined();
  });
});

describe('PEM keys in other clothes', () => {
  const pemKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;

  it('a PEM key in UTF-16 (as PowerShell writes it), little- or big-endian, is left out', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pemKey, 'utf16le')]);
    expect(reasonFor('key-utf16le.pem', le)).toMatch(/UTF-16/);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(Buffer.from(pemKey, 'utf16le')).swap16()]);
    expect(reasonFor('key-utf16be.pem', be)).toMatch(/UTF-16/);
    expect(
      reasonFor('notes-utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('-----BEGIN PRIVATE KEY----- blocks stay home.\n', 'utf16le')])),
    ).toBeUndefined();
  });

  it('a PEM key in UTF-16 without a byte-order mark (iconv -t UTF-16LE), little- or big-endian, also after a stray byte, is left out', () => {
    const le = Buffer.from(`# server key\n${pemKey}`, 'utf16le');
    expect(reasonFor('key-utf16le-nobom.pem', le)).toMatch(/UTF-16/);
    expect(reasonFor('key-utf16be-nobom.pem', Buffer.from(le).swap16())).toMatch(/UTF-16/);
    expect(reasonFor('key-utf16le-odd.bin', Buffer.concat([Buffer.from([0x07]), le]))).toMatch(/UTF-16/);
    expect(reasonFor('notes-utf16-nobom.txt', Buffer.from('-----BEGIN PRIVATE KEY----- blocks stay home.\n', 'utf16le'))).toBeUndefined();
  });

  it('a PEM key escaped twice in JSON (a JSON text inside a JSON string) is left out', () => {
    const inner = JSON.stringify({ private_key: pemKey });
    expect(reasonFor('nested.json', JSON.stringify({ credentials: inner }))).toMatch(/PRIVATE KEY/);
  });
});
