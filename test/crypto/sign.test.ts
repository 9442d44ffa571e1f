import { describe, it, expect, beforeAll } from 'vitest';
import type { KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AliveError } from '../../scripts/lib/errors.ts';
import { canonicalManifestForSignature, readSignatureBlock, signManifestText, verifyManifestText } from '../../scripts/lib/crypto/sign.ts';
import { loadPrivateKey, loadPublicKey } from '../../scripts/lib/crypto/keys.ts';
import { openssl, opensslOk, testKeys, tmp, type TestKeys } from './helpers.ts';

const MANIFEST = [
  'format_version: "2.0.0"',
  'source:',
  '  walnut: "launch-plan"',
  '  exported_at: "2026-04-02T03:53:46Z"',
  'scope: "full"',
  'description: "Q3 plan: ünïcode, #hash, colon: yes"',
  'encrypted: false',
  'files:',
  '  - path: "_kernel/key.md"',
  '    sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"',
  '    size: 4',
  '',
].join('\n');

let keys: TestKeys;
let alicePriv: KeyObject;
let alicePub: KeyObject;
let bobPub: KeyObject;
let osslPub: KeyObject;
let work: string;

beforeAll(async () => {
  keys = await testKeys();
  alicePriv = loadPrivateKey(keys.alice.privatePem);
  alicePub = loadPublicKey(keys.alice.publicPem);
  bobPub = loadPublicKey(keys.bob.publicPem);
  osslPub = loadPublicKey(keys.ossl.publicPem);
  work = tmp('sign');
});

describe('canonicalManifestForSignature (walnut-package-v2.md 3.4)', () => {
  const cases: Array<[string, string, string]> = [
    ['drops the signature block', 'a: 1\nsignature:\n  algorithm: "RSA-SHA256"\n  value: "x"\n', 'a: 1\n'],
    ['drops trailing blank and whitespace-only lines', 'a: 1\n\n  \n\t\n\n', 'a: 1\n'],
    ['adds the final LF when missing', 'a: 1', 'a: 1\n'],
    ['accepts spaces before the colon', 'a: 1\nsignature  :\n  value: "x"\n', 'a: 1\n'],
    ['continues the block over tab-indented lines', 'a: 1\nsignature:\n\tvalue: "x"\n  signer: "y"\nb: 2\n', 'a: 1\nb: 2\n'],
    ['ends the block at an empty line, which is kept', 'a: 1\nsignature:\n  value: "x"\n\nb: 2\n', 'a: 1\n\nb: 2\n'],
    ['drops a block wherever it is, and every block', 'signature:\n  v: 1\na: 1\nsignature:\n  v: 2\nb: 2\n', 'a: 1\nb: 2\n'],
    [
      'keeps look-alikes: signatures:, an indented signature:, signature_x:',
      'signatures: 1\n  signature: 2\nsignature_x: 3\n',
      'signatures: 1\n  signature: 2\nsignature_x: 3\n',
    ],
    ['keeps CR bytes of CRLF lines (splits on LF only)', 'a: 1\r\nsignature:\r\n  value: "x"\r\n', 'a: 1\r\n'],
    ['gives a lone LF for an empty text', '', '\n'],
  ];
  for (const [label, input, expected] of cases) {
    it(label, () => expect(canonicalManifestForSignature(input)).toBe(expected));
  }
});

