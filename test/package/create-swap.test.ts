/**
 * A file of the walnut swapped for something else after collect looked at it (a link out of the
 * walnut, a FIFO, another file) is refused as changed_while_packing by both reads, the hashing one
 * and the packing one, and no package is left: create never follows a link out of the walnut and
 * never waits on a FIFO. The swaps happen between the calls create makes, so nothing here races.
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectWalnut, type PlannedFile } from '../../scripts/lib/package/collect.ts';
import { planPackage, writePlannedFiles } from '../../scripts/lib/package/create.ts';
import { writeTarGz } from '../../scripts/lib/package/archive-out.ts';
import { digestPackedBytes, packedBytesChecked } from '../../scripts/lib/package/file-source.ts';
import { makeWalnut, rmrf, tempRoot } from './helpers.ts';

let root: string;
let n = 0;
beforeAll(() => {
  root = tempRoot('create-swap');
});
afterAll(() => rmrf(root));

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** A walnut with data/zzz.md and data/notes.yaml, and a secret outside it. */
function setUp(): { walnut: string; secret: string } {
  const dir = join(root, `case-${n++}`);
  const walnut = makeWalnut(join(dir, 'w'), { 'data/aaa.md': 'first\n', 'data/zzz.md': 'last\n', 'data/notes.yaml': 'goal: x\n' });
  const secret = join(dir, 'outside-secret.txt');
  writeFileSync(secret, 'the secret outside the walnut\n');
  return { walnut, secret };
}

function planned(walnut: string, path: string): PlannedFile {
  const f = [...collectWalnut({ walnut, scope: 'full', bundles: [], allowSensitive: false }).files].find((x) => x.path === path);
  if (!f) throw new Error(`${path} not planned`);
  return f;
}

/** `ln -sf target tmp && mv -T tmp path`: the path names a link from one moment to the next. */
function swapForLink(path: string, target: string): void {
  symlinkSync(target, `${path}.tmp`);
  renameSync(`${path}.tmp`, path);
}

const changed = { code: 'changed_while_packing' };

describe('a file swapped after collect', () => {
  for (const path of ['data/zzz.md', 'data/notes.yaml']) {
    it(`${path} swapped for a link out of the walnut: the hashing read refuses it`, async () => {
      const { walnut, secret } = setUp();
      const f = planned(walnut, path);
      swapForLink(join(walnut, path), secret);
      await expect(digestPackedBytes(f)).rejects.toMatchObject(changed);
    });

    it(`${path} swapped for a link to a copy of itself after hashing: the packing read refuses it`, async () => {
      const { walnut } = setUp();
      const f = planned(walnut, path);
      const d = await digestPackedBytes(f);
      // The same bytes, so the hash check alone would pass: another file is another file.
      const copy = join(walnut, '..', 'copy');
      copyFileSync(join(walnut, path), copy);
      swapForLink(join(walnut, path), copy);
      const read = async () => {
        for await (const _ of packedBytesChecked(f, d)) {
          /* drain */
        }
      };
      await expect(read()).rejects.toMatchObject(changed);
    });

    it(`${path} replaced by another regular file: refused as changed`, async () => {
      const { walnut } = setUp();
      const f = planned(walnut, path);
      const other = join(walnut, 'data', 'other');
      writeFileSync(other, path.endsWith('.yaml') ? 'goal: x\n' : 'last\n');
      renameSync(other, join(walnut, path));
      await expect(digestPackedBytes(f)).rejects.toMatchObject(changed);
    });
  }

  it('data/zzz.md swapped for a FIFO that a writer feeds: refused at once, never read', async () => {
    const { walnut } = setUp();
    const f = planned(walnut, 'data/zzz.md');
    const fifo = join(walnut, 'data', 'zzz.md');
    rmSync(fifo);
    execFileSync('mkfifo', [fifo]);
    // A writer, so that a blocking open of the FIFO would not hang this test: it would read this.
    const writer = spawn('sh', ['-c', 'printf "fed through the fifo" > "$1"', 'sh', fifo], { stdio: 'ignore' });
    children.push(writer);
    await expect(digestPackedBytes(f)).rejects.toMatchObject(changed);
  });

  it('create as a whole: the swap between hashing and packing leaves no package and no partial file', async () => {
    const { walnut, secret } = setUp();
    const plan = await planPackage({ walnut, scope: 'full', bundles: [], allowSensitive: false });
    writeFileSync(secret, 'last\n');
    swapForLink(join(walnut, 'data/zzz.md'), secret);
    const out = join(walnut, '..', 'out.walnut');
    await expect(writeTarGz(out, (tar) => writePlannedFiles(tar, plan))).rejects.toMatchObject({
      code: 'changed_while_packing',
      message: expect.stringMatching(/^data\/zzz\.md changed while create was packing it \(.+\); run create again once nothing else changes it$/),
    });
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(walnut, '..')).sort()).toEqual(['outside-secret.txt', 'w']);
  });
});

