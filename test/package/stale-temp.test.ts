/**
 * An encrypted package is spooled into `$TMPDIR/alive-spool-*` (its payload and wrapped key) while
 * it is read, and relay push seals one in `$TMPDIR/alive-seal-*`. A process killed outright
 * (SIGKILL) runs no cleanup: those folders stayed for good. Each is now private (0700) and marked
 * with its owner (staging.ts's marker), and the next verify, extract or receive of this user
 * removes those whose process is gone; never a link planted under that name, a folder of another
 * user, an unmarked one, or one whose process runs. Versions before the marker left unmarked ones:
 * such a folder is removed once it is certainly one of theirs (mkdtemp's name and mode, this user's,
 * holding only the files they spooled, nothing in it written for a day).
 */
import { startStopped } from '../support/stopped-child.ts';
import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { chmodSync, chownSync, existsSync, lstatSync, lutimesSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { sealPackageForPeer } from '../../scripts/lib/package/api.ts';
import { LEGACY_TEMP_MIN_AGE_MS } from '../../scripts/lib/package/temp-folder.ts';
import { testKeyPairOf } from '../support/test-keys.ts';
import { hostTag } from '../../scripts/lib/proc/host-tag.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { cliBundle, tmp } from '../receive/helpers.ts';
import { sandboxEnv, writeTree } from './helpers.ts';

const PASS = 'a passphrase of some length';
let base = '';
let cli = '';
let encrypted = '';
let plain = '';
let deadPid = 0;

beforeAll(async () => {
  base = tmp('stale-temp');
  cli = await cliBundle();
  deadPid = spawnSync('true').pid!;
  const walnut = join(base, 'w');
  writeTree(walnut, { '_kernel/key.md': '---\ntype: venture\n---\n', 'notes/a.md': 'secret notes\n' });
  setPbkdf2IterationsForTests(1000);
  try {
    encrypted = join(base, 'enc.walnut');
    const e = await aliveInProcess(
      ['create', '--walnut', walnut, '--scope', 'full', '--output', encrypted, '--encrypt', 'passphrase'],
      sandboxEnv(join(base, 'make'), { WALNUT_PASSPHRASE: PASS }),
    );
    expect(e.status, e.stderr).toBe(0);
  } finally {
    setPbkdf2IterationsForTests(undefined);
  }
  plain = join(base, 'plain.walnut');
  const p = await aliveInProcess(['create', '--walnut', walnut, '--scope', 'full', '--output', plain], sandboxEnv(join(base, 'make')));
  expect(p.status, p.stderr).toBe(0);
}, 60_000);
afterAll(() => spawnSync('rm', ['-rf', base]));

let n = 0;
/** A fresh sandbox: its own TMPDIR. */
function sandbox(): { env: NodeJS.ProcessEnv; tmpdir: string } {
  const dir = join(base, `s${++n}`);
  const env = sandboxEnv(dir, { WALNUT_PASSPHRASE: PASS });
  return { env, tmpdir: env.TMPDIR! };
}

/**
 * `alive-p2p verify <pkg>` frozen right after it created its spooled payload.enc; resolves once
 * there. With `resumeWhen`, it goes on once that file exists (stop-at.mjs).
 */
async function verifyStoppedInSpool(env: NodeJS.ProcessEnv, resumeWhen?: string) {
  const stop = { calls: ['openSync', 'open'], arg: 0, pattern: '/alive-spool-[^/]+/payload\\.enc$', ...(resumeWhen && { resumeWhen }) };
  const { child, closed } = await startStopped([cli, 'verify', encrypted], stop, { env, what: 'verify (before it spooled)' });
  return {
    kill: async (signal: NodeJS.Signals = 'SIGKILL') => {
      child.kill(signal);
      if (resumeWhen) writeFileSync(resumeWhen, '');
      await closed;
    },
  };
}

const spoolsIn = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('alive-spool-'));
const verify = (env: NodeJS.ProcessEnv, pkg = plain) => spawnSync(process.execPath, [cli, 'verify', pkg], { env, encoding: 'utf8' });

