/**
 * Surreptitious forwarding: a package encrypted to bob and signed by alice says "from alice" to
 * whoever can open it. Bob can unwrap its key, wrap it again for olive (or decrypt it whole) and
 * hand it on with alice's signature intact, so olive's alive said it came from alice, verified.
 * When create encrypts to RSA keys, the signed manifest now names them (`recipients:`, the keys'
 * SHA-256 fingerprints, sorted), and a reader that finds the list checks that the key it opened the
 * package with is on it: a package opened with another key, or arriving unencrypted or with a
 * passphrase, is refused (`wrong_recipient`), nothing written. The crypto of the forwarding is done
 * with the real openssl command, as a recipient would do it by hand. Packages without the list (made
 * before, or by the references) read as before.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { wrapInRsaEnvelope } from '../support/rsa-envelope.ts';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { fingerprint, formatFingerprint, loadPrivateKey, loadPublicKey } from '../../scripts/lib/crypto/keys.ts';
import { signManifestText } from '../../scripts/lib/crypto/sign.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { makeWorld } from '../receive/helpers.ts';

type KeyPair = { privatePem: string; publicPem: string; fp: string };
let work: string;
let walnut: string;
/** alice signs; bob is who she encrypts to; olive is who bob forwards to. */
let keys: { alice: KeyPair; bob: KeyPair; olive: KeyPair };
let n = 0;
const fresh = (name: string) => join(work, `${name}-${n++}`);

