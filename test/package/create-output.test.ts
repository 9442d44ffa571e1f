/**
 * `create --output`: a path that cannot take the package (a folder, a taken name, a missing or
 * non-folder parent) is refused before the walnut is read or a passphrase asked, with a message
 * saying what to give instead, and nothing is written. The walnut here holds a file whose name
 * stops create once it reads the walnut (unpackable_name), so an error about the output proves the
 * output was checked first; an --encrypt passphrase run without WALNUT_PASSPHRASE proves it came
 * before the passphrase.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { testKeyPair } from '../support/test-keys.ts';
import { errorLine, makeWalnut, rmrf, sandboxEnv, snapshotTree, tempRoot } from './helpers.ts';

let root: string;
let walnut: string;
let keys: string;
let env: NodeJS.ProcessEnv;
const run = (args: string[]) => aliveInProcess(['create', '--walnut', walnut, '--scope', 'full', ...args], env);
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

beforeAll(() => {
  root = tempRoot('create-output');
  env = sandboxEnv(root);
  walnut = makeWalnut(join(root, 'nova'), { 'notes/a.md': 'a\n', 'notes/bad\u0007name.md': 'stops create when it is read\n' });
  keys = join(root, 'keys');
  mkdirSync(keys);
  writeFileSync(join(keys, 'bob.pem'), testKeyPair(3).publicKeyPem);
  writeFileSync(join(keys, 'carol.pem'), testKeyPair(4).publicKeyPem);
});
afterAll(() => rmrf(root));

/** Runs `args`, expects a refusal with `code`, nothing changed under root, and returns the error line. */
async function refused(args: string[], code: string): Promise<string> {
  const before = snapshotTree(root);
  const r = await run([...args, '--json']);
  expect(r.status, r.stderr).toBe(1);
  expect(JSON.parse(r.stdout).error.code, r.stderr).toBe(code);
  expect(snapshotTree(root)).toEqual(before);
  return errorLine(r);
}

describe('create --output is checked before anything is read or asked', () => {
  it('the walnut used here does stop create once it is read (what the other tests rely on)', async () => {
    await refused(['--output', join(root, 'fine.walnut')], 'unpackable_name');
  });

  it('an existing folder: refused, suggesting a file inside it under the default name', async () => {
    const dir = join(root, 'out');
    mkdirSync(dir, { recursive: true });
    const line = await refused(['--output', dir], 'exists');
    expect(line).toContain(`${dir} is a folder`);
    expect(line).toContain(`--output ${join(dir, `nova-full-${today()}.walnut`)}`);
  });

  it('an existing folder whose path needs quoting: the suggestion is shell-quoted', async () => {
    const dir = join(root, "Bob's packages");
    mkdirSync(dir, { recursive: true });
    const line = await refused(['--output', dir, '--encrypt', 'passphrase'], 'exists');
    expect(line).toContain(`--output '${root}/Bob'\\''s packages/nova-full-${today()}.walnut'`);
  });

  it('a path ending with a slash names a folder, existing or not', async () => {
    const line = await refused(['--output', `${join(root, 'later')}/`], 'exists');
    expect(line).toContain(`--output ${join(root, 'later', `nova-full-${today()}.walnut`)}`);
  });

  it('an existing file: refused before the passphrase, suggesting a free name', async () => {
    const taken = join(root, 'taken.walnut');
    writeFileSync(taken, 'precious');
    const line = await refused(['--output', taken, '--encrypt', 'passphrase'], 'exists');
    expect(line).toMatch(/taken\.walnut already exists; choose another --output \(e\.g\. --output \S*taken-2\.walnut\) or move the old file away/);
  });

  it('a link where the package would go (even a dangling one) counts as taken', async () => {
    const link = join(root, 'dangling.walnut');
    symlinkSync(join(root, 'nowhere'), link);
    await refused(['--output', link], 'exists');
  });

  it('a missing parent folder, and a parent that is a file', async () => {
    expect(await refused(['--output', join(root, 'no', 'such', 'x.walnut'), '--encrypt', 'passphrase'], 'unwritable')).toMatch(
      /folder .*no\/such does not exist; create it first .*or choose another --output/,
    );
    writeFileSync(join(root, 'plain-file'), 'x');
    expect(await refused(['--output', join(root, 'plain-file', 'x.walnut')], 'unwritable')).toMatch(/plain-file is not a folder/);
  });

  it('one package per recipient: a taken per-recipient name is refused before anything is read', async () => {
    writeFileSync(join(root, 'pair-carol.walnut'), 'precious');
    const line = await refused(
      ['--output', join(root, 'pair.walnut'), '--encrypt', 'rsa', '--recipient', join(keys, 'bob.pem'), '--recipient', join(keys, 'carol.pem')],
      'exists',
    );
    expect(line).toMatch(/pair-carol\.walnut already exists/);
    // The suggested base is one whose per-recipient names are all free, not `pair-carol-2.walnut`.
    expect(line).toContain(`--output ${join(root, 'pair-2.walnut')}`);
  });

  it('one package per recipient: the base name itself may exist, since it is never written', async () => {
    // The README's own sequence: launch.walnut (a bundle package) first, then one per recipient.
    writeFileSync(join(root, 'base.walnut'), 'an earlier package');
    const rsa = ['--encrypt', 'rsa', '--recipient', join(keys, 'bob.pem'), '--recipient', join(keys, 'carol.pem')];
    // unpackable_name: the output passed its checks and the walnut was read.
    await refused(['--output', join(root, 'base.walnut'), ...rsa], 'unpackable_name');
    const home = join(root, 'home', 'Desktop');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, `nova-full-${today()}.walnut`), 'earlier');
    await refused(rsa, 'unpackable_name');
    rmrf(join(home, `nova-full-${today()}.walnut`));
  });

  it('the default name, when a package of the same day is there already', async () => {
    const home = join(root, 'home', 'Desktop');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, `nova-full-${today()}.walnut`), 'earlier');
    const line = await refused([], 'exists');
    expect(line).toMatch(/nova-full-\d{4}-\d\d-\d\d\.walnut already exists \(the default name\); .*nova-full-\d{4}-\d\d-\d\d-2\.walnut/);
  });

  it('an empty --output is a usage error', async () => {
    const r = await run(['--output', '']);
    expect(r.status).toBe(2);
    expect(errorLine(r)).toMatch(/--output needs a file name/);
  });
});

