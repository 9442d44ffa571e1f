/**
 * Which files collect takes for private keys by what they hold (README "Private keys stay home"):
 * a key block anywhere in the first 4 KiB, also inside JSON (a service-account file) or behind a
 * byte-order mark; not a file that only talks about such blocks.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectWalnut } from '../../scripts/lib/package/collect.ts';
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

const notKeys: Record<string, string | Buffer> = {
  'docs/prose.md': '# Keys\nA file whose first line is -----BEGIN PRIVATE KEY----- holds a private key; create leaves such files out.\n',
  'docs/inline.md': 'Look for "-----BEGIN RSA PRIVATE KEY-----" at the top of the file, then a base64 body.\n',
  'docs/line-start-prose.md': '-----BEGIN PRIVATE KEY----- blocks are what create looks for; they stay home.\n',
  'docs/truncated-example.md': 'A key looks like:\n\n    "-----BEGIN PRIVATE KEY-----\\nMIIEv...\\n-----END PRIVATE KEY-----"\n',
  'docs/next-line-prose.md': 'The marker -----BEGIN PRIVATE KEY-----\nis followed by the key body, in base64, 64 characters a line.\n',
  'public.pem': pem('PUBLIC KEY'),
  'cert.pem': pem('CERTIFICATE'),
};

describe('private key blocks found by content', () => {
  it('keys are left out wherever the block sits in the first 4 KiB; files that only mention one are packed', () => {
    const walnut = makeWalnut(join(root, 'w'), { ...keys, ...notKeys });
    const r = collectWalnut({ walnut, scope: 'full', bundles: [], allowSensitive: false });
    const packed = r.files.map((f) => f.path);
    const leftOut = r.skipped.filter((s) => /holds a private key/.test(s.reason)).map((s) => s.path);
    expect(leftOut.sort()).toEqual(Object.keys(keys).sort());
    for (const p of Object.keys(notKeys)) expect(packed).toContain(p);
  });
});