function sh(cmd: string, args: string[], opts: { input?: Buffer; cwd?: string } = {}): Buffer {
  const r = spawnSync(cmd, args, { input: opts.input, cwd: opts.cwd, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

async function alive(args: string[], env: NodeJS.ProcessEnv = {}) {
  const base = { ...process.env };
  delete base.WALNUT_PASSPHRASE;
  return aliveInProcess(args, { ...base, ALIVE_HOME: join(work, 'home'), ...env });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'alive-recipients-'));
  const source = join(dirname(fileURLToPath(import.meta.url)), 'keys');
  const pair = (name: string, from: string): KeyPair => {
    mkdirSync(join(work, 'keys', name), { recursive: true, mode: 0o700 });
    const privatePem = join(work, 'keys', name, 'private.pem');
    const publicPem = join(work, 'keys', name, 'public.pem');
    copyFileSync(join(source, from, 'private.pem'), privatePem);
    chmodSync(privatePem, 0o600);
    copyFileSync(join(source, from, 'public.pem'), publicPem);
    return { privatePem, publicPem, fp: fingerprint(loadPublicKey(publicPem)) };
  };
  keys = { alice: pair('alice', 'alice'), bob: pair('bob', 'bob'), olive: pair('olive', 'ossl') };
  walnut = join(work, 'garden');
  mkdirSync(join(walnut, '_kernel'), { recursive: true });
  writeFileSync(join(walnut, '_kernel', 'key.md'), '---\ntype: venture\ngoal: garden\n---\n# garden\n');
  writeFileSync(join(walnut, '_kernel', 'log.md'), '---\nwalnut: garden\n---\n');
  writeFileSync(join(walnut, 'notes.md'), 'for bob only\n');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `create` signed by alice (no relay here: --signer names her). */
async function create(extra: string[]): Promise<string> {
  const out = `${fresh('pkg')}.walnut`;
  const r = await alive(['create', '--walnut', walnut, '--scope', 'full', '--output', out, '--sign', keys.alice.privatePem, '--signer', 'alice', ...extra]);
  expect(r.stderr).not.toMatch(/error/);
  expect(r.status).toBe(0);
  return out;
}

const OAEP = ['-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha256'];

/** What bob does by hand to a 2.0 package: unwraps payload.key with his key, wraps key ‖ IV for olive. */
function rewrap20(pkg: string, to: KeyPair): string {
  const dir = fresh('fwd20');
  mkdirSync(dir);
  sh('tar', ['-xzf', pkg, '-C', dir]);
  const keyIv = sh('openssl', ['pkeyutl', '-decrypt', '-inkey', keys.bob.privatePem, ...OAEP], { input: readFileSync(join(dir, 'payload.key')) });
  writeFileSync(join(dir, 'payload.key'), sh('openssl', ['pkeyutl', '-encrypt', '-pubin', '-inkey', to.publicPem, ...OAEP], { input: keyIv }));
  const out = `${fresh('forwarded')}.walnut`;
  sh('tar', ['-czf', out, '-C', dir, 'manifest.yaml', 'payload.key', 'payload.enc']);
  return out;
}

interface Envelope {
  payload_iv_b64: string;
  recipients: Array<{ pubkey_id: string; key_enc_b64: string }>;
}

/** Bob's AES key of a 2.1 RSA package (openssl), with its envelope and the package's files. */
function open21(pkg: string): { dir: string; env: Envelope; key: Buffer } {
  const dir = fresh('fwd21');
  mkdirSync(dir);
  sh('tar', ['-xf', pkg, '-C', dir]);
  const env = JSON.parse(readFileSync(join(dir, 'rsa-envelope-v1.json'), 'utf8')) as Envelope;
  const mine = env.recipients.find((r) => r.pubkey_id === keys.bob.fp.slice(0, 16))!;
  const key = sh('openssl', ['pkeyutl', '-decrypt', '-inkey', keys.bob.privatePem, ...OAEP], { input: Buffer.from(mine.key_enc_b64, 'base64') });
  return { dir, env, key };
}

/** The inner tar.gz of a 2.1 RSA package: what is left once bob decrypts payload.enc (a plain 2.1 package). */
function decrypt21(pkg: string): Buffer {
  const { dir, env, key } = open21(pkg);
  const iv = Buffer.from(env.payload_iv_b64, 'base64');
  return sh('openssl', ['enc', '-d', '-aes-256-cbc', '-K', key.toString('hex'), '-iv', iv.toString('hex'), '-in', join(dir, 'payload.enc')]);
}

/** Bob wraps the 2.1 package's AES key for olive, as the only recipient of a new envelope. */
function rewrap21(pkg: string, to: KeyPair): string {
  const { dir, env, key } = open21(pkg);
  const wrapped = sh('openssl', ['pkeyutl', '-encrypt', '-pubin', '-inkey', to.publicPem, ...OAEP], { input: key });
  const doc = { ...env, recipients: [{ key_enc_b64: wrapped.toString('base64'), pubkey_id: to.fp.slice(0, 16) }] };
  writeFileSync(join(dir, 'rsa-envelope-v1.json'), `${JSON.stringify(doc, null, 2)}\n`);
  const out = `${fresh('forwarded21')}.walnut`;
  sh('tar', ['-cf', out, '-C', dir, 'rsa-envelope-v1.json', 'payload.enc']);
  return out;
}

function recipientsIn(manifest: string): string[] | undefined {
  const m = /^recipients:\n((?: {2}- .*\n)+)/m.exec(manifest);
  return m
    ? m[1]!
        .trim()
        .split('\n')
        .map((l) => l.trim().slice(2).replace(/^"|"$/g, ''))
    : undefined;
}

describe('create names the keys it encrypts to in the signed manifest', () => {
  it('2.0 --encrypt rsa: the recipient key fingerprint, in the clear manifest, covered by the signature (openssl dgst)', async () => {
    const pkg = await create(['--encrypt', 'rsa', '--recipient', keys.bob.publicPem]);
    const manifest = sh('tar', ['-xzOf', pkg, 'manifest.yaml']).toString();
    expect(recipientsIn(manifest)).toEqual([keys.bob.fp]);
    // Bare hex in the 2.0 grammar, before the signature block.
    expect(manifest).toMatch(new RegExp(`\\nrecipients:\\n  - ${keys.bob.fp}\\n\\nsignature:\\n`));
    const dir = fresh('dgst');
    mkdirSync(dir);
    const canonical = `${manifest.slice(0, manifest.indexOf('\nsignature:')).replace(/\n+$/, '')}\n`;
    expect(canonical).toContain(`  - ${keys.bob.fp}\n`);
    writeFileSync(join(dir, 'data'), canonical);
    writeFileSync(join(dir, 'sig'), Buffer.from(/value: "([^"]+)"/.exec(manifest)![1]!, 'base64'));
    const r = spawnSync('openssl', ['dgst', '-sha256', '-verify', keys.alice.publicPem, '-signature', join(dir, 'sig'), join(dir, 'data')], {
      encoding: 'utf8',
    });
    expect(r.stdout.trim()).toBe('Verified OK');
    // info shows them, as it reads the clear manifest (not checked: verify and receive check them).
    // In --json as every other fingerprint is given (relay status, keygen, create's signer_fingerprint):
    // the receive skill compares them with the user's key as strings (review 2026-12-06: bare hex).
    const info = await alive(['info', pkg, '--json']);
    expect(JSON.parse(info.stdout).recipients).toEqual([formatFingerprint(keys.bob.fp)]);
    expect(formatFingerprint(keys.bob.fp)).toMatch(/^SHA256:[0-9a-f]{4}(?::[0-9a-f]{4}){15}$/);
    expect((await alive(['info', pkg])).stdout).toContain(`Sealed for: SHA256:${keys.bob.fp.slice(0, 4)}:`);
  });

  it('2.1 --encrypt rsa to two keys: both fingerprints, sorted, in the manifest inside the payload', async () => {
    const pkg = await create(['--format', '2.1', '--encrypt', 'rsa', '--recipient', keys.olive.publicPem, '--recipient', keys.bob.publicPem]);
    const inner = decrypt21(pkg);
    const manifest = sh('tar', ['-xzOf', '-', 'manifest.yaml'], { input: inner }).toString();
    expect(recipientsIn(manifest)).toEqual([keys.bob.fp, keys.olive.fp].sort());
    expect(manifest).toContain(`recipients:\n  - "${[keys.bob.fp, keys.olive.fp].sort()[0]}"\n`);
  });

  it('plain and passphrase packages name no recipient', async () => {
    const plain = await create([]);
    expect(recipientsIn(sh('tar', ['-xzOf', plain, 'manifest.yaml']).toString())).toBeUndefined();
    const locked = await (async () => {
      const out = `${fresh('pass')}.walnut`;
      // What the manifest names is the point, not the key: 1000 PBKDF2 rounds, not 600000.
      setPbkdf2IterationsForTests(1000);
      const r = await alive(['create', '--walnut', walnut, '--scope', 'full', '--output', out, '--encrypt', 'passphrase'], { WALNUT_PASSPHRASE: 'pw' }).finally(
        () => setPbkdf2IterationsForTests(undefined),
      );
      expect(r.status).toBe(0);
      return out;
    })();
    expect(recipientsIn(sh('tar', ['-xzOf', locked, 'manifest.yaml']).toString())).toBeUndefined();
  });
});

describe('a package forwarded by one of its recipients is refused by whoever it was forwarded to', () => {
  it('2.0: bob re-wraps payload.key for olive; verify with her key refuses it (wrong_recipient), bob still opens the original', async () => {
    const pkg = await create(['--encrypt', 'rsa', '--recipient', keys.bob.publicPem]);
    const forwarded = rewrap20(pkg, keys.olive);
    const mine = await alive(['verify', pkg, '--private-key', keys.bob.privatePem, '--signer-key', keys.alice.publicPem, '--json']);
    expect(JSON.parse(mine.stdout)).toMatchObject({ ok: true, signature_ok: true });

    const r = await alive(['verify', forwarded, '--private-key', keys.olive.privatePem, '--signer-key', keys.alice.publicPem, '--json']);
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ ok: false, error: { code: 'wrong_recipient' } });
    expect(j.error.message).toContain('SHA256:');
    const text = await alive(['verify', forwarded, '--private-key', keys.olive.privatePem, '--signer-key', keys.alice.publicPem]);
    expect(text.status).toBe(1);
    expect(text.stderr).toMatch(/encrypted to other keys than the one that opened it/);
    expect(text.stderr).toMatch(/forwarded/);
  });

  it('2.0: receive refuses it with wrong_recipient, saying what to do, and writes nothing', async () => {
    const pkg = await create(['--encrypt', 'rsa', '--recipient', keys.bob.publicPem]);
    const forwarded = rewrap20(pkg, keys.olive);
    // Olive pins alice's key: without the list, the log said "sender alice (verified signature)".
    const home = fresh('olive-home');
    mkdirSync(join(home, 'relay', 'keys', 'peers'), { recursive: true });
    copyFileSync(keys.alice.publicPem, join(home, 'relay', 'keys', 'peers', 'alice.pem'));
    const world = fresh('world');
    mkdirSync(join(world, '.alive'), { recursive: true });
    mkdirSync(join(world, '03_Inbox'));
    const r = await alive(['receive', forwarded, '--world', world, '--private-key', keys.olive.privatePem, '--json'], { ALIVE_HOME: home });
    expect(r.status, r.stdout).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.error.code).toBe('wrong_recipient');
    expect(j.error.message).toMatch(/nothing was written/);
    expect(j.error.message).toMatch(/ask .* to share it with you themselves/);
    expect(readdirSync(join(world, '03_Inbox'))).toEqual([]);
    expect(existsSync(join(world, '.alive', 'imports.json'))).toBe(false);
  });

  it('2.1: bob wraps the AES key for olive in a new envelope; verify with her key refuses it', async () => {
    const pkg = await create(['--format', '2.1', '--encrypt', 'rsa', '--recipient', keys.bob.publicPem]);
    const forwarded = rewrap21(pkg, keys.olive);
    const r = await alive(['verify', forwarded, '--private-key', keys.olive.privatePem, '--signer-key', keys.alice.publicPem, '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'wrong_recipient' } });
    const mine = await alive(['verify', pkg, '--private-key', keys.bob.privatePem, '--signer-key', keys.alice.publicPem, '--json']);
    expect(JSON.parse(mine.stdout)).toMatchObject({ ok: true, signature_ok: true });
  });

  it('2.1: bob decrypts it and hands on the inner package, plain: refused, it was opened with no key', async () => {
    const pkg = await create(['--format', '2.1', '--encrypt', 'rsa', '--recipient', keys.bob.publicPem]);
    const plain = `${fresh('decrypted')}.walnut`;
    writeFileSync(plain, decrypt21(pkg));
    const r = await alive(['verify', plain, '--signer-key', keys.alice.publicPem, '--json']);
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ ok: false, error: { code: 'wrong_recipient' } });
    expect(j.error.message).toMatch(/arrives unencrypted/);
  });

  it('a package without the list (made before it, or by a reference) opens as before', async () => {
    const pkg = await create(['--encrypt', 'rsa', '--recipient', keys.bob.publicPem]);
    // The same package as an older alive made it: no recipients block, signed again by alice.
    const dir = fresh('old');
    mkdirSync(dir);
    sh('tar', ['-xzf', pkg, '-C', dir]);
    const manifest = readFileSync(join(dir, 'manifest.yaml'), 'utf8');
    const body = `${manifest.slice(0, manifest.indexOf('\n\nrecipients:'))}\n`;
    expect(body).not.toContain('recipients');
    writeFileSync(join(dir, 'manifest.yaml'), signManifestText(body, loadPrivateKey(keys.alice.privatePem), 'alice'));
    const old = `${fresh('old')}.walnut`;
    sh('tar', ['-czf', old, '-C', dir, 'manifest.yaml', 'payload.key', 'payload.enc']);
    const forwarded = rewrap20(old, keys.olive);
    // Nothing to check it against: it cannot be told from a package sent to olive (docs/crypto.md
    // says so), and the envelope is said to be outside the signature, as a 2.1 one without the
    // list is (it said envelope_signed: true, and receive's log "for this user").
    const r = await alive(['verify', forwarded, '--private-key', keys.olive.privatePem, '--signer-key', keys.alice.publicPem, '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, signature_ok: true, envelope_signed: false });
    // The same package as it was sent, and alive's own with the list: neither vouched for nor not.
    const sent = await alive(['verify', old, '--private-key', keys.bob.privatePem, '--signer-key', keys.alice.publicPem, '--json']);
    expect(JSON.parse(sent.stdout)).toMatchObject({ ok: true, envelope_signed: false });
    const own = await alive(['verify', pkg, '--private-key', keys.bob.privatePem, '--signer-key', keys.alice.publicPem, '--json']);
    expect(JSON.parse(own.stdout)).toMatchObject({ ok: true, envelope_signed: true });
  });

  it('a list that is not fingerprints is a bad manifest', async () => {
    const plain = await create([]);
    const dir = fresh('badlist');
    mkdirSync(dir);
    sh('tar', ['-xzf', plain, '-C', dir]);
    const manifest = readFileSync(join(dir, 'manifest.yaml'), 'utf8');
    const cut = manifest.indexOf('\n\nsignature:');
    writeFileSync(join(dir, 'manifest.yaml'), `${manifest.slice(0, cut)}\n\nrecipients:\n  - alice\n`);
    const names = sh('tar', ['-tzf', plain]).toString().trim().split('\n');
    const bad = `${fresh('badlist')}.walnut`;
    sh('tar', ['-czf', bad, '-C', dir, ...names]);
    const r = await alive(['verify', bad, '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'bad_manifest' } });
  });
});

/**
 * Anyone can put a signed plain package into a 2.0 RSA envelope: alice's files under her signed
 * manifest (which says it is not encrypted), gzip'd, encrypted with a key only bob's public key
 * wraps, beside her manifest. The reader took the envelope because payload.enc was there: verify
 * said "Encrypted: rsa … Signed: valid, by alice" and receive logged "Encryption: RSA (for this
 * user)", what alice never signed; info said "Encrypted: no" of the same file. The encrypted layout
 * is read only under a 2.0 manifest that says `encrypted: true` (review of 2026-12-07, finding 1).
 */
describe('a signed plain package put in an RSA envelope by someone else', () => {
  for (const format of ['2.0', '2.1'] as const) {
    it(`${format}: verify refuses it (the signed manifest says it is not encrypted), and extract writes nothing`, async () => {
      const plain = await create(format === '2.1' ? ['--format', '2.1'] : []);
      const dir = fresh('wrap');
      mkdirSync(join(dir, 'inner'), { recursive: true });
      sh('tar', ['-xzf', plain, '-C', join(dir, 'inner')]);
      const manifest = readFileSync(join(dir, 'inner', 'manifest.yaml'));
      rmSync(join(dir, 'inner', 'manifest.yaml'));
      const inner = sh('tar', ['-czf', '-', '-C', join(dir, 'inner'), '.']);
      const key = sh('openssl', ['rand', '-hex', '32']).toString().trim();
      const iv = sh('openssl', ['rand', '-hex', '16']).toString().trim();
      mkdirSync(join(dir, 'outer'));
      writeFileSync(join(dir, 'outer', 'manifest.yaml'), manifest);
      writeFileSync(join(dir, 'outer', 'payload.enc'), sh('openssl', ['enc', '-aes-256-cbc', '-K', key, '-iv', iv], { input: inner }));
      writeFileSync(
        join(dir, 'outer', 'payload.key'),
        sh('openssl', ['pkeyutl', '-encrypt', '-pubin', '-inkey', keys.bob.publicPem, ...OAEP], { input: Buffer.from(key + iv, 'hex') }),
      );
      const wrapped = `${fresh('wrapped')}.walnut`;
      sh('tar', ['-czf', wrapped, '-C', join(dir, 'outer'), 'manifest.yaml', 'payload.key', 'payload.enc']);
      const r = await alive(['verify', wrapped, '--private-key', keys.bob.privatePem, '--signer-key', keys.alice.publicPem, '--json']);
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'unlisted_file' } });
      expect(JSON.parse(r.stdout).error.message).toMatch(/payload\.enc.*its manifest does not say the package is encrypted/);
      const out = fresh('out');
      const x = await alive(['extract', wrapped, '--output', out, '--private-key', keys.bob.privatePem]);
      expect(x.status, x.stderr).toBe(1);
      expect(x.stderr).toMatch(/its manifest does not say the package is encrypted/);
      expect(existsSync(out)).toBe(false);
    });
  }
});

