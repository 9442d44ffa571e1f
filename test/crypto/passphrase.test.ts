import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AliveError } from '../../scripts/lib/errors.ts';
import {
  createPassphraseDecryptStream,
  createPassphraseEncryptStream,
  createPassphraseEncryptStreamWithSalt,
  passphraseFromEnv,
} from '../../scripts/lib/crypto/passphrase.ts';
import { evpBytesToKey, pbkdf2Iterations, pbkdf2Sha256KeyIv, PBKDF2_ITERATIONS, setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { bundleDir } from '../support/bundles.ts';
import { childModules } from '../support/child-modules.ts';
import { openssl, opensslOk, seededBytes, through } from './helpers.ts';

// Distinctive, non-ASCII, with shell metacharacters: it must survive env passing and never leak.
const PASS = 'corr3ct-Hörse $(battery) "staple" 🔑';
const WRONG = 'not the passphrase';
const FIXED_SALT = Buffer.from('a1b2c3d4e5f60718', 'hex');

// The stream logic is tested with 1000 PBKDF2 rounds (a test-only knob, kdf.ts), and openssl is
// asked for the same; the format's 600000 is proved once, in 'the product derives with 600000'.
const TEST_ITERATIONS = 1000;
const bundledForChild = childModules();
beforeAll(() => setPbkdf2IterationsForTests(TEST_ITERATIONS));
afterAll(() => setPbkdf2IterationsForTests(undefined));
const encArgs = (iterations: number) => ['enc', '-aes-256-cbc', '-pbkdf2', '-iter', String(iterations), '-md', 'sha256', '-pass', 'env:WALNUT_PASSPHRASE'];
const ENC_ARGS = encArgs(TEST_ITERATIONS);
const opensslEncrypt = (data: Buffer, extra: string[] = []) => opensslOk([...ENC_ARGS, '-salt', ...extra], { input: data, passphrase: PASS });
const opensslDecrypt = (data: Buffer) => openssl([...ENC_ARGS, '-d'], { input: data, passphrase: PASS });

async function encrypt(data: Buffer, chunk?: number): Promise<Buffer> {
  return through(await createPassphraseEncryptStream(PASS), data, chunk);
}
async function encryptFixedSalt(data: Buffer, pass = PASS): Promise<Buffer> {
  return through(await createPassphraseEncryptStreamWithSalt(pass, FIXED_SALT), data);
}
const decrypt = (data: Buffer, opts: { pass?: string; chunk?: number; legacyKdfs?: boolean } = {}) =>
  through(createPassphraseDecryptStream(opts.pass ?? PASS, opts.legacyKdfs === undefined ? {} : { legacyKdfs: opts.legacyKdfs }), data, opts.chunk);

/** Runs `p`, expects an AliveError with `code`, and checks the passphrase is nowhere in it. */
async function rejectsWith(p: Promise<unknown>, code: string): Promise<AliveError> {
  const err = await p.then(
    () => {
      throw new Error(`expected an AliveError ${code}, but it succeeded`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AliveError);
  const e = err as AliveError;
  expect(e.code).toBe(code);
  for (const secret of [PASS, WRONG]) {
    expect(e.message).not.toContain(secret);
    expect(String(e.stack)).not.toContain(secret);
    expect(JSON.stringify(e)).not.toContain(secret);
  }
  return e;
}

const SIZES = [0, 1, 15, 16, 17, 3 * 1024 * 1024 + 5];

describe('passphrase streams: round trips', () => {
  for (const size of SIZES) {
    it(`encrypts and decrypts ${size} bytes back to the same bytes`, async () => {
      const data = seededBytes(size, size + 1);
      const enc = await encrypt(data);
      expect(enc.subarray(0, 8).toString('latin1')).toBe('Salted__');
      expect(enc.length).toBe(16 + (Math.floor(size / 16) + 1) * 16);
      expect((await decrypt(enc)).equals(data)).toBe(true);
    });
  }

  it('handles a header and blocks split across tiny writes (1 and 7 bytes)', async () => {
    const data = seededBytes(1000, 3);
    const enc = await encrypt(data, 1);
    expect((await decrypt(enc, { chunk: 1 })).equals(data)).toBe(true);
    expect((await decrypt(enc, { chunk: 7 })).equals(data)).toBe(true);
    expect(await decrypt(enc, { chunk: 7, legacyKdfs: true }).catch((e: AliveError) => e.code)).toBe('wrong_passphrase'); // not gzip
    const gz = gzipSync(data);
    expect((await decrypt(await encrypt(gz, 3), { chunk: 5, legacyKdfs: true })).equals(gz)).toBe(true);
  });

  it('uses a fresh random salt each time', async () => {
    const data = Buffer.from('same input');
    const a = await encrypt(data);
    const b = await encrypt(data);
    expect(a.subarray(8, 16).equals(b.subarray(8, 16))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });
});

describe('passphrase streams: byte compatibility with openssl enc', () => {
  it('derives the key and IV openssl prints for a salt (-p)', async () => {
    const printed = opensslOk([...ENC_ARGS, '-S', FIXED_SALT.toString('hex'), '-P'], { passphrase: PASS }).toString();
    const { key, iv } = await pbkdf2Sha256KeyIv(Buffer.from(PASS, 'utf8'), FIXED_SALT, TEST_ITERATIONS);
    expect(printed).toContain(`key=${key.toString('hex').toUpperCase()}`);
    expect(printed).toMatch(new RegExp(`iv\\s*=${iv.toString('hex').toUpperCase()}`));
  });

  it('produces exactly the bytes openssl produces for the same salt (known answer)', async () => {
    const data = seededBytes(70_001, 11);
    // With an explicit -S, openssl 3 writes the ciphertext without the Salted__ header.
    const theirs = opensslEncrypt(data, ['-S', FIXED_SALT.toString('hex')]);
    const ours = await encryptFixedSalt(data);
    expect(ours.equals(Buffer.concat([Buffer.from('Salted__'), FIXED_SALT, theirs]))).toBe(true);
  });

  // Slow for a reason (two 600000-round derivations, ours and openssl's): the format's count.
  it('the product derives with 600000 iterations: byte for byte what openssl -iter 600000 makes', async () => {
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    setPbkdf2IterationsForTests(undefined);
    try {
      expect(pbkdf2Iterations()).toBe(600_000);
      const data = seededBytes(1_001, 12);
      const theirs = opensslOk([...encArgs(600_000), '-salt', '-S', FIXED_SALT.toString('hex')], { input: data, passphrase: PASS });
      const ours = await encryptFixedSalt(data);
      expect(ours.equals(Buffer.concat([Buffer.from('Salted__'), FIXED_SALT, theirs]))).toBe(true);
    } finally {
      setPbkdf2IterationsForTests(TEST_ITERATIONS);
    }
  });

  it('the test-only iteration knob is in no bundle, and works only under vitest', async () => {
    for (const f of readdirSync(bundleDir()).filter((n) => n.endsWith('.mjs'))) {
      expect(readFileSync(join(bundleDir(), f), 'utf8'), f).not.toContain('setPbkdf2IterationsForTests');
    }
    // The source module, bundled as it is for a plain node child (test/support/child-modules.ts).
    const kdf = await bundledForChild('scripts/lib/crypto/kdf.ts');
    const r = spawnSync(process.execPath, ['-e', `import(${JSON.stringify(kdf)}).then((k) => k.setPbkdf2IterationsForTests(1))`], {
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('for the test suite only');
  });

  for (const size of [0, 17, 2 * 1024 * 1024 + 3]) {
    it(`openssl decrypts what we encrypted (${size} bytes)`, async () => {
      const data = seededBytes(size, 7);
      const r = opensslDecrypt(await encrypt(data));
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout.equals(data)).toBe(true);
    });
    it(`we decrypt what openssl encrypted (${size} bytes)`, async () => {
      const data = seededBytes(size, 8);
      const enc = opensslEncrypt(data);
      expect(enc.subarray(0, 8).toString('latin1')).toBe('Salted__');
      expect((await decrypt(enc)).equals(data)).toBe(true);
    });
  }
});

describe('passphrase streams: legacy key derivations (format 2.1.x)', () => {
  const inner = gzipSync(seededBytes(50_000, 21));
  const legacyCases: Array<[string, string[]]> = [
    ['-pbkdf2 -iter 100000', ['-pbkdf2', '-iter', '100000', '-md', 'sha256']],
    ['-pbkdf2 with the default iteration count', ['-pbkdf2', '-md', 'sha256']],
    ['-md md5 without -pbkdf2 (EVP_BytesToKey)', ['-md', 'md5']],
  ];
  for (const [label, args] of legacyCases) {
    it(`decrypts an openssl payload made with ${label} only when legacyKdfs is on`, async () => {
      const enc = opensslOk(['enc', '-aes-256-cbc', '-salt', ...args, '-pass', 'env:WALNUT_PASSPHRASE'], {
        input: inner,
        passphrase: PASS,
      });
      expect((await decrypt(enc, { legacyKdfs: true })).equals(inner)).toBe(true);
      // It says which derivation opened it: weaker than alive's (review of 2026-12-07).
      const stream = createPassphraseDecryptStream(PASS, { legacyKdfs: true });
      expect((await through(stream, enc)).equals(inner)).toBe(true);
      expect(stream.legacyKdf).toBe(
        label.includes('md5')
          ? 'EVP_BytesToKey with MD5, one round'
          : label.includes('100000')
            ? 'PBKDF2-SHA256, 100,000 iterations'
            : 'PBKDF2-SHA256, 10,000 iterations',
      );
      // The strict reader only speaks the current derivation: it fails (almost always on the padding;
      // 1 time in ~256 the padding passes by chance and it yields garbage), never the plaintext.
      const strict = await decrypt(enc).then(
        (out) => out,
        (e: unknown) => e,
      );
      expect(Buffer.isBuffer(strict) && strict.equals(inner)).toBe(false);
    });
  }

  it('reads current 600000-iteration payloads with legacyKdfs as well, naming no legacy derivation', async () => {
    const enc = await encrypt(inner);
    const stream = createPassphraseDecryptStream(PASS, { legacyKdfs: true });
    expect((await through(stream, enc)).equals(inner)).toBe(true);
    expect(stream.legacyKdf).toBeUndefined();
  });

  it('EVP_BytesToKey-MD5 matches what openssl prints', () => {
    const printed = opensslOk(['enc', '-aes-256-cbc', '-md', 'md5', '-S', FIXED_SALT.toString('hex'), '-P', '-pass', 'env:WALNUT_PASSPHRASE'], {
      passphrase: PASS,
    }).toString();
    const { key, iv } = evpBytesToKey('md5', Buffer.from(PASS, 'utf8'), FIXED_SALT);
    expect(printed).toContain(`key=${key.toString('hex').toUpperCase()}`);
    expect(printed).toMatch(new RegExp(`iv\\s*=${iv.toString('hex').toUpperCase()}`));
  });

  it('gives wrong_passphrase early when no derivation yields gzip', async () => {
    const enc = opensslOk(['enc', '-aes-256-cbc', '-salt', '-md', 'md5', '-pass', 'env:WALNUT_PASSPHRASE'], { input: inner, passphrase: PASS });
    await rejectsWith(decrypt(enc, { pass: WRONG, legacyKdfs: true }), 'wrong_passphrase');
  });

  it('with expectGzip, a wrong passphrase is named from the first block, before the end is read', async () => {
    const enc = await encrypt(inner);
    // Cut mid-block: without the gzip check only the end (a partial block) can be judged.
    const cut = enc.subarray(0, enc.length - 1);
    const viaGzip = (pass: string) => through(createPassphraseDecryptStream(pass, { expectGzip: true }), cut);
    await rejectsWith(viaGzip(WRONG), 'wrong_passphrase');
    await rejectsWith(decrypt(cut, { pass: WRONG }), 'bad_payload');
    await rejectsWith(viaGzip(PASS), 'bad_payload');
    const plain = await through(createPassphraseDecryptStream(PASS, { expectGzip: true }), enc);
    expect(plain.equals(inner)).toBe(true);
  });

  it('with legacyKdfs, a header followed by less than one block is a truncated payload', async () => {
    const enc = await encrypt(inner);
    await rejectsWith(decrypt(enc.subarray(0, 16 + 9), { legacyKdfs: true }), 'bad_payload');
  });
});

describe('passphrase streams: bad input', () => {
  // Fixed salt and data: a wrong key's final block passes PKCS#7 by chance 1 time in ~256, so
  // these cases are pinned to bytes checked to fail, rather than left to chance on each run.
  let good: Buffer;
  const data = seededBytes(40_000, 99);
  beforeAll(async () => {
    good = await encryptFixedSalt(data);
  });

  it('wrong passphrase → wrong_passphrase, and the message says what to do', async () => {
    const e = await rejectsWith(decrypt(good, { pass: WRONG }), 'wrong_passphrase');
    expect(e.message).toContain('could not decrypt: wrong passphrase, or the payload is damaged');
    // The passphrase may have been typed at the prompt: the message names both places it comes from.
    expect(e.message).toContain('check the passphrase (WALNUT_PASSPHRASE, or the one typed) with the sender');
  });

  it('empty input → bad_payload', async () => {
    const e = await rejectsWith(decrypt(Buffer.alloc(0)), 'bad_payload');
    expect(e.message).toMatch(/empty/);
  });

  it('input shorter than the header → bad_payload', async () => {
    const e = await rejectsWith(decrypt(good.subarray(0, 10)), 'bad_payload');
    expect(e.message).toMatch(/shorter than the 16-byte/);
  });

  it('a header and no ciphertext → bad_payload', async () => {
    await rejectsWith(decrypt(good.subarray(0, 16)), 'bad_payload');
  });

  it('not starting with Salted__ (a plain gzip) → bad_payload, at the first bytes', async () => {
    const e = await rejectsWith(decrypt(gzipSync(data)), 'bad_payload');
    expect(e.message).toMatch(/Salted__/);
  });

  it('truncated by one byte → bad_payload naming the block size', async () => {
    const e = await rejectsWith(decrypt(good.subarray(0, good.length - 1)), 'bad_payload');
    expect(e.message).toMatch(/truncated or padded/);
  });

  it('truncated by a whole block → wrong_passphrase (the padding no longer checks)', async () => {
    await rejectsWith(decrypt(good.subarray(0, good.length - 16)), 'wrong_passphrase');
  });

  it('garbage appended (not a block multiple) → bad_payload', async () => {
    await rejectsWith(decrypt(Buffer.concat([good, Buffer.from('trailing junk')])), 'bad_payload');
  });

  it('a garbage block appended → wrong_passphrase (damaged)', async () => {
    await rejectsWith(decrypt(Buffer.concat([good, Buffer.alloc(16, 0x41)])), 'wrong_passphrase');
  });

  it('zero padding appended (one block) → wrong_passphrase (damaged)', async () => {
    await rejectsWith(decrypt(Buffer.concat([good, Buffer.alloc(16)])), 'wrong_passphrase');
  });

  it('openssl agrees the damaged payloads are undecryptable', () => {
    expect(openssl([...ENC_ARGS, '-d'], { input: good, passphrase: WRONG }).status).not.toBe(0);
    expect(opensslDecrypt(Buffer.concat([good, Buffer.alloc(16, 0x41)])).status).not.toBe(0);
    expect(opensslDecrypt(good).stdout.equals(data)).toBe(true);
  });

  it('an empty passphrase is refused when a stream is made', async () => {
    await rejectsWith(createPassphraseEncryptStream(''), 'no_passphrase');
    expect(() => createPassphraseDecryptStream('')).toThrow(AliveError);
  });
});

describe('passphraseFromEnv', () => {
  it('returns WALNUT_PASSPHRASE as is', () => {
    expect(passphraseFromEnv({ WALNUT_PASSPHRASE: PASS })).toBe(PASS);
  });
  it('refuses unset or empty with no_passphrase and says to set WALNUT_PASSPHRASE', () => {
    for (const env of [{}, { WALNUT_PASSPHRASE: '' }]) {
      let err: unknown;
      try {
        passphraseFromEnv(env);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AliveError);
      expect((err as AliveError).code).toBe('no_passphrase');
      expect((err as AliveError).message).toContain('WALNUT_PASSPHRASE');
    }
  });
});

describe('passphrase streams: constant memory', () => {
  it('applies backpressure: a slow reader keeps the producer at most a few MB ahead over 16 MB', async () => {
    // Four times the bound: with the encrypting stream's buffers unbounded, the producer ran 16.5 MB ahead.
    const total = 16 * 1024 * 1024;
    const chunk = 256 * 1024;
    let produced = 0;
    let consumed = 0;
    let maxAhead = 0;
    const block = seededBytes(chunk, 5);
    const source = new Readable({
      read() {
        if (produced >= total) {
          this.push(null);
          return;
        }
        produced += chunk;
        this.push(block);
      },
    });
    let slow = 0;
    const sink = new Writable({
      highWaterMark: 64 * 1024,
      write(c: Buffer, _enc, cb) {
        consumed += c.length;
        maxAhead = Math.max(maxAhead, produced - consumed);
        // Every so often the reader stalls, as a slow disk or network would.
        if (++slow % 50 === 0) setTimeout(cb, 2);
        else cb();
      },
    });
    await pipeline(source, await createPassphraseEncryptStream(PASS), createPassphraseDecryptStream(PASS), sink);
    expect(consumed).toBe(total);
    expect(maxAhead).toBeLessThan(4 * 1024 * 1024);
  });
});
