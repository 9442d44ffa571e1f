/**
 * Gzip members that carry their own length (issue 16: parallel inflate). The writer's output is
 * an ordinary gzip stream for gzip, Node and Python; the parallel reader gives exactly the bytes
 * a serial reader gives, and a length that lies, a truncated file or a member that inflates too
 * far ends in a bad_archive refusal, never a hang, never a write outside the target.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredMemberLength, inflatedGzipFile, MEMBER_LIMIT, withMemberLength } from '../../scripts/lib/package/gzip-members.ts';
import { ParallelGzipWriter } from '../../scripts/lib/package/gzip-writer.ts';
import { createPlainPackage } from '../../scripts/lib/package/create.ts';
import { extractPackage } from '../../scripts/lib/package/extract.ts';
import { DEFAULT_MAX_SIZE } from '../../scripts/lib/package/limits.ts';
import { rmrf, tempRoot } from './helpers.ts';
import { PYTHON } from '../support/python.ts';

let root: string;
beforeAll(() => {
  root = tempRoot('members');
});
afterAll(() => rmrf(root));

function textLike(n: number, seed: number): Buffer {
  const words = ['walnut', 'bundle', 'kernel', 'relay', 'the', 'of', 'and', 'package', String(seed)];
  const parts: string[] = [];
  let len = 0;
  let x = seed;
  while (len < n) {
    x = (x * 1103515245 + 12345) >>> 0;
    const w = words[x % words.length]!;
    parts.push(w);
    len += w.length + 1;
  }
  return Buffer.from(parts.join(' ')).subarray(0, n);
}

async function writeMembers(data: Buffer, blockSize: number): Promise<Buffer> {
  const out: Buffer[] = [];
  const gz = new ParallelGzipWriter(
    async (c) => {
      out.push(c);
    },
    { blockSize },
  );
  for (let off = 0; off < data.length; off += 7000) await gz.write(data.subarray(off, off + 7000));
  await gz.end();
  return Buffer.concat(out);
}

/** Offsets of the members of a stream we wrote, by walking the declared lengths. */
function memberOffsets(gz: Buffer): number[] {
  const offs: number[] = [];
  let off = 0;
  while (off < gz.length) {
    const n = declaredMemberLength(gz.subarray(off));
    if (n === undefined) break;
    offs.push(off);
    off += n;
  }
  return offs;
}

async function inflate(path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of inflatedGzipFile(path, 'test.walnut') as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

function setLength(gz: Buffer, memberOffset: number, length: number): Buffer {
  const copy = Buffer.from(gz);
  copy.writeUInt32LE(length, memberOffset + 16);
  return copy;
}

describe('members that carry their length', () => {
  const data = Buffer.concat([textLike(300_000, 1), randomBytes(100_000), textLike(200_000, 2)]);
  let gz: Buffer;
  let path: string;
  beforeAll(async () => {
    gz = await writeMembers(data, 64 * 1024);
    path = join(root, 'members.gz');
    writeFileSync(path, gz);
  });

  it('every member says its length, and gzip, Node and Python read the stream unchanged', () => {
    const offs = memberOffsets(gz);
    expect(offs.length).toBeGreaterThan(5);
    const last = offs[offs.length - 1]!;
    expect(last + declaredMemberLength(gz.subarray(last))!).toBe(gz.length);
    expect(gunzipSync(gz).equals(data)).toBe(true);
    const gzip = spawnSync('gzip', ['-dc', path], { maxBuffer: 1 << 24 });
    expect(gzip.status, String(gzip.stderr)).toBe(0);
    expect(gzip.stdout.equals(data)).toBe(true);
    const py = spawnSync(PYTHON, ['-c', 'import gzip,sys,hashlib; print(hashlib.sha256(gzip.open(sys.argv[1]).read()).hexdigest())', path]);
    if (py.status === null || py.error) return; // no python3 here: gzip and Node above still checked
    expect(String(py.stdout).trim()).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('the parallel reader gives exactly the serial bytes', async () => {
    expect((await inflate(path)).equals(data)).toBe(true);
  });

  it('a member written by another gzip makes the reader go on serially', async () => {
    const tail = textLike(50_000, 3);
    const mixed = join(root, 'mixed.gz');
    writeFileSync(mixed, Buffer.concat([gz, gzipSync(tail), gzipSync(textLike(1000, 4))]));
    expect((await inflate(mixed)).equals(Buffer.concat([data, tail, textLike(1000, 4)]))).toBe(true);
    const plain = join(root, 'plain.gz');
    writeFileSync(plain, gzipSync(data));
    expect((await inflate(plain)).equals(data)).toBe(true);
  });

  it('a length that spans two whole members still gives the serial bytes', async () => {
    const [a, b, c] = memberOffsets(gz);
    const lying = join(root, 'span.gz');
    writeFileSync(lying, setLength(gz, a!, c! - a!));
    expect(b).toBeGreaterThan(a!);
    expect((await inflate(lying)).equals(data)).toBe(true);
  });

  const lies: Array<[string, (offs: number[]) => Buffer]> = [
    ['claims more than the file holds', (o) => setLength(gz, o[o.length - 1]!, gz.length)],
    ['claims fewer bytes than the member has', (o) => setLength(gz, o[1]!, o[2]! - o[1]! - 20)],
    ['claims a few bytes into the next member', (o) => setLength(gz, o[1]!, o[2]! - o[1]! + 12)],
    ['claims less than a header', (o) => setLength(gz, o[1]!, 3)],
    ['claims zero', (o) => setLength(gz, o[0]!, 0)],
    ['claims more than the member limit', (o) => setLength(gz, o[0]!, MEMBER_LIMIT + 1)],
    ['is cut in the middle of a member', (o) => gz.subarray(0, o[3]! + 100)],
    [
      'has its trailer changed (CRC)',
      (o) => {
        const copy = Buffer.from(gz);
        const at = o[2]! - 8;
        copy[at] = copy[at]! ^ 0xff;
        return copy;
      },
    ],
  ];
  for (const [what, make] of lies) {
    it(`a stream whose member ${what} is refused as bad_archive`, async () => {
      const p = join(root, `lie-${what.replace(/\W+/g, '-')}.gz`);
      writeFileSync(p, make(memberOffsets(gz)));
      await expect(inflate(p)).rejects.toMatchObject({ code: 'bad_archive' });
    });
  }

  it('a member that inflates past the limit is refused without growing memory', async () => {
    const bomb = withMemberLength(gzipSync(Buffer.alloc(MEMBER_LIMIT + 1)), 1);
    expect(declaredMemberLength(bomb)).toBe(bomb.length);
    const p = join(root, 'bomb.gz');
    writeFileSync(p, Buffer.concat([bomb, bomb, bomb, bomb, bomb]));
    const err = await inflate(p).then(
      () => 'inflated',
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'bad_archive', message: expect.stringContaining('inflates past') });
  });

  it('members before a damaged one are delivered first, as a serial reader would', async () => {
    const offs = memberOffsets(gz);
    const p = join(root, 'cut.gz');
    writeFileSync(p, gz.subarray(0, offs[4]! + 50));
    const got: Buffer[] = [];
    const err = await (async () => {
      for await (const c of inflatedGzipFile(p, 'cut') as AsyncIterable<Buffer>) got.push(c);
    })().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'bad_archive' });
    expect(gunzipSync(gz.subarray(0, offs[4]!)).equals(Buffer.concat(got))).toBe(true);
  });
});