/**
 * The 2.1 envelopes are outside the signed manifest, whose `encryption` always says "none" (the
 * references write it so): a signed plain 2.1 package wrapped in an rsa-envelope-v1.json for bob,
 * or in a passphrase envelope, by anyone, read as "Encrypted … Signed: valid, by alice", what alice
 * never signed (a review of 2026-12-07 after the 2.0 fix). It is read (the references' sealed
 * packages name no recipients either), and the envelope is said to be outside the signature,
 * unless the signed manifest names the key that opened it (alive's own RSA packages do).
 */
describe('a signed plain 2.1 package in a 2.1 envelope someone else made', () => {
  it('verify says the envelope is not covered by the signature (text and --json); alive’s own RSA package names its recipients and is', async () => {
    const plain = await create(['--format', '2.1']);
    const out = `${fresh('wrapped21')}.walnut`;
    wrapInRsaEnvelope(readFileSync(plain), keys.bob.publicPem, keys.bob.fp, out);
    const args = ['verify', out, '--private-key', keys.bob.privatePem, '--signer-key', keys.alice.publicPem];
    const text = await alive(args);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Encrypted: v3-rsa, by whoever made the envelope \(the signature does not cover it\)/);
    expect(JSON.parse((await alive([...args, '--json'])).stdout)).toMatchObject({ ok: true, encrypted: true, envelope_signed: false });
    // receive's log entry says so too (alice's key is not pinned here: her name is not shown as verified).
    const world = makeWorld(fresh('world21'), { layout: 'v2' });
    const dry = await alive(['receive', out, '--world', world, '--private-key', keys.bob.privatePem, '--allow-unverified', '--dry-run', '--json']);
    expect(JSON.parse(dry.stdout)).toMatchObject({ ok: true, envelope: 'v3-rsa', envelope_signed: false });
    const received = await alive(['receive', out, '--world', world, '--private-key', keys.bob.privatePem, '--allow-unverified']);
    expect(received.status, received.stderr).toBe(0);
    expect(received.stdout).toContain('encrypted for you by whoever made its envelope (the signature does not cover it)');
    expect(readFileSync(join(world, '03_Inbox', 'garden', '_kernel', 'log.md'), 'utf8')).toContain(
      '- Encryption: RSA (for this user; the signature does not cover who encrypted it)',
    );
    // alive's own: the signed manifest names bob's key, which opened it.
    const own = await create(['--format', '2.1', '--encrypt', 'rsa', '--recipient', keys.bob.publicPem]);
    const ownText = await alive(['verify', own, '--private-key', keys.bob.privatePem, '--signer-key', keys.alice.publicPem]);
    expect(ownText.stdout).toMatch(/Encrypted: v3-rsa {3}Signed/);
    expect(
      JSON.parse((await alive(['verify', own, '--private-key', keys.bob.privatePem, '--signer-key', keys.alice.publicPem, '--json'])).stdout),
    ).toMatchObject({
      envelope_signed: true,
    });
  });
});
