import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { keygenCommand } from '../../scripts/lib/crypto/commands/keygen.ts';
import { bundleDir, bundlePath } from '../support/bundles.ts';
import { childModules } from '../support/child-modules.ts';
import { setKeygenBitsForTests } from '../../scripts/lib/crypto/keys.ts';
import { modeOf, openssl, opensslOk, tmp } from './helpers.ts';

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `alive-p2p keygen <args>` in-process (the command the entry routes to), under `umask`. */
async function keygen(args: string[], umask = 0o022): Promise<CliResult> {
  const previous = process.umask(umask);
  try {
    const r = await runCaptured(keygenCommand, args);
    return { status: r.code, stdout: r.stdout, stderr: r.stderr };
  } finally {
    process.umask(previous);
  }
}

const bundledForChild = childModules();

const opensslFingerprint = (publicPem: string) =>
  createHash('sha256')
    .update(opensslOk(['pkey', '-pubin', '-in', publicPem, '-outform', 'DER']))
    .digest('hex');

// The RSA-4096 size keygen promises is shown through the bundle, where no knob reaches:
// test/relay/exchange-git.test.ts reads the modulus of the key pair a first `relay setup` makes
// (the same generateRsaKeyPair). Here the key's size is not the point: RSA-2048 pairs spare a
// 4096-bit prime search (1-9 s on this machine under the suite's load).
describe('alive-p2p keygen', () => {
  it('--json prints exactly one object; files are 0600/0644 in a 0700 folder even with umask 000', async () => {
    const out = join(tmp('keygen'), 'nested', 'keys');
    setKeygenBitsForTests(2048);
    const r = await keygen(['--out', out, '--json'], 0o000).finally(() => setKeygenBitsForTests(undefined));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(['fingerprint', 'ok', 'private_key', 'public_key']);
    expect(result.ok).toBe(true);
    expect(result.private_key).toBe(join(out, 'private.pem'));
    expect(result.public_key).toBe(join(out, 'public.pem'));
    // The display form, as the human line, create, relay setup and relay status give it.
    expect(result.fingerprint).toBe(`SHA256:${opensslFingerprint(join(out, 'public.pem')).match(/.{4}/g)!.join(':')}`);
    expect(modeOf(join(out, 'private.pem'))).toBe(0o600);
    expect(modeOf(join(out, 'public.pem'))).toBe(0o644);
    expect(modeOf(out)).toBe(0o700);
    expect(readdirSync(out).sort()).toEqual(['private.pem', 'public.pem']); // no temporary files left
    expect(openssl(['pkey', '-in', join(out, 'private.pem'), '-noout']).status).toBe(0);
    expect(opensslOk(['pkey', '-in', join(out, 'private.pem'), '-noout', '-text']).toString()).toMatch(/2048 bit/);
  });

  // Paths and fingerprint, and the escaping of control characters, were two cases with a key
  // generation each (most of a case's time): one key pair shows both, the plain part of the path
  // printed as it is, the folder name's control characters escaped.
  it('prints paths and the display fingerprint for people, escaping the paths: a folder name may hold control characters', async () => {
    const parent = tmp('keygen');
    const out = join(parent, 'k\u001b]0;T\u0007\u202e');
    setKeygenBitsForTests(2048);
    const r = await keygen(['--out', out]).finally(() => setKeygenBitsForTests(undefined));
    expect(r.status, r.stderr).toBe(0);
    const shown = join(parent, 'k\\x1b]0;T\\x07\\u{202e}');
    expect(r.stdout).toContain(`private key: ${join(shown, 'private.pem')} `);
    expect(r.stdout).toContain(`public key:  ${join(shown, 'public.pem')} `);
    expect(r.stdout).not.toMatch(/[\u0007\u001b\u202e]/);
    const fp = opensslFingerprint(join(out, 'public.pem'));
    expect(r.stdout).toContain(`fingerprint: SHA256:${fp.match(/.{4}/g)!.join(':')}`);
  });

  it('refuses to replace an existing key (exit 1, one failure object on stdout, files untouched)', async () => {
    const out = tmp('keygen-existing');
    writeFileSync(join(out, 'private.pem'), 'precious', { mode: 0o600 });
    const before = statSync(join(out, 'private.pem')).mtimeMs;
    const r = await keygen(['--out', out, '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'key_exists' } });
    expect(r.stderr).toMatch(/^error: .*private\.pem already exists; keygen never replaces a key/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(out, 'private.pem'), 'utf8')).toBe('precious');
    expect(statSync(join(out, 'private.pem')).mtimeMs).toBe(before);
    expect(readdirSync(out)).toEqual(['private.pem']);
  });

  it('fails cleanly when the folder cannot be made', async () => {
    const base = tmp('keygen-blocked');
    writeFileSync(join(base, 'file'), 'x');
    const r = await keygen(['--out', join(base, 'file', 'keys')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot create the key folder/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('--help prints usage and exits 0; usage errors exit 2', async () => {
    const help = await keygen(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: alive-p2p keygen --out DIR \[--json\]/);
    const missing = await keygen([]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^error: --out is required/);
    const unknown = await keygen(['--out', tmp('x'), '--bits', '1024']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--bits');
    const extra = await keygen(['--out', tmp('x'), 'surplus']);
    expect(extra.status).toBe(2);
    expect(extra.stderr).toContain("unexpected argument 'surplus'");
  });

  it('is routed and listed by the alive-p2p bundle', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [bundlePath('alive-p2p'), ...args], { encoding: 'utf8' });
    expect(run(['keygen', '--help']).stdout).toMatch(/^usage: alive-p2p keygen --out DIR/);
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/keygen\s+make an RSA-4096 key pair/);
  });
});

describe('the test-only key size knob (setKeygenBitsForTests)', () => {
  it('is in no bundle, refuses a size alive could not load, and works only under vitest', async () => {
    for (const f of readdirSync(bundleDir(), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.mjs'))) {
      expect(readFileSync(join(bundleDir(), f), 'utf8'), f).not.toContain('setKeygenBitsForTests');
    }
    expect(() => setKeygenBitsForTests(1024)).toThrow(/below MIN_RSA_BITS/);
    // The source module, bundled as it is for a plain node child (test/support/child-modules.ts).
    const keys = await bundledForChild('scripts/lib/crypto/keys.ts');
    const r = spawnSync(process.execPath, ['-e', `import(${JSON.stringify(keys)}).then((k) => k.setKeygenBitsForTests(2048))`], {
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('for the test suite only');
  });

  it('makes keys of that size for in-process runs, and per-file.ts puts 4096 back for the next file', async () => {
    const dir = tmp('keygen-knob');
    setKeygenBitsForTests(2048);
    try {
      const r = await keygen(['--out', join(dir, 'keys'), '--json']);
      expect(r.status, r.stderr).toBe(0);
      expect(opensslOk(['pkey', '-in', join(dir, 'keys', 'private.pem'), '-noout', '-text']).toString()).toMatch(/2048 bit/);
    } finally {
      setKeygenBitsForTests(undefined);
    }
  });
});