describe('temporary folders of an encrypted package read by a process killed outright', () => {
  it('the spool folder is private, marked with its owner, and the next verify of any package removes it', async () => {
    const { env, tmpdir } = sandbox();
    const run = await verifyStoppedInSpool(env);
    await run.kill();
    const [left] = spoolsIn(tmpdir);
    expect(left, 'the killed verify left its spool').toBeDefined();
    const spool = join(tmpdir, left!);
    expect(statSync(spool).mode & 0o777).toBe(0o700);
    expect(existsSync(join(spool, 'payload.enc'))).toBe(true);
    expect(JSON.parse(readFileSync(join(spool, 'owner.json'), 'utf8'))).toMatchObject({ host: hostTag() });
    const r = verify(env);
    expect(r.status, r.stderr).toBe(0);
    expect(spoolsIn(tmpdir)).toEqual([]);
  }, 60_000);

  it('a verify interrupted (Ctrl-C, SIGTERM) while it spools removes its spool before it ends', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const { env, tmpdir } = sandbox();
      const run = await verifyStoppedInSpool(env, join(base, `resume-${n}`));
      expect(spoolsIn(tmpdir)).toHaveLength(1);
      await run.kill(signal);
      expect(spoolsIn(tmpdir), signal).toEqual([]);
    }
  }, 60_000);

  it('the spool of a verify still running is left alone by another verify', async () => {
    const { env, tmpdir } = sandbox();
    const run = await verifyStoppedInSpool(env);
    try {
      expect(verify(env).status).toBe(0);
      expect(spoolsIn(tmpdir)).toHaveLength(1);
    } finally {
      await run.kill();
    }
  }, 60_000);

  it('a seal folder of a gone process is removed too; look-alikes are left as they are, what a link names untouched', () => {
    const { env, tmpdir } = sandbox();
    const marker = (fields: Record<string, unknown> = {}) => `${JSON.stringify({ made_by: 'alive-p2p seal', pid: deadPid, host: hostTag(), ...fields })}\n`;
    const plant = (name: string, owner?: string) => {
      const dir = join(tmpdir, name);
      mkdirSync(dir, { mode: 0o700 });
      writeFileSync(join(dir, 'payload.enc'), 'sealed bytes');
      if (owner !== undefined) writeFileSync(join(dir, 'owner.json'), owner);
      return dir;
    };
    plant('alive-seal-aB3dE6', marker());
    plant('alive-spool-Zz09aa', marker({ made_by: 'alive-p2p spool' }));
    // Kept: no marker; another tool's marker; a live process; another user's folder; a name only close to ours.
    plant('alive-spool-nomark');
    plant('alive-spool-other1', marker({ made_by: 'alive-p2p extract' }));
    plant('alive-spool-alive1', marker({ made_by: 'alive-p2p spool', pid: process.pid, start: undefined }));
    const foreign = plant('alive-seal-theirs', marker());
    if (process.getuid?.() === 0) chownSync(foreign, 4242, 4242);
    plant('alive-spool-abcdef-x', marker({ made_by: 'alive-p2p spool' }));
    // A link planted under the name, to a folder that looks stale: neither followed nor removed.
    const elsewhere = join(base, `elsewhere-${n}`);
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'owner.json'), marker({ made_by: 'alive-p2p spool' }));
    writeFileSync(join(elsewhere, 'precious.md'), 'keep me');
    symlinkSync(elsewhere, join(tmpdir, 'alive-spool-linked'));

    const r = verify(env);
    expect(r.status, r.stderr).toBe(0);
    const left = readdirSync(tmpdir).sort();
    expect(left).not.toContain('alive-seal-aB3dE6');
    expect(left).not.toContain('alive-spool-Zz09aa');
    const kept = ['alive-spool-nomark', 'alive-spool-other1', 'alive-spool-alive1', 'alive-spool-abcdef-x', 'alive-spool-linked'];
    if (process.getuid?.() === 0) kept.push('alive-seal-theirs');
    for (const k of kept) expect(left, k).toContain(k);
    expect(lstatSync(join(tmpdir, 'alive-spool-linked')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(elsewhere, 'precious.md'), 'utf8')).toBe('keep me');
  }, 60_000);

  it('the folder relay push seals a package in is private and marked with its owner while it works, and removed after', async () => {
    const { tmpdir } = sandbox();
    const seen: Array<{ name: string; mode: number; owner: unknown }> = [];
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmpdir;
    try {
      await sealPackageForPeer({
        input: encrypted,
        output: join(base, `sealed-${n}.walnut`),
        recipientPublicKey: createPublicKey(testKeyPairOf('bob').publicKeyPem),
        signer: { privateKey: createPrivateKey(testKeyPairOf('alice').privateKeyPem), name: 'alice' },
        onProgress: () => {
          for (const name of readdirSync(tmpdir).filter((f) => f.startsWith('alive-seal-'))) {
            const dir = join(tmpdir, name);
            const owner = existsSync(join(dir, 'owner.json')) ? JSON.parse(readFileSync(join(dir, 'owner.json'), 'utf8')) : undefined;
            seen.push({ name, mode: statSync(dir).mode & 0o777, owner });
          }
        },
      });
    } finally {
      process.env.TMPDIR = saved;
    }
    expect(seen.length).toBeGreaterThan(0);
    for (const s of seen) expect(s).toMatchObject({ mode: 0o700, owner: { made_by: 'alive-p2p seal', pid: process.pid, host: hostTag() } });
    expect(readdirSync(tmpdir)).toEqual([]);
  });

  it('a spool or seal folder an older version left unmarked is removed once a day old, holding only what it spooled', () => {
    const { env, tmpdir } = sandbox();
    const old = LEGACY_TEMP_MIN_AGE_MS + 60 * 60_000;
    /** Dates `path` `ms` back from now. */
    const age = (path: string, ms: number) => {
      const then = (Date.now() - ms) / 1000;
      lutimesSync(path, then, then);
    };
    /** A folder as versions before the marker made it: mkdtemp (0700), files written by the spool; all `ms` old. */
    const plant = (name: string, files: string[], ms = old) => {
      const dir = join(tmpdir, name);
      mkdirSync(dir);
      chmodSync(dir, 0o700);
      for (const f of files) {
        writeFileSync(join(dir, f), `${f} bytes`);
        age(join(dir, f), ms);
      }
      age(dir, ms);
      return dir;
    };
    // What those versions left: a 2.0 package's payload and key, a 2.1 RSA envelope's pair, relay
    // push's seal, a folder made before the first payload file (they made one for every package).
    plant('alive-spool-Ab12Cd', ['payload.enc', 'payload.key']);
    plant('alive-spool-Ef34Gh', ['rsa-envelope-v1.json', 'payload.enc']);
    plant('alive-seal-Ij56Kl', ['payload.enc', 'payload.key']);
    plant('alive-spool-empty0', []);
    // Kept: written less than a day ago (the folder, or one file in it); not mkdtemp's mode; a file
    // or folder those versions never wrote there; a payload that is a link; a marked folder (a live
    // process's) however old; another user's folder or file; a name not mkdtemp's; a link to such a folder.
    plant('alive-spool-young1', ['payload.enc'], LEGACY_TEMP_MIN_AGE_MS - 60 * 60_000);
    plant('alive-spool-young0', [], LEGACY_TEMP_MIN_AGE_MS - 60 * 60_000);
    const oneYoung = plant('alive-spool-young2', ['payload.enc', 'payload.key']);
    age(join(oneYoung, 'payload.key'), 60_000);
    age(oneYoung, old);
    chmodSync(plant('alive-spool-mode55', ['payload.enc']), 0o755);
    plant('alive-spool-extra1', ['payload.enc', 'notes.md']);
    plant('alive-seal-rsaenv', ['payload.enc', 'rsa-envelope-v1.json']);
    const sub = plant('alive-spool-subdir', ['payload.enc']);
    mkdirSync(join(sub, 'payload.key'));
    age(join(sub, 'payload.key'), old);
    age(sub, old);
    const precious = join(base, `precious-${n}.md`);
    writeFileSync(precious, 'keep me');
    const linked = plant('alive-spool-lnkpay', []);
    symlinkSync(precious, join(linked, 'payload.enc'));
    age(join(linked, 'payload.enc'), old);
    age(linked, old);
    const live = plant('alive-spool-live22', ['payload.enc']);
    writeFileSync(join(live, 'owner.json'), `${JSON.stringify({ made_by: 'alive-p2p spool', pid: process.pid, host: hostTag() })}\n`);
    age(join(live, 'owner.json'), old);
    age(live, old);
    const theirs = plant('alive-spool-theirs', ['payload.enc']);
    const theirFile = plant('alive-spool-thfile', ['payload.enc', 'payload.key']);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      chownSync(theirs, 4242, 4242);
      chownSync(join(theirFile, 'payload.key'), 4242, 4242);
    }
    plant('alive-spool-Ab12C', ['payload.enc']);
    plant('alive-spool-Ab12Cd7', ['payload.enc']);
    plant('alive-spool-Ab_2Cd', ['payload.enc']);
    const lookalike = join(base, `lookalike-${n}`);
    mkdirSync(lookalike, { mode: 0o700 });
    writeFileSync(join(lookalike, 'payload.enc'), 'keep me too');
    age(join(lookalike, 'payload.enc'), old);
    age(lookalike, old);
    symlinkSync(lookalike, join(tmpdir, 'alive-spool-lnkdir'));
    age(join(tmpdir, 'alive-spool-lnkdir'), old);

    const r = verify(env);
    expect(r.status, r.stderr).toBe(0);
    const left = readdirSync(tmpdir).sort();
    for (const gone of ['alive-spool-Ab12Cd', 'alive-spool-Ef34Gh', 'alive-seal-Ij56Kl', 'alive-spool-empty0']) expect(left, gone).not.toContain(gone);
    const kept = [
      'alive-spool-young1',
      'alive-spool-young0',
      'alive-spool-young2',
      'alive-spool-mode55',
      'alive-spool-extra1',
      'alive-seal-rsaenv',
      'alive-spool-subdir',
      'alive-spool-lnkpay',
      'alive-spool-live22',
      'alive-spool-Ab12C',
      'alive-spool-Ab12Cd7',
      'alive-spool-Ab_2Cd',
      'alive-spool-lnkdir',
      ...(asRoot ? ['alive-spool-theirs', 'alive-spool-thfile'] : []),
    ];
    for (const k of kept) expect(left, k).toContain(k);
    // A folder kept is kept whole.
    expect(readdirSync(join(tmpdir, 'alive-spool-young2')).sort()).toEqual(['payload.enc', 'payload.key']);
    if (asRoot) expect(readdirSync(theirFile).sort()).toEqual(['payload.enc', 'payload.key']);
    expect(readFileSync(precious, 'utf8')).toBe('keep me');
    expect(readFileSync(join(lookalike, 'payload.enc'), 'utf8')).toBe('keep me too');
  }, 60_000);
});
