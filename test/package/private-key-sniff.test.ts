/**
 * Which files collect takes for private keys by what they hold (README "Private keys stay home"):
 * a key block anywhere in a file (collect reads one up to 64 KiB, planPackage every byte of a larger one), also inside JSON (a service-account file) or behind a
 * byte-order mark; not a file that only talks about such blocks.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { linkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectWalnut } from '../../scripts/lib/package/collect.ts';
import { planPackage } from '../../scripts/lib/package/create.ts';
import { makeWalnut, rmrf, tempRoot } from './helpers.ts';

let root: string;
beforeAll(() => {
  root = tempRoot('key-sniff');
});
afterAll(() => rmrf(root));

const BODY = ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj', 'MZR3S0x2dHV3b1J5N0ZtV2FsbnV0cGFja2FnZXRlc3RrZXlib2R5bGluZTJhYmNk'];
const pem = (label: string, nl = '\n') => `-----BEGIN ${label}-----${nl}${BODY.join(nl)}${nl}-----END ${label}-----${nl}`;

const SERVICE_ACCOUNT = JSON.stringify(
  {
    type: 'service_account',
    project_id: 'garden-prod',
    private_key_id: '0123456789abcdef0123456789abcdef01234567',
    private_key: pem('PRIVATE KEY'),
    client_email: 'packer@garden-prod.iam.gserviceaccount.com',
  },
  null,
  2,
);

const keys: Record<string, string | Buffer> = {
  'gcp/service-account.json': SERVICE_ACCOUNT,
  'gcp/one-line.json': JSON.stringify({ type: 'service_account', private_key: pem('PRIVATE KEY') }),
  'bom.pem': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(pem('PRIVATE KEY'))]),
  'crlf.pem': pem('RSA PRIVATE KEY', '\r\n'),
  'ec.pem': pem('EC PRIVATE KEY'),
  'encrypted-legacy.pem': `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,2A3B4C5D6E7F80910A1B2C3D4E5F6071\n\n${BODY.join('\n')}\n-----END RSA PRIVATE KEY-----\n`,
  'pgp.asc': `-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: a test key\n\n${BODY.join('\n')}\n-----END PGP PRIVATE KEY BLOCK-----\n`,
  'config.toml': `[tls]\nkey = """-----BEGIN PRIVATE KEY-----\n${BODY.join('\n')}\n-----END PRIVATE KEY-----"""\n`,
  'escaped-crlf.json': `{"key": "-----BEGIN OPENSSH PRIVATE KEY-----\\r\\n${BODY.join('\\r\\n')}\\r\\n-----END OPENSSH PRIVATE KEY-----"}`,
  'after-prose.md': `${'A note that runs on for a while before it pastes a key. '.repeat(20)}-----BEGIN PRIVATE KEY-----\n${BODY.join('\n')}\n`,
  'marker-alone.pem': '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n',
};

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const der = (k: typeof rsa, type: 'pkcs8' | 'pkcs1' | 'sec1') => k.privateKey.export({ format: 'der', type }) as Buffer;
const ONE_LINE = `${BODY.join('')}${BODY.join('')}`;

/** Left out before the same-line rule was added, then packed by it: left out again. */
const sameLine: Record<string, string | Buffer> = {
  'echoed.pem': `-----BEGIN PRIVATE KEY----- ${BODY.join(' ')} -----END PRIVATE KEY-----\n`,
  'echoed-rsa.pem': `-----BEGIN RSA PRIVATE KEY----- ${ONE_LINE} -----END RSA PRIVATE KEY-----`,
  'glued.pem': `-----BEGIN PRIVATE KEY-----${BODY.join('\n')}\n-----END PRIVATE KEY-----\n`,
  'tab.pem': `-----BEGIN PRIVATE KEY-----\t${BODY.join('\n')}\n-----END PRIVATE KEY-----\n`,
  'old-mac.pem': pem('PRIVATE KEY', '\r'),
  'old-mac-pgp.asc': `-----BEGIN PGP PRIVATE KEY BLOCK-----\rComment: a test key\r\r${BODY.join('\r')}\r-----END PGP PRIVATE KEY BLOCK-----\r`,
};