describe('a folder above a planned file swapped for a link out of the walnut', () => {
  /**
   * Collect checks a folder, lists it, then looks at each file: a folder swapped for a link in
   * between makes it record the file outside (its device and inode) at the walnut's path. This is
   * that plan, made deterministically: the read must still refuse the file outside.
   */
  function plannedThroughSwappedFolder(): { f: PlannedFile; outside: string } {
    const { walnut } = setUp();
    const f = planned(walnut, 'data/zzz.md');
    const outside = join(walnut, '..', 'aws');
    mkdirSync(outside);
    writeFileSync(join(outside, 'zzz.md'), 'aws_secret_access_key = outside\n');
    renameSync(join(walnut, 'data'), join(walnut, 'data.real'));
    symlinkSync(outside, join(walnut, 'data'));
    const st = lstatSync(f.source);
    return { f: { ...f, dev: st.dev, ino: st.ino, diskSize: st.size }, outside };
  }

  it('the hashing read refuses it', async () => {
    const { f } = plannedThroughSwappedFolder();
    await expect(digestPackedBytes(f)).rejects.toMatchObject({
      ...changed,
      message: expect.stringMatching(/^data\/zzz\.md changed while create was packing it \(.*outside the walnut.*\)/),
    });
  });

  it('the packing read refuses it', async () => {
    const { f, outside } = plannedThroughSwappedFolder();
    // The digest of the file outside, so that only the path check can refuse it.
    const bytes = readFileSync(join(outside, 'zzz.md'));
    const digest = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
    const read = async () => {
      for await (const _ of packedBytesChecked(f, digest)) {
        /* drain */
      }
    };
    await expect(read()).rejects.toMatchObject({ ...changed, message: expect.stringContaining('outside the walnut') });
  });
});

describe('a file that grows after collect, and Ctrl-C while create hashes', () => {
  for (const path of ['data/zzz.md', 'data/notes.yaml']) {
    it(`${path} grown past the size collect saw (a sparse file of a terabyte is as cheap): the hashing read stops and refuses it`, async () => {
      const { walnut } = setUp();
      const f = planned(walnut, path);
      writeFileSync(join(walnut, path), 'x'.repeat(64 * 1024)); // the same inode, grown
      await expect(digestPackedBytes(f)).rejects.toMatchObject({ ...changed, message: expect.stringContaining('it grew while create read it') });
    });
  }

  it('hashing a large file lets the event loop run (a Ctrl-C is handled there), and reads no more than the file', async () => {
    const { walnut } = setUp();
    const big = join(walnut, 'data', 'big.bin');
    writeFileSync(big, Buffer.alloc(48 * 1024 * 1024));
    const f = planned(walnut, 'data/big.bin');
    let turned = false;
    setImmediate(() => {
      turned = true;
    });
    const d = await digestPackedBytes(f);
    expect(d.size).toBe(48 * 1024 * 1024);
    expect(turned).toBe(true);
  });
});
