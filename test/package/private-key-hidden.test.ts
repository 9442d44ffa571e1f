/**
 * Private keys the sniffer (package/private-key.ts) missed in an attack review, each packed before
 * its fix: keys in base64 (a Kubernetes Secret, a line of a .env file) and base64url, private JWKs
 * inside other text, PKCS#12 key stores under
 * another extension, a key deep in a large text file, and files that only show what a key looks
 * like, which must still be packed.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyScanner, privateKeyReason, SCAN_CARRY_BYTES, SCAN_CHUNK_BYTES, scannedWhileHashed } from '../../scripts/lib/package/private-key.ts';
import { rmrf, tempRoot } from './helpers.ts';

let root: string;
beforeAll(() => {
  root = tempRoot('key-hidden');
});
afterAll(() => rmrf(root));

/**
 * What create finds in `bytes` written to a file named `name`: collect's look (privateKeyReason),
 * then for a larger file the search of every byte as planPackage hashes it, in the chunks hashing
 * reads (256 KiB).
 */
function reasonFor(name: string, bytes: string | Buffer): string | undefined {
  const path = join(root, name.replace(/\//g, '_'));
  writeFileSync(path, bytes);
  const size = Buffer.byteLength(bytes);
  const seen = privateKeyReason(path, name, size);
  if (seen !== undefined || !scannedWhileHashed(size)) return seen;
  const scanner = new KeyScanner();
  const all = readFileSync(path);
  for (let at = 0; at < all.length; at += 256 * 1024) scanner.push(all.subarray(at, at + 256 * 1024));
  return scanner.finish();
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed = generateKeyPairSync('ed25519');
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
/** `base64`'s output: lines of 76 characters. */
const wrapped = (s: string, indent = '') => s.replace(/.{1,76}/g, (line) => `${indent}${line}\n`);

describe('keys in base64', () => {
  const pemKey = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const ecPem = ec.privateKey.export({ format: 'pem', type: 'sec1' }) as string;
  const certLike = `-----BEGIN CERTIFICATE-----\n${b64(randomBytes(300)).replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
  const secret = (key: string) =>
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: web-tls\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${b64(certLike)}\n  tls.key: ${key}\n`;

  it('a Kubernetes TLS Secret whose tls.key is a PEM key in base64, on one line or wrapped, is left out', () => {
    expect(b64(pemKey)).toMatch(/^LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t/);
    expect(reasonFor('k8s/tls-secret.yaml', secret(b64(pemKey)))).toMatch(/base64/);
    expect(reasonFor('k8s/ec-secret.yaml', secret(b64(ecPem)))).toMatch(/base64/);
    expect(reasonFor('k8s/wrapped.yaml', `data:\n  tls.key: |\n${wrapped(b64(pemKey), '    ')}`)).toMatch(/base64/);
  });

  it('a PEM key in base64 at any of the three alignments (base64 of a file holding it) is left out', () => {
    for (const pad of [0, 1, 2, 3, 4, 5]) {
      expect(reasonFor(`pad-${pad}.env`, `BLOB=${b64(`${'#'.repeat(pad)}${ecPem}`)}\n`)).toMatch(/base64/);
      // Wrapped as `base64` writes it (76 digits a line), the marker's digits sit across the first line break.
      expect(reasonFor(`wrapped-pad-${pad}.b64`, wrapped(b64(`${'#'.repeat(50 + pad)}${ecPem}`)))).toMatch(/base64/);
    }
    // A cloud service account's JSON key in base64 (as CI variables hold it): its key is written with \n escapes.
    const account = JSON.stringify({ type: 'service_account', project_id: 'p', private_key_id: 'abc', private_key: pemKey, client_email: 'x@p.iam' });
    expect(reasonFor('ci.env', `GOOGLE_CREDENTIALS_B64=${b64(account)}\n`)).toMatch(/base64/);
  });

  it('a DER key (PKCS#8, PKCS#1, SEC1, Ed25519, encrypted PKCS#8) in base64 on a line of a .env or YAML file is left out', () => {
    const der = (k: typeof rsa, type: 'pkcs8' | 'pkcs1' | 'sec1') => k.privateKey.export({ format: 'der', type }) as Buffer;
    expect(reasonFor('der-pkcs8.env', `APP=web\nSIGNING_KEY=${b64(der(rsa, 'pkcs8'))}\nPORT=8080\n`)).toMatch(/base64/);
    expect(reasonFor('der-pkcs1.yaml', `jwt:\n  key: "${b64(der(rsa, 'pkcs1'))}"\n  ttl: 3600\n`)).toMatch(/base64/);
    expect(reasonFor('der-sec1.env', `EC_KEY=${b64(der(ec, 'sec1'))}\n`)).toMatch(/base64/);
    expect(reasonFor('der-ed.env', `ED_KEY='${b64(der(ed, 'pkcs8'))}'\n`)).toMatch(/base64/);
    const encrypted = ec.privateKey.export({ format: 'der', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' }) as Buffer;
    expect(reasonFor('der-encrypted.yaml', `key: ${b64(encrypted)}\n`)).toMatch(/base64/);
    // Public keys first (their SEQUENCEs are not tried as keys, so they use up no tries), then the private one.
    const publics = Array.from(
      { length: 24 },
      (_, i) => `PUB_${i}=${b64(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'der', type: 'spki' }) as Buffer)}\n`,
    );
    expect(reasonFor('after-publics.env', `${publics.join('')}PRIVATE=${b64(der(ec, 'pkcs8'))}\n`)).toMatch(/base64/);
    expect(reasonFor('der-wrapped.yaml', `key: |\n${wrapped(b64(der(rsa, 'pkcs8')), '  ')}other: 1\n`)).toMatch(/base64/);
  });

  it('base64 of a certificate, of a public key, of random bytes, and a base64 key marker cut short in prose are packed', () => {
    expect(reasonFor('k8s/cert-only.yaml', `data:\n  ca.crt: ${b64(certLike)}\n`)).toBeUndefined();
    expect(reasonFor('public.env', `PUB=${b64(rsa.publicKey.export({ format: 'der', type: 'spki' }) as Buffer)}\n`)).toBeUndefined();
    expect(reasonFor('public-pem.env', `PUB=${b64(rsa.publicKey.export({ format: 'pem', type: 'spki' }) as string)}\n`)).toBeUndefined();
    // Starts as a DER SEQUENCE of a plausible length does (0x30 0x82), then random bytes.
    expect(reasonFor('random.env', `BLOB=${b64(Buffer.concat([Buffer.from([0x30, 0x82, 0x04, 0xa0]), randomBytes(1184)]))}\n`)).toBeUndefined();
    expect(reasonFor('docs/k8s.md', 'A TLS Secret holds the key in base64: `tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t...`\n')).toBeUndefined();
    expect(reasonFor('docs/marker-only.md', `The base64 of the marker alone is ${b64('-----BEGIN PRIVATE KEY-----\n')}\n`)).toBeUndefined();
  });

  it('crafted base64 runs (many markers, many SEQUENCE starts) are read in bounded time and taken for nothing', () => {
    const markers = `${'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t'.repeat(1800)}\n`;
    expect(reasonFor('many-markers.txt', markers)).toBeUndefined();
    expect(reasonFor('many-sequences.txt', 'MIH/\n'.repeat(13000))).toBeUndefined();
    expect(reasonFor('many-sequences-2.txt', `${'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC '.repeat(1900)}`)).toBeUndefined();
  });
});

describe('keys in base64url, and JSON Web Keys inside other text', () => {
  const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');
  const pemKey = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const jwk = ec.privateKey.export({ format: 'jwk' });
  const rsaJwk = rsa.privateKey.export({ format: 'jwk' });
  const edJwk = ed.privateKey.export({ format: 'jwk' });

  it('a PEM key in base64url is left out (ASCII text encodes to the same digits as in base64, unpadded)', () => {
    expect(b64url(pemKey)).not.toMatch(/[-_]/);
    expect(reasonFor('url-safe.env', `TLS_KEY=${b64url(pemKey)}\n`)).toMatch(/base64/);
    expect(reasonFor('url-safe-pad.env', `TLS_KEY=${b64url(`<?xml?>\n${pemKey}`)}\n`)).toMatch(/base64/);
  });

  it('a DER key (PKCS#8, PKCS#1, Ed25519) in base64url on a line of a .env or YAML file is left out', () => {
    const der = (k: typeof rsa, type: 'pkcs8' | 'pkcs1') => k.privateKey.export({ format: 'der', type }) as Buffer;
    expect(b64url(der(rsa, 'pkcs8'))).toMatch(/[-_]/);
    expect(reasonFor('der-url.env', `SIGNING_KEY=${b64url(der(rsa, 'pkcs8'))}\n`)).toMatch(/base64/);
    expect(reasonFor('der-url-pkcs1.yaml', `jwt:\n  key: "${b64url(der(rsa, 'pkcs1'))}"\n`)).toMatch(/base64/);
    let edKey = der(ed, 'pkcs8');
    // Ed25519's DER is 48 bytes: a key whose digits hold a - or _ (most do).
    while (!/[-_]/.test(b64url(edKey))) edKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer;
    expect(reasonFor('der-url-ed.env', `ED_KEY=${b64url(edKey)}\n`)).toMatch(/base64/);
  });

  it('a private JWK (its base64url "d") inside a config file, escaped in a JSON string, on a .env line, or in a large text file is left out', () => {
    expect(reasonFor('config.json', JSON.stringify({ issuer: 'https://id.example', signing: { alg: 'ES256', key: jwk } }, null, 2))).toMatch(/JSON Web Key/);
    expect(reasonFor('escaped.json', JSON.stringify({ JWT_PRIVATE_JWK: JSON.stringify(edJwk) }))).toMatch(/JSON Web Key/);
    expect(reasonFor('jwk.env', `APP=web\nJWT_KEY='${JSON.stringify(rsaJwk)}'\n`)).toMatch(/JSON Web Key/);
    expect(reasonFor('settings.yaml', `auth:\n  jwk: '${JSON.stringify(jwk)}'\n`)).toMatch(/JSON Web Key/);
    const filler = 'A line of notes a walnut keeps in a large text file.\n'.repeat(4000);
    expect(reasonFor('big-notes.md', `${filler}\`\`\`json\n${JSON.stringify(jwk, null, 2)}\n\`\`\`\n${filler}`)).toMatch(/JSON Web Key/);
    // In the first 4 KiB read of a larger binary file.
    const binary = Buffer.concat([Buffer.from(JSON.stringify(jwk)), Buffer.alloc(100 * 1024)]);
    expect(reasonFor('blob.bin', binary)).toMatch(/JSON Web Key/);
  });

  it('base64url of a certificate or public key, a public JWK in a config, and a "d" that is no JWK scalar are packed', () => {
    expect(reasonFor('public-url.env', `PUB=${b64url(rsa.publicKey.export({ format: 'der', type: 'spki' }) as Buffer)}\n`)).toBeUndefined();
    expect(reasonFor('public-pem-url.env', `PUB=${b64url(rsa.publicKey.export({ format: 'pem', type: 'spki' }) as string)}\n`)).toBeUndefined();
    expect(reasonFor('random-url.env', `BLOB=${b64url(Buffer.concat([Buffer.from([0x30, 0x82, 0x04, 0xa0]), randomBytes(1184)]))}\n`)).toBeUndefined();
    const { d: _d, ...pub } = jwk;
    expect(reasonFor('jwks-config.json', JSON.stringify({ issuer: 'x', keys: [pub], note: { d: 'a short d' } }, null, 2))).toBeUndefined();
    // A "d" of 32 base64url characters or more, but in another object than the "kty".
    expect(reasonFor('other-d.json', JSON.stringify({ key: pub, digest: { d: b64url(randomBytes(32)) } }))).toBeUndefined();
    expect(reasonFor('dashes.md', `${'-'.repeat(200)}\n${'_'.repeat(200)}\n`)).toBeUndefined();
  });

  it('crafted text (many "d" members, long runs of - and _) is read in bounded time', () => {
    const started = Date.now();
    const d = `"d": "${'A'.repeat(40)}", `;
    expect(reasonFor('many-d.json', `{"kty": "none", ${d.repeat(1500)}}`)).toBeUndefined();
    expect(reasonFor('many-d-kty.json', `{${d.repeat(1500)}} {"kty": "EC"}`)).toBeUndefined();
    expect(reasonFor('runs.txt', `${'-_'.repeat(30000)}\n`)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('PKCS#12 key stores by content', () => {
  /** Runs openssl in `root`; its output file's bytes. */
  const openssl = (args: string[], out: string) => {
    const r = spawnSync('openssl', args, { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
    return readFileSync(join(root, out));
  };
  let p12: Record<string, Buffer>;
  let cert: { pem: Buffer; der: Buffer; p7: Buffer };
  beforeAll(() => {
    openssl(
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-subj',
        '/CN=walnut test',
        '-days',
        '1',
        '-keyout',
        'k.pem',
        '-out',
        'c.pem',
      ],
      'c.pem',
    );
    const store = (out: string, ...more: string[]) => openssl(['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-out', out, ...more], out);
    p12 = {
      default: store('a.pfx-out', '-passout', 'pass:pw'),
      legacy: store('b.pfx-out', '-passout', 'pass:pw', '-legacy'),
      plain: store('c.pfx-out', '-passout', 'pass:', '-nomac', '-keypbe', 'NONE', '-certpbe', 'NONE'),
    };
    cert = {
      pem: readFileSync(join(root, 'c.pem')),
      der: openssl(['x509', '-in', 'c.pem', '-outform', 'DER', '-out', 'c.der-out'], 'c.der-out'),
      p7: openssl(['crl2pkcs7', '-nocrl', '-certfile', 'c.pem', '-outform', 'DER', '-out', 'c.p7-out'], 'c.p7-out'),
    };
  });

  it('openssl pkcs12 -export output (default, -legacy, unencrypted) named cert.bin, bundle.dat or with no extension is left out', () => {
    for (const [kind, bytes] of Object.entries(p12)) {
      for (const name of ['cert.bin', 'bundle.dat', 'keystore']) expect(reasonFor(`${kind}-${name}`, bytes), `${kind} ${name}`).toMatch(/PKCS#12/);
    }
  });

  it('a PKCS#12 key store in base64 (a Kubernetes Secret holding keystore.p12) is left out', () => {
    expect(reasonFor('k8s/keystore.yaml', `data:\n  keystore.p12: ${b64(p12.default!)}\n`)).toMatch(/PKCS#12/);
  });

  it('a certificate (PEM, DER, a DER PKCS#7 bundle), under any name, and in base64, is packed', () => {
    for (const name of ['cert.crt', 'cert.der', 'cert.bin']) {
      expect(reasonFor(`pem-${name}`, cert.pem)).toBeUndefined();
      expect(reasonFor(`der-${name}`, cert.der)).toBeUndefined();
      expect(reasonFor(`p7-${name}`, cert.p7)).toBeUndefined();
    }
    expect(reasonFor('k8s/ca.yaml', `data:\n  ca.der: ${b64(cert.der)}\n  bundle.p7b: ${b64(cert.p7)}\n`)).toBeUndefined();
  });
});

describe('a key deep in a large text file', () => {
  const pemKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const line = 'A line of notes, logs or anything else a walnut keeps in a large text file.\n';
  /** `size` bytes of text lines with `middle` starting at byte `at`. */
  const textWith = (size: number, at: number, middle: string) => {
    const filler = line.repeat(Math.ceil(size / line.length));
    return `${filler.slice(0, at)}${middle}${filler.slice(0, Math.max(0, size - at - middle.length))}`;
  };

  it('a PEM key in the middle of a 100 KiB notes file (past the first 4 KiB of a file over 64 KiB) is left out', () => {
    expect(reasonFor('notes.md', textWith(100 * 1024, 50 * 1024, `\n${pemKey}\n`))).toMatch(/PRIVATE KEY/);
    expect(reasonFor('app.log', textWith(3 * 1024 * 1024, 2 * 1024 * 1024 + 17, `key: ${JSON.stringify(pemKey)}\n`))).toMatch(/PRIVATE KEY/);
  });

  it('a key whose marker or body sits across a boundary of the chunks the file is read in is left out; a mention there is not', () => {
    // Around the second boundary, over more than the bytes a chunk keeps of the one before.
    const offsets = [-40, -20, -5, 0, 5, 40];
    for (let d = -10_000; d <= 1000; d += 250) offsets.push(d);
    for (const d of offsets) {
      const at = 2 * SCAN_CHUNK_BYTES + d;
      expect(reasonFor(`across${d}.txt`, textWith(3 * SCAN_CHUNK_BYTES, at, pemKey)), `key at ${d}`).toMatch(/PRIVATE KEY/);
      expect(reasonFor(`mention${d}.txt`, textWith(3 * SCAN_CHUNK_BYTES, at, 'see -----BEGIN PRIVATE KEY----- blocks, ')), `mention at ${d}`).toBeUndefined();
    }
  });

  it('a mention whose marker a chunk cuts off from the rest of its line, or reads from its first byte, is packed', () => {
    const boundary = 2 * SCAN_CHUNK_BYTES;
    // A chunk ends right after the marker: read alone, it would end its line.
    const atLineStart = '\n-----BEGIN PRIVATE KEY----- blocks are what create looks for.\n';
    for (const d of [-28, -29, -30])
      expect(reasonFor(`cut-after${d}.txt`, textWith(3 * SCAN_CHUNK_BYTES, boundary + d, atLineStart)), `at ${d}`).toBeUndefined();
    // The next chunk starts (with the bytes it keeps of this one) right at the marker: read from there, it would start its line.
    const afterWords = 'The marker -----BEGIN PRIVATE KEY-----\nis followed by the key body.\n';
    const keptFrom = boundary - SCAN_CARRY_BYTES - 'The marker '.length;
    for (const d of [0, -1, 1]) expect(reasonFor(`cut-before${d}.txt`, textWith(3 * SCAN_CHUNK_BYTES, keptFrom + d, afterWords)), `at ${d}`).toBeUndefined();
  });

  it('no limit by size: a key past the first 16 MiB of a text file, or past the first 4 KiB of a binary one over 64 KiB, is seen, in whatever chunks its bytes come', () => {
    expect(reasonFor('huge.log', textWith(17 * 1024 * 1024, 16 * 1024 * 1024 + 100, pemKey))).toMatch(/PRIVATE KEY/);
    const binary = Buffer.from(textWith(100 * 1024, 50 * 1024, pemKey));
    binary[10] = 0;
    expect(reasonFor('blob.bin', binary)).toMatch(/PRIVATE KEY/);
    const mention = Buffer.from(textWith(100 * 1024, 50 * 1024, 'see -----BEGIN PRIVATE KEY----- blocks, '));
    mention[10] = 0;
    for (const size of [1, 7, 4093, SCAN_CHUNK_BYTES + 1]) {
      const scan = (bytes: Buffer) => {
        const scanner = new KeyScanner();
        for (let at = 0; at < bytes.length; at += size) scanner.push(bytes.subarray(at, at + size));
        return scanner.finish();
      };
      expect(scan(binary), `in chunks of ${size}`).toMatch(/PRIVATE KEY/);
      expect(scan(mention), `in chunks of ${size}`).toBeUndefined();
    }
  });

  it('a large text file that only mentions the marker, anywhere, is packed', () => {
    expect(
      reasonFor('big-prose.md', textWith(200 * 1024, 150 * 1024, 'The marker -----BEGIN PRIVATE KEY----- starts a key; create leaves such files out.\n')),
    ).toBeUndefined();
  });
});

describe('how-to files that show a key block without a key', () => {
  const fenced = (inside: string, nl = '\n') => `# Setting up TLS${nl}${nl}Put your key in key.pem:${nl}${nl}\`\`\`${nl}${inside}\`\`\`${nl}`;
  const examples: Record<string, string> = {
    'dots.md': fenced('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n'),
    'ellipsis.md': fenced('-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----\n'),
    'placeholder.md': fenced('-----BEGIN PRIVATE KEY-----\n<your key here>\n-----END PRIVATE KEY-----\n'),
    'no-body.md': fenced('-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----\n'),
    'cut-short.md': fenced('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n-----END PRIVATE KEY-----\n'),
    'crlf.md': fenced('-----BEGIN PRIVATE KEY-----\r\n...\r\n-----END PRIVATE KEY-----\r\n', '\r\n'),
    'blank-line.md': fenced('-----BEGIN OPENSSH PRIVATE KEY-----\n\n    ...\n\n-----END OPENSSH PRIVATE KEY-----\n'),
    'first-line-only.md': fenced('-----BEGIN EC PRIVATE KEY-----\n'),
    'brackets.md': fenced('-----BEGIN PRIVATE KEY-----\n[paste the key here]\n-----END PRIVATE KEY-----\n'),
    // A shell here-document's variable (\u0024 is the dollar sign).
    'template.sh': 'cat > key.pem <<EOF\n-----BEGIN PRIVATE KEY-----\n\u0024{KEY_BODY}\n-----END PRIVATE KEY-----\nEOF\n',
    'helm.yaml': 'tls.key: |\n  -----BEGIN PRIVATE KEY-----\n  {{ .Values.tls.key }}\n  -----END PRIVATE KEY-----\n',
  };

  it('a marker whose next line is ..., …, a <placeholder>, a template, the END marker or the fence is packed', () => {
    for (const [name, text] of Object.entries(examples)) expect(reasonFor(`howto-${name}`, text), name).toBeUndefined();
  });

  it('a key with a short body, a key cut off after its marker, and a real key in a code fence are still left out', () => {
    expect(reasonFor('short-body.pem', '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n')).toMatch(/PRIVATE KEY/);
    expect(reasonFor('cut-off.pem', 'Bag Attributes\n    friendlyName: server\n-----BEGIN RSA PRIVATE KEY-----\n')).toMatch(/PRIVATE KEY/);
    const pemKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    expect(reasonFor('howto-real.md', fenced(pemKey))).toMatch(/PRIVATE KEY/);
  });
});