describe('create: a wrong request is refused before the passphrase is asked', () => {
  // Without WALNUT_PASSPHRASE off a terminal, asking means the no_passphrase error: any other error
  // came first (on a terminal, before both prompts).
  const asked = (args: string[]) => run([...args, '--encrypt', 'passphrase', '--output', join(root, 'never.walnut'), '--json']);
  const cases: Array<[string, string[], string, number]> = [
    ['--bundle with --scope full', ['--bundle', 'launch'], 'usage', 2],
    ['a description of two lines', ['--description', 'one\ntwo'], 'usage', 2],
  ];
  for (const [what, args, code, status] of cases) {
    it(what, async () => {
      const r = await asked(args);
      expect(JSON.parse(r.stdout).error.code, r.stderr).toBe(code);
      expect(r.status).toBe(status);
    });
  }

  it('--scope bundle: no --bundle, a bundle name that cannot be one, a bundle named twice', async () => {
    for (const args of [[], ['--bundle', '../up'], ['--bundle', 'a', '--bundle', 'a']]) {
      const r = await aliveInProcess(
        ['create', '--walnut', walnut, '--scope', 'bundle', ...args, '--encrypt', 'passphrase', '--output', join(root, 'never.walnut'), '--json'],
        env,
      );
      expect(JSON.parse(r.stdout).error.code, r.stderr).toBe('usage');
      expect(r.status).toBe(2);
    }
  });

  it('a --walnut that does not exist, or is not a walnut', async () => {
    mkdirSync(join(root, 'not-a-walnut'), { recursive: true });
    for (const w of [join(root, 'missing-walnut'), join(root, 'not-a-walnut')]) {
      const r = await aliveInProcess(
        ['create', '--walnut', w, '--scope', 'full', '--encrypt', 'passphrase', '--output', join(root, 'never.walnut'), '--json'],
        env,
      );
      expect(JSON.parse(r.stdout).error.code, r.stderr).toBe('no_walnut');
      expect(r.status).toBe(1);
    }
  });
});