/** Keys found past the first 4 KiB (a file up to 64 KiB is read whole, a larger text file to its end), in DER, or PuTTY's. */
const moreKeys: Record<string, string | Buffer> = {
  'long-preamble.pem': `${'Bag Attributes and other text openssl skips before the key.\n'.repeat(100)}${pem('PRIVATE KEY')}`,
  'der/pkcs8.der': der(rsa, 'pkcs8'),
  'der/pkcs1.der': der(rsa, 'pkcs1'),
  'der/sec1.der': der(ec, 'sec1'),
  'der/ec-pkcs8.key': der(ec, 'pkcs8'),
  'der/encrypted-pkcs8.der': ec.privateKey.export({ format: 'der', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' }) as Buffer,
  // A text file over 64 KiB is read to its end for a key block.
  'docs/big-late-key.md': `${'A note longer than 64 KiB. '.repeat(2600)}\n${pem('PRIVATE KEY')}`,
  'putty-key.txt': `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: test\nPublic-Lines: 2\n${BODY.join('\n')}\n`,
};

const notKeys: Record<string, string | Buffer> = {
  'docs/prose.md': '# Keys\nA file whose first line is -----BEGIN PRIVATE KEY----- holds a private key; create leaves such files out.\n',
  'docs/inline.md': 'Look for "-----BEGIN RSA PRIVATE KEY-----" at the top of the file, then a base64 body.\n',
  'docs/line-start-prose.md': '-----BEGIN PRIVATE KEY----- blocks are what create looks for; they stay home.\n',
  'docs/truncated-example.md': 'A key looks like:\n\n    "-----BEGIN PRIVATE KEY-----\\nMIIEv...\\n-----END PRIVATE KEY-----"\n',
  'docs/next-line-prose.md': 'The marker -----BEGIN PRIVATE KEY-----\nis followed by the key body, in base64, 64 characters a line.\n',
  'public.pem': pem('PUBLIC KEY'),
  'cert.pem': pem('CERTIFICATE'),
  'docs/tab-prose.md': '-----BEGIN PRIVATE KEY-----\tis the line a key starts with.\n',
  'docs/late-prose.md': `${'A long note. '.repeat(400)}\nThe marker -----BEGIN PRIVATE KEY----- starts a key; create leaves such files out.\n`,
  'der/public.der': rsa.publicKey.export({ format: 'der', type: 'spki' }) as Buffer,
  'der/ec-public.der': ec.publicKey.export({ format: 'der', type: 'spki' }) as Buffer,
  'der/not-a-key.der': Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x00]), randomBytes(256)]),
  'zero.txt': '0123456789 starts with a zero, as an ASN.1 sequence does.\n',
  'docs/putty.md': 'A PuTTY key starts with PuTTY-User-Key-File-3: on its first line.\n',
};

describe('private key blocks found by content', () => {
  it('keys are left out wherever the block sits in the first 4 KiB; files that only mention one are packed', () => {
    const walnut = makeWalnut(join(root, 'w'), { ...keys, ...notKeys });
    const r = collectWalnut({ walnut, scope: 'full', bundles: [], allowSensitive: false });
    const packed = [...r.files].map((f) => f.path);
    const leftOut = r.skipped.filter((s) => /holds a private key/.test(s.reason)).map((s) => s.path);
    expect(leftOut.sort()).toEqual(Object.keys(keys).sort());
    for (const p of Object.keys(notKeys)) expect(packed).toContain(p);
  });

  for (const [label, set] of [
    ['a key on one line, glued to its marker, after a tab, or with old-Mac line ends', sameLine],
    ['a PEM key past the first 4 KiB (also of a text file over 64 KiB), a DER key (PKCS#8, PKCS#1, SEC1) and a PuTTY key', moreKeys],
  ] as const) {
    it(`${label}: left out with a warning; --allow-private-keys packs it`, async () => {
      const walnut = makeWalnut(join(root, `w-${Object.keys(set)[0]!.replace(/\W/g, '')}`), { ...set, ...notKeys });
      // planPackage: a file over 64 KiB is searched past its first 4 KiB as it is hashed.
      const r = (await planPackage({ walnut, scope: 'full', bundles: [], allowSensitive: false })).collected;
      const leftOut = r.skipped.filter((s) => /holds a (PuTTY )?private key/.test(s.reason)).map((s) => s.path);
      expect(leftOut.sort()).toEqual(Object.keys(set).sort());
      const packed = [...r.files].map((f) => f.path);
      for (const p of Object.keys(notKeys)) expect(packed).toContain(p);
      const allowed = (await planPackage({ walnut, scope: 'full', bundles: [], allowSensitive: false, allowPrivateKeys: true })).collected;
      expect(allowed.privateKeys.sort()).toEqual(Object.keys(set).sort());
      for (const p of Object.keys(set)) expect([...allowed.files].map((f) => f.path)).toContain(p);
    });
  }
});