describe('many tiny members', () => {
  it('are inflated a window at a time, not one call each (a package of 31-byte members was ~700 times slower than gzip)', async () => {
    const one = withMemberLength(gzipSync(Buffer.from('x')), 1);
    const n = 20_000;
    const p = join(root, 'tiny.gz');
    writeFileSync(p, Buffer.concat(Array.from({ length: n }, () => one)));
    let jobs = 0;
    const chunks: Buffer[] = [];
    for await (const c of inflatedGzipFile(p, 'tiny', () => jobs++) as AsyncIterable<Buffer>) chunks.push(c);
    expect(Buffer.concat(chunks).equals(Buffer.alloc(n, 'x'))).toBe(true);
    expect(jobs).toBeLessThan(n / 100);
  });

  it('a damaged member among tiny ones still delivers the members before it, then refuses', async () => {
    const member = (i: number) => withMemberLength(gzipSync(Buffer.from(`m${i};`)), 3 + String(i).length);
    const members = Array.from({ length: 500 }, (_, i) => member(i));
    const bad = Buffer.from(members[300]!);
    bad[bad.length - 8] = bad[bad.length - 8]! ^ 0xff; // its CRC
    members[300] = bad;
    const p = join(root, 'tiny-bad.gz');
    writeFileSync(p, Buffer.concat(members));
    const got: Buffer[] = [];
    const err = await (async () => {
      for await (const c of inflatedGzipFile(p, 'tiny-bad') as AsyncIterable<Buffer>) got.push(c);
    })().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'bad_archive' });
    expect(Buffer.concat(got).toString()).toBe(Array.from({ length: 300 }, (_, i) => `m${i};`).join(''));
  });
});

describe('extract of a package whose member lengths lie', () => {
  it('refuses with bad_archive and leaves neither the output nor a staging folder', async () => {
    const walnut = join(root, 'w');
    mkdirSync(join(walnut, '_kernel'), { recursive: true });
    writeFileSync(join(walnut, '_kernel', 'key.md'), '---\ntype: venture\n---\n# W\n');
    for (let i = 0; i < 40; i++) writeFileSync(join(walnut, `f${i}.md`), textLike(60_000, i));
    const pkg = join(root, 'w.walnut');
    await createPlainPackage({ walnut, scope: 'full', bundles: [], output: pkg, allowSensitive: false });
    const bytes = readFileSync(pkg);
    const offs = memberOffsets(bytes);
    expect(offs.length).toBeGreaterThan(1);
    const out = join(root, 'out-parent');
    mkdirSync(out);
    for (const [i, bad] of [
      [0, setLength(bytes, offs[1]!, offs[1]! + 5)],
      [1, setLength(bytes, offs[1]!, bytes.length)],
      [2, setLength(bytes, 0, 0xffffffff)],
    ] as const) {
      const p = join(root, `lie-${i}.walnut`);
      writeFileSync(p, bad);
      await expect(extractPackage(p, join(out, `x${i}`), { maxBytes: DEFAULT_MAX_SIZE })).rejects.toMatchObject({ code: 'bad_archive' });
    }
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(join(root, 'x0'))).toBe(false);
  });
});
