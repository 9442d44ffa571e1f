/**
 * The package commands run in-process through the factory (runCaptured): signer names (issue 11),
 * --json failures as one object with the verify fields, --version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { relabelSigner } from '../support/relabel-signer.ts';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { verifyCommand } from '../../scripts/lib/package/commands/verify.ts';
import { infoCommand } from '../../scripts/lib/package/commands/info.ts';
import { extractCommand } from '../../scripts/lib/package/commands/extract.ts';
import { testKeyPair } from '../support/test-keys.ts';
import { freshHomeEachTest, makeWalnut, rmrf, tempRoot } from './helpers.ts';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { createPublicKey } from 'node:crypto';
import { fingerprint, formatFingerprint } from '../../scripts/lib/crypto/keys.ts';

let root: string;
let walnut: string;
let keyDir: string;

beforeAll(() => {
  root = tempRoot('commands');
  walnut = makeWalnut(join(root, 'nova'), { 'notes/a.md': 'a\n' });
  keyDir = join(root, 'keys');
  // A fixed key: these tests sign, they do not test key generation (test/crypto/keygen-command.test.ts does).
  mkdirSync(keyDir, { mode: 0o700 });
  writeFileSync(join(keyDir, 'private.pem'), testKeyPair(7).privateKeyPem, { mode: 0o600 });
});
afterAll(() => rmrf(root));
// A fresh ALIVE_HOME without a relay for each test.
const home = freshHomeEachTest(() => root);

/** A relay set up as `login`, whose key pair (the one peers pinned) is test key `keyN`; null: no key files. */
function withRelayLogin(login: string, keyN: number | null = 7): string {
  const relay = join(process.env.ALIVE_HOME!, 'relay');
  mkdirSync(join(relay, 'keys'), { recursive: true });
  writeFileSync(join(relay, 'relay.json'), JSON.stringify({ version: 1, transport: 'git', github_username: login, peers: [] }));
  if (keyN !== null) writeFileSync(join(relay, 'keys', 'public.pem'), testKeyPair(keyN).publicKeyPem);
  return join(relay, 'keys', 'public.pem');
}

const fingerprintOf = (n: number) => formatFingerprint(fingerprint(createPublicKey(testKeyPair(n).publicKeyPem)));

const out = () => join(root, `p-${home.n}-${Math.random().toString(16).slice(2)}.walnut`);
const manifestOf = (pkg: string) => execFileSync('tar', ['-xzOf', pkg, 'manifest.yaml']).toString();

/** A full package of the test walnut signed with the test key under the signer name `name`. */
async function signedAs(name: string): Promise<string> {
  const signed = out();
  const made = await runCaptured(createCommand, [
    '--walnut',
    walnut,
    '--scope',
    'full',
    '--output',
    signed,
    '--sign',
    join(keyDir, 'private.pem'),
    '--signer',
    name,
  ]);
  expect(made.code, made.stderr).toBe(0);
  return signed;
}

