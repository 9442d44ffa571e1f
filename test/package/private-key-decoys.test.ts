/**
 * Private keys after decoys: text that looks like part of a key where none is (a `"d"` member of
 * a log line, a public JWK's `"kty"`) must not use up the search, whether collect reads the file
 * whole (up to 64 KiB) or KeyScanner searches a larger one as it is hashed. The search for private
 * JWKs stopped after 64 `"d"` members of 32 characters or more, in a file or in each 64 KiB of one:
 * a JWK set after 70 records holding a sha256 `"d"` was packed.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyScanner, privateKeyReason, SCAN_CARRY_BYTES, SCAN_CHUNK_BYTES, scannedWhileHashed } from '../../scripts/lib/package/private-key.ts';
import { rmrf, tempRoot } from './helpers.ts';

let root: string;
beforeAll(() => {
  root = tempRoot('key-decoys');
});
afterAll(() => rmrf(root));

/** What create finds in `bytes` as a file named `name`: collect's look, then for a larger file KeyScanner fed `step` bytes at a time. */
function reasonFor(name: string, bytes: string | Buffer, step = 256 * 1024): string | undefined {
  const path = join(root, name);
  writeFileSync(path, bytes);
  const size = Buffer.byteLength(bytes);
  const seen = privateKeyReason(path, name, size);
  if (seen !== undefined || !scannedWhileHashed(size)) return seen;
  const scanner = new KeyScanner();
  const all = readFileSync(path);
  for (let at = 0; at < all.length; at += step) scanner.push(all.subarray(at, at + step));
  return scanner.finish();
}