describe('signManifestText / verifyManifestText', () => {
  it('appends the reference block layout after the canonical text', () => {
    const signed = signManifestText(`${MANIFEST}\n\n`, alicePriv, 'alice-gh');
    const m = /^([\s\S]*)\n\nsignature:\n {2}algorithm: "RSA-SHA256"\n {2}signer: "alice-gh"\n {2}value: "([A-Za-z0-9+/]+={0,2})"\n$/.exec(signed);
    expect(m).not.toBeNull();
    expect(`${m![1]}\n`).toBe(MANIFEST);
    expect(Buffer.from(m![2]!, 'base64').length).toBe(512);
    expect(verifyManifestText(signed, alicePub)).toEqual({ present: true, ok: true, signer: 'alice-gh' });
    expect(readSignatureBlock(signed)).toEqual({ algorithm: 'RSA-SHA256', signer: 'alice-gh', value: m![2] });
  });

  it('gives the same bytes as openssl dgst -sha256 -sign, and openssl -verify accepts ours', () => {
    const signed = signManifestText(MANIFEST, alicePriv, 'alice');
    const canonicalFile = join(work, 'canonical.txt');
    writeFileSync(canonicalFile, canonicalManifestForSignature(signed));
    const theirs = opensslOk(['dgst', '-sha256', '-sign', keys.alice.privatePem, canonicalFile]);
    const ours = Buffer.from(readSignatureBlock(signed)!.value, 'base64');
    expect(ours.equals(theirs)).toBe(true); // PKCS#1 v1.5 is deterministic
    const sigFile = join(work, 'sig.bin');
    writeFileSync(sigFile, ours);
    const r = openssl(['dgst', '-sha256', '-verify', keys.alice.publicPem, '-signature', sigFile, canonicalFile]);
    expect(r.stdout.toString()).toContain('Verified OK');
    expect(r.status).toBe(0);
  });

  it('verifies a signature openssl made (openssl-generated key), as the reference lays it out', () => {
    const canonicalFile = join(work, 'canonical-ossl.txt');
    writeFileSync(canonicalFile, canonicalManifestForSignature(MANIFEST));
    const sig = opensslOk(['dgst', '-sha256', '-sign', keys.ossl.privatePem, canonicalFile]).toString('base64');
    const signed = `${MANIFEST}\nsignature:\n  algorithm: "RSA-SHA256"\n  signer: "relay"\n  value: "${sig}"\n`;
    expect(verifyManifestText(signed, osslPub)).toEqual({ present: true, ok: true, signer: 'relay' });
  });

  it('verifies a manifest with CRLF line endings, as the reference writes and signs it on Windows (text mode)', () => {
    // The reference reads with universal newlines and writes what it signs, and the manifest, in
    // text mode: on Windows both are CRLF, so openssl signs the CRLF bytes.
    const crlf = MANIFEST.replace(/\n/g, '\r\n');
    const canonicalFile = join(work, 'canonical-crlf.txt');
    writeFileSync(canonicalFile, crlf);
    expect(canonicalManifestForSignature(`${crlf}\r\nsignature:\r\n  value: "x"\r\n`)).toBe(crlf);
    const sig = opensslOk(['dgst', '-sha256', '-sign', keys.ossl.privatePem, canonicalFile]).toString('base64');
    const signed = `${crlf}\r\nsignature:\r\n  algorithm: "RSA-SHA256"\r\n  signer: "relay"\r\n  value: "${sig}"\r\n`;
    expect(verifyManifestText(signed, osslPub)).toEqual({ present: true, ok: true, signer: 'relay' });
    expect(verifyManifestText(signed.replace('size: 4', 'size: 5'), osslPub)).toMatchObject({ ok: false, reason: expect.stringMatching(/bad signature/) });
  });

  it('re-signing replaces the block and is deterministic', () => {
    const once = signManifestText(MANIFEST, alicePriv, 'alice');
    const twice = signManifestText(once, alicePriv, 'alice');
    expect(twice).toBe(once);
    expect(twice.match(/^signature:/gm)).toHaveLength(1);
  });

  it('tolerates trailing blank lines added after signing (they are outside the canonical bytes)', () => {
    const signed = signManifestText(MANIFEST, alicePriv, 'alice');
    expect(verifyManifestText(`${signed}\n\n`, alicePub).ok).toBe(true);
  });

  it('a manifest edited after signing fails', () => {
    const signed = signManifestText(MANIFEST, alicePriv, 'alice');
    for (const edited of [
      signed.replace('size: 4', 'size: 5'),
      signed.replace('encrypted: false', 'encrypted: true'),
      signed.replace('"launch-plan"', '"launch-plan "'),
      `extra: 1\n${signed}`,
    ]) {
      const r = verifyManifestText(edited, alicePub);
      expect(r.present).toBe(true);
      expect(r.ok).toBe(false);
      expect(r.reason).toMatch(/bad signature/);
    }
  });

  it('a signature by another key fails', () => {
    const r = verifyManifestText(signManifestText(MANIFEST, alicePriv, 'alice'), bobPub);
    expect(r).toMatchObject({ present: true, ok: false, signer: 'alice' });
    expect(r.reason).toMatch(/another key/);
  });

  it('another algorithm label fails even when the bytes verify (the reference never checked)', () => {
    const signed = signManifestText(MANIFEST, alicePriv, 'alice');
    for (const label of ['RSA-PSS-SHA256', 'rsa-sha256', 'none']) {
      const r = verifyManifestText(signed.replace('algorithm: "RSA-SHA256"', `algorithm: "${label}"`), alicePub);
      expect(r.ok).toBe(false);
      expect(r.reason).toContain(`unsupported signature algorithm '${label}'`);
    }
    const missing = verifyManifestText(signed.replace(/ {2}algorithm: "RSA-SHA256"\n/, ''), alicePub);
    expect(missing).toMatchObject({ ok: false, reason: 'the signature block names no algorithm' });
  });

  it('a missing, empty or non-base64 value fails; two blocks fail; no block is "not present"', () => {
    const signed = signManifestText(MANIFEST, alicePriv, 'alice');
    const value = readSignatureBlock(signed)!.value;
    expect(verifyManifestText(signed.replace(/ {2}value: .*\n/, ''), alicePub).reason).toBe('the signature block has no value');
    expect(verifyManifestText(signed.replace(value, ''), alicePub).reason).toBe('the signature block has no value');
    expect(verifyManifestText(signed.replace(value, `${value.slice(0, 10)}*${value.slice(11)}`), alicePub).reason).toBe('the signature value is not base64');
    expect(verifyManifestText(`${signed}signature:\n  value: "AAAA"\n`, alicePub).reason).toMatch(/more than one/);
    expect(verifyManifestText(MANIFEST, alicePub)).toEqual({ present: false, ok: false, reason: 'the manifest is not signed' });
  });

  it('a truncated signature value fails', () => {
    const signed = signManifestText(MANIFEST, alicePriv, 'alice');
    const value = readSignatureBlock(signed)!.value;
    expect(verifyManifestText(signed.replace(value, value.slice(0, 340)), alicePub).ok).toBe(false);
  });

  it('the signer field is a label, not covered by the signature (callers choose the key)', () => {
    const signed = signManifestText(MANIFEST, alicePriv, 'alice');
    expect(verifyManifestText(signed.replace('signer: "alice"', 'signer: "mallory"'), alicePub)).toEqual({
      present: true,
      ok: true,
      signer: 'mallory',
    });
  });

  it('refuses signer names that are not logins (they could break the YAML line or name no key)', () => {
    for (const bad of ['', 'a"b', 'a\nvalue: "x"', "it's", 'a b', 'x'.repeat(65), 'é', 'al\\ice', 'ben@example', '-x', 'a..b']) {
      let err: unknown;
      try {
        signManifestText(MANIFEST, alicePriv, bad);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AliveError);
      expect((err as AliveError).code).toBe('bad_signer');
      expect((err as AliveError).message).not.toContain('\n');
    }
    // The login rule a receiver applies before it looks up the signer's pinned key.
    expect(signManifestText(MANIFEST, alicePriv, 'ben.smith_2-x')).toContain('signer: "ben.smith_2-x"');
    expect(signManifestText(MANIFEST, alicePriv, 'x'.repeat(64))).toContain(`signer: "${'x'.repeat(64)}"`);
  });
});

describe('readSignatureBlock', () => {
  it('reads double-quoted, single-quoted and plain values; absent fields are empty', () => {
    expect(readSignatureBlock("a: 1\nsignature:\n  algorithm: RSA-SHA256\n  signer: 'bo''b'\n  value: \"QUJD\" # c\n")).toEqual({
      algorithm: 'RSA-SHA256',
      signer: "bo'b",
      value: 'QUJD',
    });
    expect(readSignatureBlock('signature:\n  signer: "x"\n')).toEqual({ algorithm: '', signer: 'x', value: '' });
    expect(readSignatureBlock(MANIFEST)).toBeUndefined();
  });
});