describe('signer names (issue 11)', () => {
  it('a signer name that is not a login (the signer line is outside the signed text) is untrusted data in info and verify, never a key path', async () => {
    const signed = await signedAs('alice');
    const claimed = '../../../../tmp/x/keys/public';
    const relabelled = out();
    relabelSigner(signed, relabelled, claimed);
    const pub = join(root, 'signer-public.pem');
    writeFileSync(pub, testKeyPair(7).publicKeyPem);
    for (const [command, args] of [
      [infoCommand, [relabelled]],
      [verifyCommand, [relabelled, '--signer-key', pub]],
    ] as const) {
      const json = await runCaptured(command, [...args, '--json']);
      expect(json.code, json.stderr).toBe(0);
      const j = JSON.parse(json.stdout);
      expect(j).toMatchObject({ untrusted: { signer: claimed } });
      // verify names a checked login in `signer`; info names the pinned key to check with instead.
      if (command === infoCommand) expect(j).toMatchObject({ signer_key: null });
      else expect(j).toMatchObject({ signer: null });
      const human = await runCaptured(command, [...args]);
      expect(human.stdout).toMatch(command === infoCommand ? /by a name that is not a login/ : /vouches for it: a name that is not a login/);
    }
    const plain = await runCaptured(infoCommand, [signed, '--json']);
    expect(JSON.parse(plain.stdout)).toMatchObject({ signer_key: null, untrusted: { signer: 'alice' } });
  });

  it('verify --signer-key names the key that verified; a signer label whose pinned key is another key is untrusted data, never "valid, by <label>"', async () => {
    // bob signs (key 7) and anyone relabels the package as alice's: the signer line is outside the
    // signed text, so bob's key still verifies it. alice's pinned key is key 8.
    const signed = await signedAs('bob');
    const relabelled = out();
    relabelSigner(signed, relabelled, 'alice');
    const peers = join(process.env.ALIVE_HOME!, 'relay', 'keys', 'peers');
    mkdirSync(peers, { recursive: true });
    writeFileSync(join(peers, 'alice.pem'), testKeyPair(8).publicKeyPem);
    const bobKey = join(root, `bob-${home.n}.pem`);
    writeFileSync(bobKey, testKeyPair(7).publicKeyPem);

    const json = await runCaptured(verifyCommand, [relabelled, '--signer-key', bobKey, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ signature_ok: true, signer: null, untrusted: { signer: 'alice' }, signer_fingerprint: fingerprintOf(7) });
    const human = await runCaptured(verifyCommand, [relabelled, '--signer-key', bobKey]);
    expect(human.stdout).not.toMatch(/valid, by alice/);
    expect(human.stdout).toContain(fingerprintOf(7));
    // The name is not verified (alice's pinned key is another): only in the fence after the line.
    expect(human.stdout).toMatch(
      /pins another key \(SHA256:[^)]*\) for the signer the package names \(the signer it names, in the untrusted detail that follows\)/,
    );
    expect(human.stdout).toMatch(/^<<<BEGIN UNTRUSTED SIGNER [0-9a-f]{12}\nalice\nEND UNTRUSTED SIGNER/m);

    rmrf(join(peers, 'alice.pem'));

    // With no key pinned for the label, --signer-key verifies the key, not the name: still data only.
    for (const pkg of [signed, relabelled]) {
      const label = pkg === signed ? 'bob' : 'alice';
      const ok = await runCaptured(verifyCommand, [pkg, '--signer-key', bobKey, '--json']);
      expect(JSON.parse(ok.stdout)).toMatchObject({ signature_ok: true, signer: null, untrusted: { signer: label }, signer_fingerprint: fingerprintOf(7) });
      const text = await runCaptured(verifyCommand, [pkg, '--signer-key', bobKey]);
      expect(text.stdout).toContain(`valid for the key ${fingerprintOf(7)} (--signer-key)`);
      expect(text.stdout).not.toMatch(/valid, by/);
    }
    // The label whose pinned key is the one given stays the signer, with the key named.
    writeFileSync(join(peers, 'bob.pem'), testKeyPair(7).publicKeyPem);
    const ok = await runCaptured(verifyCommand, [signed, '--signer-key', bobKey, '--json']);
    expect(JSON.parse(ok.stdout)).toMatchObject({ signer: 'bob', signer_fingerprint: fingerprintOf(7) });
    expect(JSON.parse(ok.stdout).untrusted).toBeUndefined();
    const text = await runCaptured(verifyCommand, [signed, '--signer-key', bobKey]);
    expect(text.stdout).toContain(`valid, by bob, with the key ${fingerprintOf(7)}, the one pinned for them`);
  });

  it('refuses to sign with no relay and no --signer, saying how to set a name, and writes nothing', async () => {
    const pkg = out();
    const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', pkg, '--sign', join(keyDir, 'private.pem'), '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ ok: false, error: { code: 'bad_signer' } });
    expect(r.stderr).toMatch(/^error: no name to sign as: .*relay setup.*--signer NAME/);
    expect(existsSync(pkg)).toBe(false);
    expect(readdirSync(root).filter((f) => f.includes('.tmp') || f.startsWith('.'))).toEqual([]);
  });

  it('signs as --signer NAME when no relay is set up', async () => {
    const pkg = out();
    const r = await runCaptured(createCommand, [
      '--walnut',
      walnut,
      '--scope',
      'full',
      '--output',
      pkg,
      '--sign',
      join(keyDir, 'private.pem'),
      '--signer',
      'carol.b',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Signed: yes, as carol\.b/);
    expect(manifestOf(pkg)).toMatch(/\n {2}signer: "carol\.b"\n/);
  });

  it('signs as the relay login, and --signer must agree with it', async () => {
    withRelayLogin('alice');
    const pkg = out();
    const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', pkg, '--sign', join(keyDir, 'private.pem'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, signed: true, signer: 'alice' });
    expect(manifestOf(pkg)).toMatch(/\n {2}signer: "alice"\n/);
    const other = await runCaptured(createCommand, [
      '--walnut',
      walnut,
      '--scope',
      'full',
      '--output',
      out(),
      '--sign',
      join(keyDir, 'private.pem'),
      '--signer',
      'mallory',
    ]);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/--signer mallory differs from your relay login alice/);
  });

  for (const bad of ['-rf', 'a b', 'x'.repeat(65), '../up', 'bob\u001b[31m', '']) {
    it(`refuses the signer name ${JSON.stringify(bad)} (validated like a login)`, async () => {
      const pkg = out();
      const r = await runCaptured(createCommand, [
        '--walnut',
        walnut,
        '--scope',
        'full',
        '--output',
        pkg,
        '--sign',
        join(keyDir, 'private.pem'),
        `--signer=${bad}`,
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/signer/);
      expect(r.stderr).not.toContain('\u001b');
      expect(existsSync(pkg)).toBe(false);
    });
  }

  it('refuses to sign as the relay login with a key that is not the relay key pair (wrong_key), naming both keys, and writes nothing', async () => {
    const relayKey = withRelayLogin('alice', 8);
    const pkg = out();
    const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', pkg, '--sign', join(keyDir, 'private.pem'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'wrong_key' } });
    const line = r.stderr.split('\n')[0]!;
    expect(line).toContain(`error: ${join(keyDir, 'private.pem')} is not your relay key`);
    expect(line).toContain(fingerprintOf(7));
    expect(line).toContain(fingerprintOf(8));
    expect(line).toContain(relayKey);
    expect(line).toContain(join(process.env.ALIVE_HOME!, 'relay', 'keys', 'private.pem'));
    expect(existsSync(pkg)).toBe(false);
  });

  it('refuses to sign as the relay login when the relay key pair is missing (no_key)', async () => {
    withRelayLogin('alice', null);
    const pkg = out();
    const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', pkg, '--sign', join(keyDir, 'private.pem'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'no_key' } });
    expect(r.stderr).toMatch(/relay setup/);
    expect(existsSync(pkg)).toBe(false);
  });

  it('says which key signed, by fingerprint, in the text and in --json', async () => {
    const text = await runCaptured(createCommand, [
      '--walnut',
      walnut,
      '--scope',
      'full',
      '--output',
      out(),
      '--sign',
      join(keyDir, 'private.pem'),
      '--signer',
      'carol',
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Signed: yes, as carol, with the key ${fingerprintOf(7)}`);
    withRelayLogin('alice', 7);
    const json = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', out(), '--sign', join(keyDir, 'private.pem'), '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ signed: true, signer: 'alice', signer_fingerprint: fingerprintOf(7) });
  });

  it('an empty --sign is a usage error, never an unsigned package', async () => {
    const pkg = out();
    const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', pkg, '--sign', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --sign needs the path of your private key/);
    expect(existsSync(pkg)).toBe(false);
  });

  it('signer refusals exit 2 exactly when their code is usage (README: the one code that exits 2)', async () => {
    const sign = ['--sign', join(keyDir, 'private.pem')];
    const cases: Array<[string[], string, () => void]> = [
      [[...sign, '--signer', 'a b'], 'usage', () => {}],
      [[...sign, '--signer', 'x'.repeat(65)], 'usage', () => {}],
      [[...sign], 'bad_signer', () => {}],
      [[...sign, '--signer', 'mallory'], 'bad_signer', () => withRelayLogin('alice')],
      [['--sign', join(keyDir, 'missing.pem'), '--signer', 'carol'], 'key_not_found', () => {}],
      [['--signer', 'carol'], 'usage', () => {}],
    ];
    for (const [args, code, setUp] of cases) {
      setUp();
      const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', out(), ...args, '--json']);
      expect(JSON.parse(r.stdout).error.code, args.join(' ')).toBe(code);
      expect(r.code, args.join(' ')).toBe(code === 'usage' ? 2 : 1);
    }
  });

  it('--signer without --sign is a usage error', async () => {
    const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', out(), '--signer', 'carol']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--signer goes with --sign/);
  });
});

describe('create: key files that are missing or not files', () => {
  it('--sign: the message names the file and the flag, and says which key to give', async () => {
    const missing = join(root, 'no-such-private.pem');
    const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', out(), '--sign', missing, '--signer', 'carol', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('key_not_found');
    expect(r.stderr).toContain(`error: the --sign key file ${missing} does not exist; give the path of your private key`);
    expect(r.stderr).toContain(join(process.env.ALIVE_HOME!, 'relay', 'keys', 'private.pem'));
    expect(r.stderr).toMatch(/alive-p2p keygen --out/);
  });

  it('--sign with the key folder: the file inside it is suggested', async () => {
    const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', out(), '--sign', keyDir, '--signer', 'carol']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: the --sign key ${keyDir} is a folder; give the key file, e.g. --sign ${join(keyDir, 'private.pem')}`);
  });

  it('--recipient: the message names the file and the flag, and says which key to give', async () => {
    const missing = join(root, 'no-such-bob.pem');
    const r = await runCaptured(createCommand, [
      '--walnut',
      walnut,
      '--scope',
      'full',
      '--output',
      out(),
      '--encrypt',
      'rsa',
      '--recipient',
      missing,
      '--json',
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('key_not_found');
    expect(r.stderr).toContain(`error: the --recipient key file ${missing} does not exist; give the path of the recipient's public key`);
  });
});

describe("create: the walnut's names reach a terminal escaped", () => {
  // Bundle folder names are the walnut's text (a walnut may have come from a peer): a bidi override
  // and a C1 CSI (U+009B) in one, an ESC in another, each held back as sensitive.
  const evil = 'ev\u202eil\u009b31m';
  const red = 'ok\u001b[31mred';
  const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  let held: string;
  beforeAll(() => {
    held = makeWalnut(join(root, 'held'), {
      [`bundles/${evil}/context.manifest.yaml`]: 'sensitivity: restricted\n',
      [`bundles/${evil}/a.md`]: 'a\n',
      [`bundles/${red}/context.manifest.yaml`]: 'pii: true\n',
    });
  });

  it('--json: held_back carries the names as \\u escapes, nothing raw, the same values once parsed', async () => {
    const r = await runCaptured(createCommand, ['--walnut', held, '--scope', 'full', '--output', out(), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(UNSAFE);
    expect(r.stdout).toContain('\\u202e');
    expect(JSON.parse(r.stdout).held_back.sort()).toEqual([evil, red].sort());
    expect(r.stderr).not.toMatch(UNSAFE);
  });

  it('the text output shows the package path escaped', async () => {
    const dir = join(root, 'out\u001b[2J');
    mkdirSync(dir, { recursive: true });
    const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', join(dir, 'p.walnut')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(UNSAFE);
    expect(r.stdout).toContain('out\\x1b[2J');
  });
});

describe('create --json and info --json agree', () => {
  const recipient = () => {
    const pem = join(root, 'recipient.pem');
    writeFileSync(pem, testKeyPair(9).publicKeyPem);
    return pem;
  };
  for (const [label, args, format] of [
    ['plain', [], '2.0'],
    ['passphrase', ['--encrypt', 'passphrase'], '2.0'],
    ['rsa', ['--encrypt', 'rsa', '--recipient', 'RECIPIENT'], '2.0'],
    ['plain 2.1', ['--format', '2.1'], '2.1'],
    ['passphrase 2.1', ['--format', '2.1', '--encrypt', 'passphrase'], '2.1'],
    ['rsa 2.1', ['--format', '2.1', '--encrypt', 'rsa', '--recipient', 'RECIPIENT'], '2.1'],
  ] as const) {
    it(`${label}: encrypted (a boolean) and envelope are the same in both`, async () => {
      home.set({ WALNUT_PASSPHRASE: 'same phrase', ALIVE_HOME: join(root, 'agree-home') });
      setPbkdf2IterationsForTests(1000);
      try {
        const pkg = out();
        const made = await runCaptured(createCommand, [
          '--walnut',
          walnut,
          '--scope',
          'full',
          '--output',
          pkg,
          '--format',
          format,
          ...args.map((a) => (a === 'RECIPIENT' ? recipient() : a)),
          '--json',
        ]);
        expect(made.code, made.stderr).toBe(0);
        const created = JSON.parse(made.stdout);
        const info = JSON.parse((await runCaptured(infoCommand, [pkg, '--json'])).stdout);
        expect(typeof created.encrypted).toBe('boolean');
        expect({ encrypted: created.encrypted, envelope: created.envelope }).toEqual({ encrypted: info.encrypted, envelope: info.envelope });
      } finally {
        setPbkdf2IterationsForTests(undefined);
      }
    });
  }
});

describe('the commands through the factory', () => {
  it('verify --json of a damaged package: one object with ok false, the verify fields and error {code, message}', async () => {
    const bad = join(root, 'damaged.walnut');
    writeFileSync(bad, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]));
    const r = await runCaptured(verifyCommand, [bad, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ ok: false, format_version: null, scope: null, files: null, signed: null, signature_ok: null });
    expect(j.problems).toHaveLength(1);
    expect(j.error).toEqual({ code: 'bad_archive', message: j.problems[0] });
    expect(r.stderr).toBe(`error: ${j.problems[0]}\n`);
  });

  it('info, verify and extract of a good package', async () => {
    const pkg = out();
    expect((await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', pkg])).code).toBe(0);
    const info = JSON.parse((await runCaptured(infoCommand, [pkg, '--json'])).stdout);
    expect(info).toMatchObject({ ok: true, untrusted: { walnut: 'nova' }, files: 2 });
    const v = JSON.parse((await runCaptured(verifyCommand, [pkg, '--json'])).stdout);
    expect(v).toMatchObject({ ok: true, files: 2, problems: [] });
    const dest = join(root, `x-${home.n}`);
    const x = await runCaptured(extractCommand, [pkg, '--output', dest, '--json']);
    expect(JSON.parse(x.stdout)).toMatchObject({ ok: true, output: dest });
    expect(existsSync(join(dest, 'notes', 'a.md'))).toBe(true);
  });

  it('verify --json carries what its text shows (path, bytes, envelope), named and valued as info names them', async () => {
    const pkg = out();
    expect((await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', pkg])).code).toBe(0);
    const info = JSON.parse((await runCaptured(infoCommand, [pkg, '--json'])).stdout);
    const text = (await runCaptured(verifyCommand, [pkg])).stdout;
    expect(text).toContain(`${info.bytes} B`);
    const v = JSON.parse((await runCaptured(verifyCommand, [pkg, '--json'])).stdout);
    expect(v).toMatchObject({ ok: true, path: info.path, bytes: info.bytes, envelope: info.envelope, encrypted: false });
  });

  it('--version names the command', async () => {
    for (const [cmd, name] of [
      [createCommand, 'create'],
      [verifyCommand, 'verify'],
    ] as const) {
      const r = await runCaptured(cmd, ['--version']);
      expect(r.stdout).toMatch(new RegExp(`^${name} \\(alive\\) `));
    }
  });

  it('a passphrase package without WALNUT_PASSPHRASE off a terminal: the same clear error as before', async () => {
    const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', out(), '--encrypt', 'passphrase', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('no_passphrase');
    expect(r.stderr).toMatch(/set the WALNUT_PASSPHRASE environment variable/);
  });
});

describe('names a receiver would refuse', () => {
  it('create refuses a file name with a control character, C1 control or bidi mark (unpackable_name), naming it escaped, and writes nothing', async () => {
    for (const name of ['a\u001bb.md', 'a\u009b2Jb.md', '\u202egnp.exe', 'a\u2066b\u2069.md']) {
      const dir = makeWalnut(join(root, `odd-${home.n}-${name.codePointAt(1)}`), { 'notes/a.md': 'a\n', [`notes/${name}`]: 'x\n' });
      const pkg = out();
      const r = await runCaptured(createCommand, ['--walnut', dir, '--scope', 'full', '--output', pkg, '--json']);
      expect(r.code, JSON.stringify(name)).toBe(1);
      const j = JSON.parse(r.stdout);
      expect(j.error.code, JSON.stringify(name)).toBe('unpackable_name');
      expect(j.error.message).toContain('rename it or add it to .walnutignore');
      expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(existsSync(pkg)).toBe(false);
    }
  });
});