describe('key stores found by name', () => {
  const named = ['certs/client.p12', 'certs/client.PFX', 'keys/server.ppk', 'android/release.jks', 'android/app.keystore', 'keys/key.pk8'];
  it('.p12, .pfx, .ppk, .jks, .keystore and .pk8 files are left out with a warning; --allow-private-keys packs them', () => {
    const walnut = makeWalnut(
      join(root, 'w-named'),
      Object.fromEntries([...named.map((n) => [n, 'opaque bytes of a key store\n']), ['certs/client.crt', 'x\n']]),
    );
    const r = collectWalnut({ walnut, scope: 'full', bundles: [], allowSensitive: false });
    const leftOut = r.skipped.filter((s) => /named like a private key store/.test(s.reason)).map((s) => s.path);
    expect(leftOut.sort()).toEqual([...named].sort());
    expect(r.skipped.find((s) => s.path === named[0])?.reason).toMatch(/pass --allow-private-keys to pack it$/);
    expect([...r.files].map((f) => f.path)).toContain('certs/client.crt');
    const allowed = collectWalnut({ walnut, scope: 'full', bundles: [], allowSensitive: false, allowPrivateKeys: true });
    expect(allowed.privateKeys.sort()).toEqual([...named].sort());
  });
});

describe('.ssh/ folders', () => {
  it('one at the walnut root is left out with a warning as one at any depth is; --allow-private-keys packs both', () => {
    const walnut = makeWalnut(join(root, 'w-ssh'), { '.ssh/config': 'Host x\n', '.ssh/known_hosts': 'x ssh-ed25519 AAAA\n', 'notes/.ssh/config': 'Host y\n' });
    const r = collectWalnut({ walnut, scope: 'full', bundles: [], allowSensitive: false });
    expect(
      r.skipped
        .filter((s) => /SSH folder/.test(s.reason))
        .map((s) => s.path)
        .sort(),
    ).toEqual(['.ssh', 'notes/.ssh']);
    expect(r.skipped.find((s) => s.path === '.ssh')?.reason).toMatch(/pass --allow-private-keys to pack it$/);
    expect([...r.files].some((f) => f.path.includes('.ssh'))).toBe(false);
    const allowed = collectWalnut({ walnut, scope: 'full', bundles: [], allowSensitive: false, allowPrivateKeys: true });
    expect(allowed.privateKeys.sort()).toEqual(['.ssh/config', '.ssh/known_hosts', 'notes/.ssh/config']);
    expect([...allowed.files].map((f) => f.path)).toEqual(expect.arrayContaining(['.ssh/config', '.ssh/known_hosts', 'notes/.ssh/config']));
  });
});

// A review of 2026-12-07 of what a package carries: GnuPG's own secret-key store (its
// private-keys-v1.d files, plaintext S-expressions since 2.1, or the older binary form), the body of
// an OpenSSH key without its BEGIN/END lines (an `SSH_KEY=` variable of a CI file), raw or in
// base64, and a .gnupg/ folder were all packed without a word.
describe('GnuPG key stores and bare OpenSSH keys', () => {
  const OPENSSH = Buffer.concat([Buffer.from('openssh-key-v1\0', 'latin1'), randomBytes(200)]);
  const files: Record<string, string | Buffer> = {
    'a/private-keys-v1.d/ABCD.key': `Created: 20261207T100000\nKey: (private-key (ecc (curve Ed25519)(flags eddsa)(q #40AB#)(d #333B#)))\n`,
    'a/protected.key': `Key: (protected-private-key (rsa (n #00C1#)(e #010001#)(protected openpgp-s2k3-ocb-aes ((sha1 #AB#)) #CD#)))\n`,
    'a/old-format.key': Buffer.concat([Buffer.from('(11:private-key(3:ecc(5:curve7:Ed25519)', 'latin1'), randomBytes(64), Buffer.from(')))')]),
    'a/old-protected.key': Buffer.concat([Buffer.from('(21:protected-private-key(3:rsa(1:n', 'latin1'), randomBytes(64), Buffer.from(')))')]),
    'ci/vars.txt': `DEPLOY=1\nSSH_KEY=${OPENSSH.toString('base64')}\n`,
    'ci/raw-key': OPENSSH,
  };
  const harmless: Record<string, string> = {
    'notes/gpg.md': 'GnuPG keeps secret keys in private-keys-v1.d as (private-key ...) S-expressions.\n',
    'notes/ssh.md': 'An OpenSSH key starts with openssh-key-v1 once decoded.\n',
  };

  it('are taken for private keys, and a .gnupg/ folder is left out as .ssh/ is; --allow-private-keys packs them', () => {
    const walnut = makeWalnut(join(root, 'w-gnupg'), { ...files, ...harmless, 'notes/.gnupg/pubring.kbx': 'x'.repeat(64) });
    const r = collectWalnut({ walnut, scope: 'full', bundles: [], allowSensitive: false });
    const leftOut = r.skipped.map((s) => s.path).sort();
    expect(leftOut).toEqual([...Object.keys(files), 'notes/.gnupg'].sort());
    expect(r.skipped.find((s) => s.path === 'notes/.gnupg')?.reason).toMatch(/GnuPG .*pass --allow-private-keys to pack it$/);
    expect([...r.files].map((f) => f.path)).toEqual(expect.arrayContaining(Object.keys(harmless)));
    const allowed = collectWalnut({ walnut, scope: 'full', bundles: [], allowSensitive: false, allowPrivateKeys: true });
    expect(allowed.privateKeys.sort()).toEqual([...Object.keys(files), 'notes/.gnupg/pubring.kbx'].sort());
  });
});

