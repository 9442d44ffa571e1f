/**
 * What create refuses from its request alone, before it reads the walnut: a walnut folder name a
 * receiver would refuse (the receiver's own rule, receive/names.ts), a --description that is not
 * one line of visible text, a bundle name no package can carry, one person's key given twice.
 */
import { createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { bundleFolderNameProblem, walnutNameProblem } from '../../scripts/lib/receive/names.ts';
import { fingerprint, formatFingerprint } from '../../scripts/lib/crypto/keys.ts';
import { testKeyPair } from '../support/test-keys.ts';
import { setProcessEnv } from '../support/process-env.ts';
import { freshHomeEachTest, makeWalnut, rmrf, tempRoot } from './helpers.ts';

let root: string;
beforeAll(() => {
  root = tempRoot('create-request');
});
afterAll(() => rmrf(root));
const home = freshHomeEachTest(() => root);

const UNSAFE_SHOWN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('the walnut folder name', () => {
  it('a control, bidi or other invisible character is refused as create starts in every scope, escaped, saying to rename the folder', async () => {
    for (const scope of ['full', 'bundle', 'snapshot']) {
      const dir = join(root, `names-${home.n}-${scope}`);
      const walnut = makeWalnut(join(dir, 'g\u001b[31mX\u202eY'), { 'notes/a.md': 'a\n', 'bundles/b/context.manifest.yaml': 'goal: b\n' });
      const pkg = join(dir, 'p.walnut');
      const r = await runCaptured(createCommand, [
        '--walnut',
        walnut,
        '--scope',
        scope,
        ...(scope === 'bundle' ? ['--bundle', 'b'] : []),
        '--output',
        pkg,
        '--json',
      ]);
      expect(r.code, scope).toBe(1);
      const j = JSON.parse(r.stdout);
      expect(j.error.code).toBe('unpackable_name');
      expect(j.error.message).toBe(
        "the walnut's folder name 'g\\x1b[31mX\\u{202e}Y' contains a control character or invisible formatting character, which a package cannot show its receivers; rename the folder before sharing; nothing was written",
      );
      expect(r.stdout + r.stderr).not.toMatch(UNSAFE_SHOWN);
      expect(existsSync(pkg)).toBe(false);
    }
  });

  it('in full scope, a name receive refuses for a new walnut is packed with a warning (stderr and receive_needs_as) that a receiver needs --as NAME', async () => {
    const names = ['Bob $garden', 'quote"d', 'back`tick', '_kernel', '01_Archive', 'x'.repeat(201)];
    for (const name of names) {
      const dir = join(root, `same-${home.n}-${names.indexOf(name)}`);
      const walnut = makeWalnut(join(dir, name), { 'notes/a.md': 'a\n' });
      const pkg = join(dir, 'p.walnut');
      const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', pkg, '--json']);
      const receiver = walnutNameProblem(name);
      expect(receiver, name).toBeDefined();
      expect(r.code, `${JSON.stringify(name)}: ${r.stdout}`).toBe(0);
      expect(existsSync(pkg)).toBe(true);
      expect(JSON.parse(r.stdout).receive_needs_as).toEqual({ walnut: name, reason: receiver });
      expect(r.stderr).toContain(`${receiver}: a receiver must pass --as NAME to receive this full package under another name`);
    }
  });

  it('bundle and snapshot packages (whose walnut name names no folder on receipt) are packed with no warning; a plain name warns in no scope', async () => {
    const dir = join(root, `bundle-scope-${home.n}`);
    const walnut = makeWalnut(join(dir, 'Bob $garden'), { 'bundles/b/context.manifest.yaml': 'goal: b\n' });
    for (const [scope, extra] of [
      ['bundle', ['--bundle', 'b']],
      ['snapshot', []],
    ] as const) {
      const pkg = join(dir, `${scope}.walnut`);
      const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', scope, ...extra, '--output', pkg, '--json']);
      expect(r.code, r.stdout).toBe(0);
      expect(JSON.parse(r.stdout).receive_needs_as).toBeUndefined();
      expect(r.stderr).not.toContain('--as NAME');
    }
    const plain = makeWalnut(join(dir, 'café garden'), { 'notes/a.md': 'a\n' });
    const r = await runCaptured(createCommand, ['--walnut', plain, '--scope', 'full', '--output', join(dir, 'plain.walnut'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).receive_needs_as).toBeUndefined();
  });
});

describe('--description', () => {
  it('a control, bidi or other invisible character is a usage error naming it escaped, as a line break is; nothing is written', async () => {
    const dir = join(root, `description-${home.n}`);
    const walnut = makeWalnut(join(dir, 'w'), { 'notes/a.md': 'a\n' });
    const pkg = join(dir, 'p.walnut');
    for (const [description, shown] of [
      ['red \u001b[31malert', '\\x1b'],
      ['launch \u202etxt.exe', '\\u{202e}'],
      ['tab\there', '\\x09'],
      ['c1 \u009b2J', '\\x9b'],
      ['hidden\u200bmark', '\\u{200b}'],
    ]) {
      const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', pkg, '--description', description!]);
      expect(r.code, description).toBe(2);
      expect(r.stderr).toContain(
        `error: --description must be one line of visible text: it holds ${shown}, a control or invisible formatting character; remove it`,
      );
      expect(r.stderr).not.toMatch(UNSAFE_SHOWN);
      expect(existsSync(pkg)).toBe(false);
    }
    const ok = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', pkg, '--description', 'Spring open day — plan, budget ✓']);
    expect(ok.code, ok.stderr).toBe(0);
  });
});

describe('--recipient', () => {
  it('the same key twice (one path twice, a copy, a link) is a usage error naming both and the fingerprint; nothing is written', async () => {
    const dir = join(root, `recipients-${home.n}`);
    const walnut = makeWalnut(join(dir, 'w'), { 'notes/a.md': 'a\n' });
    const keys = join(dir, 'keys');
    mkdirSync(join(keys, 'again'), { recursive: true });
    writeFileSync(join(keys, 'bob.pem'), testKeyPair(3).publicKeyPem);
    writeFileSync(join(keys, 'carol.pem'), testKeyPair(4).publicKeyPem);
    writeFileSync(join(keys, 'again', 'bob.pem'), testKeyPair(3).publicKeyPem);
    symlinkSync(join(keys, 'bob.pem'), join(keys, 'robert.pem'));
    const bob = formatFingerprint(fingerprint(createPublicKey(testKeyPair(3).publicKeyPem)));
    for (const format of ['2.0', '2.1']) {
      for (const second of ['bob.pem', 'again/bob.pem', 'robert.pem']) {
        const args = ['--recipient', join(keys, 'bob.pem'), '--recipient', join(keys, 'carol.pem'), '--recipient', join(keys, second)];
        const r = await runCaptured(createCommand, [
          '--walnut',
          walnut,
          '--scope',
          'full',
          '--output',
          join(dir, 'p.walnut'),
          '--encrypt',
          'rsa',
          '--format',
          format,
          ...args,
        ]);
        expect(r.code, `${format} ${second}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toContain(
          `error: --recipient ${join(keys, second)} is the same key as --recipient ${join(keys, 'bob.pem')} (${bob}); give each person's key once`,
        );
        expect(readdirSync(dir).sort()).toEqual(['keys', 'w']);
      }
    }
  });
});

describe('--output -', () => {
  it('is a usage error: create writes a package file, never to standard output; nothing is written', async () => {
    const dir = join(root, `dash-${home.n}`);
    const walnut = makeWalnut(join(dir, 'w'), { 'notes/a.md': 'a\n' });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', '-']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        "error: --output - would be a file named '-': create writes the package to a file, not to standard output; give a file name (e.g. --output w.walnut)",
      );
      expect(r.stdout).toBe('');
      expect(readdirSync(dir)).toEqual(['w']);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('--bundle', () => {
  it("a bundle folder whose name holds a control character: refused as the folder's name (rename it), not as a wrong argument", async () => {
    const dir = join(root, `bundle-name-${home.n}`);
    const name = 'launch\u001b[2J';
    const walnut = makeWalnut(join(dir, 'w'), { [`bundles/${name}/context.manifest.yaml`]: 'goal: x\n', [`bundles/${name}/a.md`]: 'a\n' });
    const pkg = join(dir, 'p.walnut');
    const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'bundle', '--bundle', name, '--output', pkg, '--json']);
    expect(r.code, r.stderr).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.error.code).toBe('unpackable_name');
    expect(j.error.message).toBe(
      "the bundle folder name 'launch\\x1b[2J' contains a control character or invisible formatting character, which a receiver refuses; rename the folder before sharing",
    );
    expect(r.stdout + r.stderr).not.toMatch(UNSAFE_SHOWN);
    expect(existsSync(pkg)).toBe(false);
  });

  it('a name that is no folder name (a path, a dot name) is still a usage error asking for the folder name', async () => {
    const dir = join(root, `bundle-path-${home.n}`);
    const walnut = makeWalnut(join(dir, 'w'), { 'bundles/launch/a.md': 'a\n' });
    for (const name of ['bundles/launch', '.hidden']) {
      const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'bundle', '--bundle', name, '--output', join(dir, 'p.walnut')]);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toMatch(/; give the bundle's folder name/);
    }
  });
});

describe('WALNUT_PASSPHRASE of white space only', () => {
  it('create --encrypt passphrase refuses it as no passphrase, and writes nothing', async () => {
    const dir = join(root, `blank-passphrase-${home.n}`);
    const walnut = makeWalnut(join(dir, 'w'), { 'notes/a.md': 'a\n' });
    const pkg = join(dir, 'p.walnut');
    const restore = setProcessEnv({ WALNUT_PASSPHRASE: '   ' });
    try {
      const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', pkg, '--encrypt', 'passphrase', '--json']);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).error.code).toBe('no_passphrase');
      expect(existsSync(pkg)).toBe(false);
    } finally {
      restore();
    }
  });
});

describe('bundle folder names a receiver refuses', () => {
  it('stop create in full scope and as --bundle, each named, saying to rename the folder; the rule is receive’s', async () => {
    const names = ['plain', 'a$b', 'back`tick', 'node_modules', '01_Archive', 'Bundles', 'x'.repeat(201), 'café'];
    for (const name of names) {
      const dir = join(root, `bundle-rule-${home.n}-${names.indexOf(name)}`);
      const walnut = makeWalnut(join(dir, 'w'), { [`bundles/${name}/context.manifest.yaml`]: 'goal: x\n', [`bundles/${name}/a.md`]: 'a\n' });
      const receiver = bundleFolderNameProblem(name);
      for (const scope of [
        ['--scope', 'full'],
        ['--scope', 'bundle', '--bundle', name],
      ]) {
        const pkg = join(dir, 'p.walnut');
        const r = await runCaptured(createCommand, ['--walnut', walnut, ...scope, '--output', pkg, '--json']);
        if (receiver === undefined) {
          expect(r.code, `${name} ${scope}: ${r.stdout}`).toBe(0);
          rmSync(pkg);
          continue;
        }
        expect(r.code, `${name} ${scope}: ${r.stdout}`).toBe(1);
        const j = JSON.parse(r.stdout);
        expect(j.error.code).toBe('unpackable_name');
        expect(j.error.message).toMatch(
          new RegExp(`^the bundle folder name '.+' .*${escapeRegExp(receiver)}, which a receiver refuses; rename the folder before sharing$`),
        );
        expect(existsSync(pkg)).toBe(false);
      }
    }
  });

  it('a held-back bundle is not packed, so its name stops nothing', async () => {
    const dir = join(root, `held-name-${home.n}`);
    const walnut = makeWalnut(join(dir, 'w'), { 'bundles/a$b/context.manifest.yaml': 'sensitivity: restricted\n' });
    const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', join(dir, 'p.walnut'), '--json']);
    expect(r.code, r.stdout).toBe(0);
    expect(JSON.parse(r.stdout).held_back).toEqual(['a$b']);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
