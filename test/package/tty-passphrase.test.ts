/**
 * Passphrases on a terminal (issue 17): with WALNUT_PASSPHRASE unset and the command on a TTY,
 * `create` asks twice without echo, `verify`, `extract` and `receive` once. The built CLI runs on
 * a real pseudo-terminal (python3's pty module, test/support/pty-run.py) that types each answer
 * only after the prompt appeared; what the terminal showed must never hold the passphrase.
 * Every run derives passphrase keys with 1000 PBKDF2 rounds (test/support/pbkdf2-rounds.mjs), not
 * the format's 600000: what is under test is the terminal, and the package the typed passphrase made
 * is opened by the same runs (the count is proven in test/crypto/passphrase.test.ts and, through
 * the bundle, in test/package-crypto/encrypted-packages.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, makeWalnut, repoRoot, rmrf, sandboxEnv, tempRoot } from './helpers.ts';
import { PBKDF2_ROUNDS } from '../support/bundles.ts';
import { PYTHON } from '../support/python.ts';

const PTY_RUN = join(repoRoot, 'test', 'support', 'pty-run.py');
const SECRET = 'tty-only secret phrase';

let root: string;
let walnut: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  root = tempRoot('tty');
  env = sandboxEnv(root);
  walnut = makeWalnut(join(root, 'nova'), { 'notes/a.md': 'typed\n' });
});
afterAll(() => rmrf(root));

function onTerminal(args: string[], answers: string[]): { status: number; output: string } {
  const r = spawnSync(PYTHON, [PTY_RUN, JSON.stringify([process.execPath, '--import', PBKDF2_ROUNDS, CLI, ...args]), JSON.stringify(answers)], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { status: number; output: string };
}

function prompts(output: string): string[] {
  return output.match(/Passphrase(?: again)?: /g) ?? [];
}

// A story: each test builds on the state the one before left, so the order stays (also under --sequence.shuffle).
describe('passphrase prompts on a terminal', { shuffle: false }, () => {
  let pkg: string;

  it('create asks twice without echo', () => {
    pkg = join(root, 'typed.walnut');
    const r = onTerminal(['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--encrypt', 'passphrase'], [SECRET, SECRET]);
    expect(r.status, r.output).toBe(0);
    expect(prompts(r.output)).toEqual(['Passphrase: ', 'Passphrase again: ']);
    expect(r.output).not.toContain(SECRET);
    expect(r.output).not.toContain('tty-only');
  });

  it('create refuses two different answers and writes nothing', () => {
    const out = join(root, 'mismatch.walnut');
    const r = onTerminal(['create', '--walnut', walnut, '--scope', 'full', '--output', out, '--encrypt', 'passphrase'], [SECRET, `${SECRET}!`]);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/error: the two passphrases differ/);
    expect(existsSync(out)).toBe(false);
  });

  it('verify and extract ask once, and open the package with the passphrase typed to create; a wrong answer is a wrong passphrase', () => {
    const v = onTerminal(['verify', pkg], [SECRET]);
    expect(v.status, v.output).toBe(0);
    expect(prompts(v.output)).toEqual(['Passphrase: ']);
    expect(v.output).toMatch(/OK: /);
    expect(v.output).not.toContain(SECRET);

    const dest = join(root, 'out');
    const x = onTerminal(['extract', pkg, '--output', dest], [SECRET]);
    expect(x.status, x.output).toBe(0);
    expect(prompts(x.output)).toEqual(['Passphrase: ']);
    expect(readFileSync(join(dest, 'notes', 'a.md'), 'utf8')).toBe('typed\n');

    const wrong = onTerminal(['verify', pkg], ['not it']);
    expect(wrong.status).toBe(1);
    expect(wrong.output).toMatch(/wrong passphrase/);
  });

  it('receive asks once', () => {
    const world = join(root, 'world');
    mkdirSync(join(world, '.alive'), { recursive: true });
    mkdirSync(join(world, '03_Inbox'), { recursive: true });
    const r = onTerminal(['receive', pkg, '--world', world], [SECRET]);
    expect(r.status, r.output).toBe(0);
    expect(prompts(r.output)).toEqual(['Passphrase: ']);
    expect(readFileSync(join(world, '03_Inbox', 'nova', 'notes', 'a.md'), 'utf8')).toBe('typed\n');
  });

  it('the variable, when set, is used without asking', () => {
    const saved = env.WALNUT_PASSPHRASE;
    env.WALNUT_PASSPHRASE = SECRET;
    try {
      const v = onTerminal(['verify', pkg], []);
      expect(v.status, v.output).toBe(0);
      expect(prompts(v.output)).toEqual([]);
    } finally {
      if (saved === undefined) delete env.WALNUT_PASSPHRASE;
      else env.WALNUT_PASSPHRASE = saved;
    }
  });
});

describe('create refuses a bad --output before it asks', () => {
  for (const [what, output] of [
    ['an existing folder', () => root],
    [
      'an existing file',
      () => {
        const taken = join(root, 'taken.walnut');
        writeFileSync(taken, 'precious');
        return taken;
      },
    ],
  ] as const) {
    it(`${what}: no prompt, the error line, nothing typed`, () => {
      const out = output();
      const before = readdirSync(root).sort();
      const r = onTerminal(['create', '--walnut', walnut, '--scope', 'full', '--output', out, '--encrypt', 'passphrase'], [SECRET, SECRET]);
      expect(r.status, r.output).toBe(1);
      expect(prompts(r.output)).toEqual([]);
      expect(r.output).toMatch(/error: .*(is a folder|already exists)/);
      expect(readdirSync(root).sort()).toEqual(before);
    });
  }
});