// The same review: credential files by their well-known names travelled without a word, and the
// .env files left out were named nowhere (the share skill reads `skipped` as what did not travel).
describe('credential files and shell histories', () => {
  const secrets = [
    'notes/.netrc',
    'notes/.git-credentials',
    'notes/.pgpass',
    'notes/.pypirc',
    'notes/.my.cnf',
    'notes/.aws/credentials',
    'notes/.docker/config.json',
    'notes/.kube/config',
    'notes/.config/gh/hosts.yml',
    'notes/.bash_history',
    'notes/.zsh_history',
    'notes/.env',
    'notes/.env.production',
  ];
  it('are left out at any depth and named in skipped; their neighbours travel', () => {
    const walnut = makeWalnut(join(root, 'w-creds'), {
      ...Object.fromEntries(secrets.map((p) => [p, 'token = s3cr3t\n'])),
      'notes/.aws/config': '[default]\nregion = eu-west-1\n',
      'notes/netrc.md': 'how .netrc works\n',
      'notes/.docker/daemon.json': '{}\n',
    });
    const r = collectWalnut({ walnut, scope: 'full', bundles: [], allowSensitive: false });
    const packed = [...r.files].map((f) => f.path);
    for (const p of secrets) expect(packed, p).not.toContain(p);
    expect(packed).toEqual(expect.arrayContaining(['notes/.aws/config', 'notes/netrc.md', 'notes/.docker/daemon.json']));
    const named = r.skipped.filter((s) => /credentials|secrets|history/.test(s.reason)).map((s) => s.path);
    expect(named.sort()).toEqual([...secrets].sort());
  });
});

// The same review: a hard link to a file left out travelled under its other name (notes.txt, the
// same file as .env), where a symbolic link to it was refused.
describe('a hard link to a file left out', () => {
  it('is left out too, naming the file it is', () => {
    const walnut = makeWalnut(join(root, 'w-hardlink'), {
      'notes/.env': 'OPENAI_API_KEY=sk-live-0123456789\n',
      'notes/id_ed25519': 'not really a key, but named as one\n',
      'notes/plain.md': 'travels\n',
    });
    linkSync(join(walnut, 'notes/.env'), join(walnut, 'notes/notes.txt'));
    linkSync(join(walnut, 'notes/id_ed25519'), join(walnut, 'notes/backup.txt'));
    const r = collectWalnut({ walnut, scope: 'full', bundles: [], allowSensitive: false });
    const packed = [...r.files].map((f) => f.path);
    expect(packed).not.toContain('notes/notes.txt');
    expect(packed).not.toContain('notes/backup.txt');
    expect(packed).toContain('notes/plain.md');
    expect(r.skipped.find((s) => s.path === 'notes/notes.txt')?.reason).toMatch(
      /^the same file as notes\/\.env \(a hard link\), left out: environment files hold secrets/,
    );
    expect(r.skipped.find((s) => s.path === 'notes/backup.txt')?.reason).toMatch(/^the same file as notes\/id_ed25519 \(a hard link\)/);
  });
});
