/**
 * A package whose content passes what verify, extract, receive and relay pull take by default
 * (4 GiB, limits.ts) is still written, and create says so: on stderr and in --json, naming the
 * largest files, the limit, and the --max-size a receiver passes to open it. The limit is lowered
 * here (setReceiverLimitForTests): a walnut of 4 GiB would take the suite a minute to pack.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { overReceiverLimit, setReceiverEntriesForTests, setReceiverLimitForTests } from '../../scripts/lib/package/receiver-limit.ts';
import { receiverLimitWarning } from '../../scripts/lib/package/commands/create.ts';
import { DEFAULT_MAX_SIZE } from '../../scripts/lib/package/limits.ts';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { makeWalnut, rmrf, sandboxEnv, tempRoot } from './helpers.ts';

let root: string;
let n = 0;
beforeAll(() => {
  root = tempRoot('receiver-limit');
  setPbkdf2IterationsForTests(1000);
});
afterEach(() => setReceiverLimitForTests(undefined));
afterAll(() => {
  setReceiverLimitForTests(undefined);
  setPbkdf2IterationsForTests(undefined);
  rmrf(root);
});

describe('overReceiverLimit', () => {
  it('is the default limit of the readers, counting room for the manifest beside the content', () => {
    expect(overReceiverLimit([{ path: 'a', size: DEFAULT_MAX_SIZE - 2 * 2 ** 20 }])).toBeUndefined();
    expect(overReceiverLimit([{ path: 'a', size: DEFAULT_MAX_SIZE }])).toEqual({
      limit: DEFAULT_MAX_SIZE,
      bytes: DEFAULT_MAX_SIZE,
      max_size: 5 * 2 ** 30,
      largest: [{ path: 'a', bytes: DEFAULT_MAX_SIZE }],
      files: 1,
    });
  });

  it('names the three largest files, largest first, and the warning says what a receiver passes', () => {
    const files = [
      { path: 'b.bin', size: 3 * 2 ** 30 },
      { path: 'small.md', size: 10 },
      { path: 'a.bin', size: 2 ** 30 },
      { path: 'c\u001b.bin', size: 2 * 2 ** 30 },
      { path: 'd.bin', size: 2 ** 29 },
    ];
    const over = overReceiverLimit(files)!;
    const bytes = files.reduce((a, f) => a + f.size, 0);
    expect(over).toEqual({
      limit: DEFAULT_MAX_SIZE,
      bytes,
      max_size: 7 * 2 ** 30,
      files: 5,
      largest: [
        { path: 'b.bin', bytes: 3 * 2 ** 30 },
        { path: 'c\u001b.bin', bytes: 2 * 2 ** 30 },
        { path: 'a.bin', bytes: 2 ** 30 },
      ],
    });
    expect(receiverLimitWarning(over)).toBe(
      `the package holds 6.50 GiB of content, past the 4.00 GiB that verify, extract, receive and relay pull take by default ` +
        `(largest: b.bin 3.00 GiB, c\\x1b.bin 2.00 GiB, a.bin 1.00 GiB, and 2 more files): a receiver refuses it unless they pass ` +
        `--max-size ${7 * 2 ** 30} (7.00 GiB) or more; to send less, leave large files out with .walnutignore`,
    );
  });
});

describe('create warns when a receiver would refuse the package by default', () => {
  const make = () => makeWalnut(join(root, `w-${n++}`), { 'data/big.bin': Buffer.alloc(3000, 7), 'notes/a.md': 'a\n' });

  for (const [name, extra] of [
    ['plain', []],
    ['passphrase', ['--encrypt', 'passphrase']],
    ['format 2.1', ['--format', '2.1']],
  ] as const) {
    it(`${name}: stderr and --json name the file, the limit and the --max-size to pass; the advice opens it`, async () => {
      const walnut = make();
      setReceiverLimitForTests(2000);
      const env = sandboxEnv(join(root, `home-${n++}`), { WALNUT_PASSPHRASE: 'a passphrase' });
      const pkg = join(root, `p-${n++}.walnut`);
      const r = await aliveInProcess(['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--json', ...extra], env);
      expect(r.status, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout);
      const over = j.over_receiver_limit;
      expect(over).toMatchObject({ limit: 2000, bytes: j.bytes, max_size: 2 ** 30, files: j.files });
      expect(over.largest[0]).toEqual({ path: 'data/big.bin', bytes: 3000 });
      expect(r.stderr).toContain('past the 2.0 KiB that verify, extract, receive and relay pull take by default (largest: data/big.bin 2.9 KiB, ');
      expect(r.stderr).toContain(`a receiver refuses it unless they pass --max-size ${2 ** 30} (1.00 GiB) or more`);

      const refused = await aliveInProcess(['verify', pkg, '--max-size', '2000', '--json'], env);
      expect(refused.status).toBe(1);
      expect(JSON.parse(refused.stdout).error.code).toBe('too_large');
      const opened = await aliveInProcess(['verify', pkg, '--max-size', String(over.max_size), '--json'], env);
      expect(opened.status, opened.stdout).toBe(0);
    });
  }

  it('a package within the limit carries no such field and no warning', async () => {
    const walnut = make();
    const env = sandboxEnv(join(root, `home-${n++}`));
    const r = await aliveInProcess(['create', '--walnut', walnut, '--scope', 'full', '--output', join(root, `p-${n++}.walnut`), '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).not.toHaveProperty('over_receiver_limit');
    expect(r.stderr).not.toContain('--max-size');
  });
});

describe('create refuses a walnut of more files than any receiver reads', () => {
  it("past the readers' entry limit (MAX_PACKAGE_ENTRIES, limits.ts), create refuses before writing, as too_large", async () => {
    // Lowered here as the size above: a walnut of 100,000 files takes the suite long to pack.
    const walnut = makeWalnut(join(root, `w-${n++}`), { 'a.md': 'a\n', 'b.md': 'b\n', 'c/d.md': 'd\n' });
    const env = sandboxEnv(join(root, `home-${n++}`));
    setReceiverEntriesForTests(6); // room for 4 files beside the manifest and a primer
    const fits = join(root, `p-${n++}.walnut`);
    const ok = await aliveInProcess(['create', '--walnut', walnut, '--scope', 'full', '--output', fits, '--json'], env);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).files).toBe(4); // _kernel/key.md and three more
    setReceiverEntriesForTests(5);
    const pkg = join(root, `p-${n++}.walnut`);
    const r = await aliveInProcess(['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--json'], env);
    expect(r.status).toBe(1);
    const error = JSON.parse(r.stdout).error;
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(
      /^the walnut has 4 files to pack, and a package holds at most 3: every receiver refuses more, whatever it passes\. Leave some out with \.walnutignore/,
    );
    expect(existsSync(pkg)).toBe(false);
    setReceiverEntriesForTests(undefined);
  });
});
