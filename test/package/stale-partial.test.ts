/**
 * `create` writes its package to a hidden `.<name>.<pid>.<8 hex>.partial` beside the output (an
 * encrypted one first streams its payload to `.<name>.<pid>.<8 hex>.payload`), removed when it
 * ends, Ctrl-C included. A create killed outright (SIGKILL) runs no cleanup: the file stayed for
 * good. The next create into the same folder now removes such a file once it is certainly a gone
 * create's: our name, a regular file (never what a link names), of this user, its pid running no
 * process here, and untouched for an hour (a create on another machine sharing the folder, whose pid
 * says nothing here, writes its file all the time). Anything else is kept.
 */
import { startStopped } from '../support/stopped-child.ts';
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, TEMP_FILE_MIN_AGE_MS } from '../../scripts/lib/package/stale-temp-files.ts';
import { PBKDF2_ROUNDS } from '../support/bundles.ts';
import { isGone } from '../support/process-gone.ts';
import { CLI, makeWalnut, rmrf, sandboxEnv, tempRoot } from './helpers.ts';

let sandbox = '';
let walnut = '';
let deadPid = 0;

beforeAll(() => {
  sandbox = tempRoot('stale-partial');
  walnut = makeWalnut(join(sandbox, 'garden'), { 'notes/a.md': 'some notes\n' });
  deadPid = spawnSync('true').pid!;
});
afterAll(() => rmrf(sandbox));

const PASS = 'a passphrase of some length';
const env = () => sandboxEnv(sandbox, { WALNUT_PASSPHRASE: PASS });
const create = (output: string, extra: string[] = []) =>
  spawnSync(process.execPath, ['--import', PBKDF2_ROUNDS, CLI, 'create', '--walnut', walnut, '--scope', 'full', '--output', output, ...extra], {
    env: env(),
    encoding: 'utf8',
  });

/** A create frozen right after it opened its temporary file of `tag`, then SIGKILLed: its pid. */
async function createKilledIn(output: string, tag: 'partial' | 'payload', extra: string[] = []): Promise<number> {
  const stop = { calls: ['openSync'], arg: 0, pattern: `\\.${tag}$` };
  const { child, closed } = await startStopped(
    ['--import', PBKDF2_ROUNDS, CLI, 'create', '--walnut', walnut, '--scope', 'full', '--output', output, ...extra],
    stop,
    { env: env(), what: `create (before it opened its .${tag})` },
  );
  child.kill('SIGKILL');
  await closed;
  expect(await isGone(child.pid!)).toBe(true);
  return child.pid!;
}

const hidden = (dir: string, tag: string) => readdirSync(dir).filter((f) => f.startsWith('.') && f.endsWith(`.${tag}`));
/** Dates `path` `ms` back from now, as if that long had passed since it was last written. */
const age = (path: string, ms: number) => {
  const then = (Date.now() - ms) / 1000;
  utimesSync(path, then, then);
};

describe('what a create killed outright left beside its output', () => {
  it('the .partial of a SIGKILLed create is removed by the next create into the folder, once an hour old', async () => {
    const out = join(sandbox, 'out-partial');
    mkdirSync(out);
    const pid = await createKilledIn(join(out, 'g.walnut'), 'partial');
    const [left, ...more] = hidden(out, 'partial');
    expect(more).toEqual([]);
    expect(left, 'the killed create left its .partial').toMatch(new RegExp(`^\\.g\\.walnut\\.${pid}\\.[0-9a-f]{8}\\.partial$`));
    expect(statSync(join(out, left!)).mode & 0o777).toBe(0o600);

    // Written a moment ago: it could be a create of another machine's, still at work. Kept.
    let r = create(join(out, 'g2.walnut'));
    expect(r.status, r.stderr).toBe(0);
    expect(hidden(out, 'partial')).toEqual([left]);

    age(join(out, left!), TEMP_FILE_MIN_AGE_MS + 60_000);
    r = create(join(out, 'g3.walnut'));
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['g2.walnut', 'g3.walnut']);
  }, 60_000);

  it('so is the .payload of an encrypted create SIGKILLed while it wrote the payload', async () => {
    const out = join(sandbox, 'out-payload');
    mkdirSync(out);
    const pid = await createKilledIn(join(out, 'g.walnut'), 'payload', ['--encrypt', 'passphrase']);
    const [left] = hidden(out, 'payload');
    expect(left).toMatch(new RegExp(`^\\.g\\.walnut\\.${pid}\\.[0-9a-f]{8}\\.payload$`));
    age(join(out, left!), TEMP_FILE_MIN_AGE_MS + 60_000);
    const r = create(join(out, 'g2.walnut'), ['--encrypt', 'passphrase']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['g2.walnut']);
  }, 60_000);
});