const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
const { d: _d, ...publicJwk } = jwk;
const records = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: from + i, d: SHA }));
/** A log of JSON lines, each a record with a sha256 `"d"`, of at least `bytes` bytes. */
const logLines = (bytes: number, from = 0) => {
  const lines: string[] = [];
  for (let size = 0, i = from; size < bytes; i++) {
    const line = `${JSON.stringify({ ts: `2026-12-06T12:00:${String(i % 60).padStart(2, '0')}Z`, id: i, d: SHA })}\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('');
};

describe('a private JWK after decoy "d" members', () => {
  it('the reviewer\'s file: a JWK set after 70 records with a sha256 "d" is left out (and before them, as it was)', () => {
    expect(reasonFor('records.json', JSON.stringify({ records: records(70), keys: [jwk] }))).toMatch(/JSON Web Key/);
    expect(reasonFor('records-after.json', JSON.stringify({ keys: [jwk], records: records(70) }))).toMatch(/JSON Web Key/);
    expect(reasonFor('records-around.json', JSON.stringify({ a: records(300), keys: [jwk], b: records(300) }))).toMatch(/JSON Web Key/);
    // Pretty-printed, as most configuration files are.
    expect(reasonFor('records-pretty.json', JSON.stringify({ records: records(200), keys: [jwk] }, null, 2))).toMatch(/JSON Web Key/);
  });

  it('after decoy public JWKs (a "kty" with no "d") and "d" members beside them in other objects', () => {
    const decoys = Array.from({ length: 200 }, (_, i) => ({ key: { ...publicJwk, kid: `k${i}` }, digest: { d: SHA } }));
    expect(reasonFor('publics.json', JSON.stringify({ decoys, keys: [jwk] }))).toMatch(/JSON Web Key/);
    expect(reasonFor('publics-only.json', JSON.stringify({ decoys }))).toBeUndefined();
  });

  it('a "d" and a "kty" in the same object with another object between them', () => {
    expect(reasonFor('nested.json', JSON.stringify({ kty: 'EC', meta: { created: 1 }, ...jwk }))).toMatch(/JSON Web Key/);
    expect(reasonFor('nested-2.json', JSON.stringify({ d: jwk.d, meta: { created: 1 }, kty: 'EC' }))).toMatch(/JSON Web Key/);
  });

  it('a "d" and a "kty" in different objects are no key, however they nest', () => {
    expect(reasonFor('other-1.json', JSON.stringify({ kty: 'EC', meta: { d: SHA } }))).toBeUndefined();
    expect(reasonFor('other-2.json', JSON.stringify({ meta: { d: SHA }, kty: 'EC' }))).toBeUndefined();
    expect(reasonFor('other-3.json', JSON.stringify([{ kty: 'EC' }, { d: SHA }]))).toBeUndefined();
    expect(reasonFor('other-4.json', JSON.stringify({ a: { kty: 'RSA', b: {} }, d: SHA }))).toBeUndefined();
    expect(reasonFor('other-5.json', `${logLines(200 * 1024)}{"kty":"OKP","crv":"Ed25519"}\n${logLines(200 * 1024)}`)).toBeUndefined();
  });

  it('a JSON-lines log of many "d" members with a private JWK on one line, in the first 64 KiB, deep in the file, or across the bytes one search and the next share', () => {
    const line = `${JSON.stringify({ ts: 'x', event: 'rotate', jwk })}\n`;
    // Whole in collect's read (64 KiB or less).
    expect(reasonFor('log-small.jsonl', `${logLines(40 * 1024)}${line}${logLines(10 * 1024)}`)).toMatch(/JSON Web Key/);
    // Deep in a larger file, in one window of KeyScanner, after thousands of "d" members in it.
    expect(reasonFor('log-deep.jsonl', `${logLines(300 * 1024)}${line}${logLines(300 * 1024)}`)).toMatch(/JSON Web Key/);
    // Across the end of a window: where the first one ends, and where the second one ends (pushed in odd pieces).
    const secondEnd = 2 * SCAN_CHUNK_BYTES;
    for (const at of [SCAN_CHUNK_BYTES - 60, secondEnd - SCAN_CARRY_BYTES - 60, secondEnd - 60]) {
      const head = logLines(at).slice(0, at);
      const bytes = `${head}\n${line}${logLines(200 * 1024)}`;
      expect(reasonFor(`log-edge-${at}.jsonl`, bytes), `at ${at}`).toMatch(/JSON Web Key/);
      expect(reasonFor(`log-edge-${at}-odd.jsonl`, bytes, 4093), `at ${at}, odd pieces`).toMatch(/JSON Web Key/);
    }
    // The log alone is packed.
    expect(reasonFor('log-only.jsonl', logLines(300 * 1024))).toBeUndefined();
  });
});

describe('a DER key in base64 after decoy SEQUENCEs', () => {
  const der = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer;
  /** A SEQUENCE of `n` bytes that opens as a PKCS#8 key does (version 0, then a SEQUENCE), then random bytes: no key. */
  const decoy = (n: number) => Buffer.concat([Buffer.from([0x30, 0x82, (n - 4) >> 8, (n - 4) & 0xff, 0x02, 0x01, 0x00, 0x30]), randomBytes(n - 8)]);
  const decoyLines = (count: number) => Array.from({ length: count }, (_, i) => `BLOB_${i}=${decoy(300 + i).toString('base64')}\n`).join('');

  it('a DER key after 40 base64 blobs that open like one is left out, in a small file and deep in a large one', () => {
    expect(reasonFor('decoys.env', `${decoyLines(40)}SIGNING_KEY=${der.toString('base64')}\n`)).toMatch(/DER in base64/);
    const filler = 'A line of notes a walnut keeps in a large text file.\n'.repeat(3000);
    expect(reasonFor('decoys-deep.txt', `${decoyLines(40)}${filler}SIGNING_KEY=${der.toString('base64')}\n${filler}`)).toMatch(/DER in base64/);
    expect(reasonFor('decoys-only.env', decoyLines(40))).toBeUndefined();
  });
});

describe('a PEM key in base64 after a decoy marker in the same run of digits', () => {
  const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const b64url = (s: string) => Buffer.from(s).toString('base64url');

  it('base64url of a marker cut short, then of a key, in one run (unpadded, so the key sits at another place in a group of four) is left out', () => {
    // 28 bytes: 38 digits, so the key's digits start 2 into a group of four, where the decoy's started at 0.
    const decoy = b64url('-----BEGIN PRIVATE KEY-----\n');
    expect(decoy.length % 4).toBe(2);
    expect(reasonFor('joined.env', `BLOB=${decoy}${b64url(pem)}\n`)).toMatch(/base64/);
    expect(reasonFor('joined-decoy-only.env', `BLOB=${decoy}${b64url('-----BEGIN PRIVATE KEY-----\n')}\n`)).toBeUndefined();
  });
});

describe('a DER key in base64 after blobs laid out as keys that Node cannot parse', () => {
  const der = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer;
  const tlv = (tag: number, body: Buffer) => {
    const n = body.length;
    return Buffer.concat([Buffer.from(n < 0x80 ? [tag, n] : n < 0x100 ? [tag, 0x81, n] : [tag, 0x82, n >> 8, n & 0xff]), body]);
  };
  /** A PKCS#8 key in every element's place (version 0, an algorithm, an OCTET STRING), of an algorithm no one has (1.2.3.4): Node refuses it. */
  const shaped = (i: number) =>
    tlv(0x30, Buffer.concat([tlv(0x02, Buffer.from([0])), tlv(0x30, tlv(0x06, Buffer.from([0x2a, 0x03, 0x04]))), tlv(0x04, randomBytes(200 + i))]));
  const shapedLines = (count: number) => Array.from({ length: count }, (_, i) => `BLOB_${i}=${shaped(i).toString('base64')}\n`).join('');

  it('a DER key after 20 of them is left out, in a small file and deep in a large one (the 16 parses of a file went to them)', () => {
    expect(reasonFor('shaped.env', `${shapedLines(20)}SIGNING_KEY=${der.toString('base64')}\n`)).toMatch(/DER in base64/);
    const filler = 'A line of notes a walnut keeps in a large text file.\n'.repeat(3000);
    expect(reasonFor('shaped-deep.txt', `${shapedLines(20)}${filler}SIGNING_KEY=${der.toString('base64')}\n${filler}`)).toMatch(/DER in base64/);
  });

  it('a few of them alone are parsed and packed; past the parses of a file, one is taken for a key (it cannot be checked)', () => {
    expect(reasonFor('shaped-few.env', shapedLines(10))).toBeUndefined();
    expect(reasonFor('shaped-many.env', shapedLines(20))).toMatch(/laid out as a private key/);
  });
});

describe('a private JWK longer than the bytes one search of a large file keeps for the next', () => {
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  /** The key with a certificate chain (x5c) of `bytes` between its "kty" and its "d". */
  const longKey = (bytes: number) => {
    const x5c = Array.from({ length: Math.ceil(bytes / 2048) }, () => randomBytes(1536).toString('base64'));
    return JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, x5c, d: jwk.d });
  };

  it('a "kty" in one window and its "d" past the bytes kept for the next is left out', () => {
    const key = longKey(SCAN_CARRY_BYTES + 4096);
    const d = key.indexOf('"d"');
    expect(d).toBeGreaterThan(SCAN_CARRY_BYTES);
    // The key starts before the bytes the second window starts at, its "d" lies past the first window's end.
    const at = SCAN_CHUNK_BYTES - SCAN_CARRY_BYTES - 200;
    expect(at + d).toBeGreaterThan(SCAN_CHUNK_BYTES);
    const filler = 'A line of notes a walnut keeps in a large text file.\n';
    const head = filler.repeat(Math.ceil(at / filler.length)).slice(0, at);
    const bytes = `${head}${key}\n${filler.repeat(2000)}`;
    expect(reasonFor('long-jwk.json', bytes)).toMatch(/JSON Web Key/);
    expect(reasonFor('long-jwk-odd.json', bytes, 4093)).toMatch(/JSON Web Key/);
    // Spread over three windows, with the object opened in the first.
    const far = longKey(SCAN_CHUNK_BYTES + 4096);
    expect(reasonFor('longer-jwk.json', `${head}${far}\n${filler.repeat(2000)}`)).toMatch(/JSON Web Key/);
    // Its public half, as long, is packed.
    const { d: _d, ...pub } = JSON.parse(far) as Record<string, unknown>;
    expect(reasonFor('long-public-jwk.json', `${head}${JSON.stringify(pub)}\n${filler.repeat(2000)}`)).toBeUndefined();
  });

  it('its "d" in one window and its "kty" a window later, in a file of JSON lines each with a "d", is left out', () => {
    const { d, kty, ...rest } = JSON.parse(longKey(SCAN_CHUNK_BYTES + 4096)) as Record<string, unknown>;
    const at = SCAN_CHUNK_BYTES - SCAN_CARRY_BYTES - 200;
    const bytes = `${logLines(at).slice(0, at)}\n${JSON.stringify({ d, ...rest, kty })}\n${logLines(200 * 1024)}`;
    expect(reasonFor('d-first-jwk.jsonl', bytes)).toMatch(/JSON Web Key/);
    expect(reasonFor('d-first-jwk-odd.jsonl', bytes, 4093)).toMatch(/JSON Web Key/);
  });
});
