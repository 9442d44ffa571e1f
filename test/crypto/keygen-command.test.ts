import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modeOf, openssl, opensslOk, tmp } from './helpers.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const entry = join(repo, 'scripts', 'alive-p2p.ts');

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `alive-p2p <args>` from source (node + tsx), with a temporary HOME and ALIVE_HOME and a chosen umask. */
function cli(args: string[], umask = '022'): CliResult {
  const home = tmp('keygen-home');
  const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const r = spawnSync('sh', ['-c', `umask ${umask}; exec "${process.execPath}" --import tsx "${entry}" ${quoted}`], {
    cwd: repo,
    env: { PATH: process.env.PATH, HOME: home, ALIVE_HOME: join(home, '.alive') },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const opensslFingerprint = (publicPem: string) =>
  createHash('sha256').update(opensslOk(['pkey', '-pubin', '-in', publicPem, '-outform', 'DER'])).digest('hex');

describe('alive-p2p keygen', () => {
  it('--json prints exactly one object; files are 0600/0644 in a 0700 folder even with umask 000', () => {
    const out = join(tmp('keygen'), 'nested', 'keys');
    const r = cli(['keygen', '--out', out, '--json'], '000');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(['fingerprint', 'private_key', 'public_key']);
    expect(result.private_key).toBe(join(out, 'private.pem'));
    expect(result.public_key).toBe(join(out, 'public.pem'));
    expect(result.fingerprint).toBe(opensslFingerprint(join(out, 'public.pem')));
    expect(modeOf(join(out, 'private.pem'))).toBe(0o600);
    expect(modeOf(join(out, 'public.pem'))).toBe(0o644);
    expect(modeOf(out)).toBe(0o700);
    expect(readdirSync(out).sort()).toEqual(['private.pem', 'public.pem']); // no temporary files left
    expect(openssl(['pkey', '-in', join(out, 'private.pem'), '-noout']).status).toBe(0);
    expect(opensslOk(['pkey', '-in', join(out, 'private.pem'), '-noout', '-text']).toString()).toMatch(/4096 bit/);
  });

  it('prints paths and the display fingerprint for people', () => {
    const out = join(tmp('keygen'), 'keys');
    const r = cli(['keygen', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`private key: ${join(out, 'private.pem')}`);
    expect(r.stdout).toContain(`public key:  ${join(out, 'public.pem')}`);
    const fp = opensslFingerprint(join(out, 'public.pem'));
    expect(r.stdout).toContain(`fingerprint: SHA256:${fp.match(/.{4}/g)!.join(':')}`);
  });

  it('refuses to replace an existing key (exit 1, nothing on stdout, files untouched)', () => {
    const out = tmp('keygen-existing');
    writeFileSync(join(out, 'private.pem'), 'precious', { mode: 0o600 });
    const before = statSync(join(out, 'private.pem')).mtimeMs;
    const r = cli(['keygen', '--out', out, '--json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*private\.pem already exists; keygen never replaces a key/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(out, 'private.pem'), 'utf8')).toBe('precious');
    expect(statSync(join(out, 'private.pem')).mtimeMs).toBe(before);
    expect(readdirSync(out)).toEqual(['private.pem']);
  });

  it('fails cleanly when the folder cannot be made', () => {
    const base = tmp('keygen-blocked');
    writeFileSync(join(base, 'file'), 'x');
    const r = cli(['keygen', '--out', join(base, 'file', 'keys')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot create the key folder/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('--help prints usage and exits 0; usage errors exit 2', () => {
    const help = cli(['keygen', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: alive-p2p keygen --out DIR \[--json\]/);
    const missing = cli(['keygen']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^error: --out is required/);
    const unknown = cli(['keygen', '--out', tmp('x'), '--bits', '1024']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--bits');
    const extra = cli(['keygen', '--out', tmp('x'), 'surplus']);
    expect(extra.status).toBe(2);
    expect(extra.stderr).toContain("unexpected argument 'surplus'");
  });

  it('is listed by alive-p2p --help', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/keygen\s+make an RSA-4096 key pair/);
  });
});