describe('what the clean-up keeps', () => {
  let n = 0;
  const folder = () => {
    const dir = join(sandbox, `keep-${++n}`);
    mkdirSync(dir);
    return dir;
  };
  const old = TEMP_FILE_MIN_AGE_MS + 60_000;
  /** A file at `dir/name` last written `ms` ago. */
  const plant = (dir: string, name: string, ms = old, text = 'package bytes') => {
    const path = join(dir, name);
    writeFileSync(path, text, { mode: 0o600 });
    age(path, ms);
    return path;
  };

  it('removes an hour-old .partial or .payload of a gone process (what the cases below keep, changed one thing at a time)', () => {
    const dir = folder();
    plant(dir, `.g.walnut.${deadPid}.0a1b2c3d.partial`);
    plant(dir, `.notes 2.walnut.${deadPid}.ffffffff.payload`);
    plant(dir, `.g.walnut.${deadPid}.00000000.partial`, 24 * 60 * 60_000);
    removeStaleTempFiles(dir);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps one written less than an hour ago', () => {
    const dir = folder();
    const name = `.g.walnut.${deadPid}.0a1b2c3d.partial`;
    plant(dir, name, TEMP_FILE_MIN_AGE_MS - 60_000);
    removeStaleTempFiles(dir);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('keeps one whose pid runs a process: this one, another (a pid reused is left alone too)', () => {
    const dir = folder();
    const names = [`.g.walnut.${process.pid}.0a1b2c3d.partial`, `.g.walnut.${process.ppid}.0a1b2c3d.payload`, `.g.walnut.1.0a1b2c3d.partial`];
    for (const name of names) plant(dir, name);
    removeStaleTempFiles(dir);
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
  });

  it('keeps names not exactly ours', () => {
    const dir = folder();
    const names = [
      `g.walnut.${deadPid}.0a1b2c3d.partial`, // not hidden
      `.g.walnut.${deadPid}.0a1b2c3d.tmp`, // another tag (writeFileAtomic's)
      `.g.walnut.${deadPid}.0a1b2c3d.new`,
      `.g.walnut.${deadPid}.0A1B2C3D.partial`, // upper-case hex
      `.g.walnut.${deadPid}.0a1b2c3.partial`, // 7 hex digits
      `.g.walnut.${deadPid}.0a1b2c3d0.partial`, // 9
      `.g.walnut.0${deadPid}.0a1b2c3d.partial`, // a pid no process writes
      `.g.walnut.99999999999999999999.0a1b2c3d.partial`,
      `.g.walnut.2147483648.0a1b2c3d.partial`, // past a pid's 31 bits
      `.g.walnut.${deadPid}.0a1b2c3d.partial.bak`,
      `.g.walnut.${deadPid}.0a1b2c3d.partial~`,
      `..${deadPid}.0a1b2c3d.partial`, // no name
      'g.walnut',
    ];
    for (const name of names) plant(dir, name);
    removeStaleTempFiles(dir);
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
  });

  it('keeps a link with the name (and what it names), a folder with the name, and, as root, another user’s file', () => {
    const dir = folder();
    const target = plant(sandbox, `precious-${n}.walnut`, old, 'keep me');
    const link = join(dir, `.g.walnut.${deadPid}.0a1b2c3d.partial`);
    symlinkSync(target, link);
    spawnSync('touch', ['-h', '-d', `@${(Date.now() - old) / 1000}`, link]);
    const sub = join(dir, `.g.walnut.${deadPid}.11111111.partial`);
    mkdirSync(sub);
    writeFileSync(join(sub, 'inside.md'), 'keep me too');
    age(sub, old);
    const foreign = plant(dir, `.g.walnut.${deadPid}.22222222.payload`);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(foreign, 4242, 4242);
    removeStaleTempFiles(dir);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(readFileSync(join(sub, 'inside.md'), 'utf8')).toBe('keep me too');
    expect(existsSync(foreign)).toBe(asRoot);
  });

  it('a folder it cannot list is left as it is, without an error', () => {
    expect(() => removeStaleTempFiles(join(sandbox, 'no-such-folder'))).not.toThrow();
  });
});
