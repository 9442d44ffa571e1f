/**
 * Packages refuse what they cannot account for (issue 12): every tar member that is not a listed
 * regular file or a folder — including the types node-tar's parser skips without an 'entry' event
 * (GNU volume headers, multi-volume continuations, sparse files, unknown letters) — and a
 * manifest.yaml that is not valid UTF-8. Archives are built byte by byte here, so the member
 * types are exactly the ones named; verify, extract and receive run in-process.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { verifyPackageDetailed } from '../../scripts/lib/package/verify.ts';
import { extractPackage } from '../../scripts/lib/package/extract.ts';
import { readPackageHead } from '../../scripts/lib/package/info.ts';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWorld, testEnv, tree } from '../receive/helpers.ts';

const MAX = 1 << 30;

interface Member {
  name: string;
  type: string;
  data?: Buffer | string;
}

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

/** One ustar header block, written field by field (POSIX 1003.1-1988 layout). */
function header(name: string, type: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(1_700_000_000, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'latin1');
  h.write('ustar\u000000', 257, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

function tarOf(members: Member[]): Buffer {
  const parts: Buffer[] = [];
  for (const m of members) {
    const data = Buffer.from(m.data ?? '');
    parts.push(header(m.name, m.type, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const FILES: Record<string, string> = { '_kernel/key.md': '---\ntype: venture\n---\n# Key\n', 'notes/n.md': 'a note\n' };

function manifest(files: Record<string, string>): string {
  const lines = [
    'format_version: "2.0.0"',
    '',
    'source:',
    '  walnut: nova',
    '',
    'scope: full',
    'created: "2026-01-01T00:00:00Z"',
    'encrypted: false',
    '',
    'files:',
  ];
  for (const [p, c] of Object.entries(files)) lines.push(`  - path: ${p}`, `    sha256: ${sha(c)}`, `    size: ${Buffer.byteLength(c)}`);
  return `${lines.join('\n')}\n`;
}

function honestMembers(): Member[] {
  return [{ name: 'manifest.yaml', type: '0', data: manifest(FILES) }, ...Object.entries(FILES).map(([name, data]) => ({ name, type: '0', data }))];
}

function sandbox(): { dir: string; pkg: string } {
  const dir = mkdtempSync(join(tmpdir(), 'alive-unaccounted-'));
  return { dir, pkg: join(dir, 'p.walnut') };
}

async function expectRefusedEverywhere(pkg: string, dir: string, reason: RegExp): Promise<void> {
  const v = await verifyPackageDetailed(pkg, { maxSize: MAX });
  expect(v.result.ok).toBe(false);
  expect(v.result.problems[0]).toMatch(reason);
  const out = join(dir, 'out');
  await expect(extractPackage(pkg, out, { maxBytes: MAX })).rejects.toThrow(reason);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir).filter((n) => n.includes('alive-extract'))).toEqual([]);
}

describe("members node-tar's parser would skip are refused, not dropped", () => {
  // V: tape volume header, M: multi-volume continuation, S: GNU sparse, A/I: Solaris ACL and inode
  // records, Z and q: letters no tar standard defines. The parser emits no 'entry' for any of them.
  const types: Array<[string, string]> = [
    ['Z', 'an unknown type letter'],
    ['V', 'a tape volume header'],
    ['M', 'a multi-volume continuation'],
    ['S', 'a GNU sparse file'],
    ['A', 'a Solaris ACL record'],
    ['I', 'an inode record'],
    ['q', 'a lower-case unknown letter'],
  ];
  for (const [type, what] of types) {
    it(`refuses an unlisted member of type '${type}' (${what}) in verify and extract, writing nothing`, async () => {
      const { dir, pkg } = sandbox();
      writeFileSync(pkg, gzipSync(tarOf([...honestMembers(), { name: 'notes/hidden.md', type, data: 'smuggled\n' }])));
      await expectRefusedEverywhere(pkg, dir, /notes\/hidden\.md.*(unsupported|type)/);
    });
  }

  it("refuses a member of type 'S' even before the manifest", async () => {
    const { dir, pkg } = sandbox();
    const [m, ...rest] = honestMembers();
    writeFileSync(pkg, gzipSync(tarOf([m!, { name: 'x', type: 'S', data: 'sparse' }, ...rest])));
    await expectRefusedEverywhere(pkg, dir, /'x'.*type/);
  });

  it('refuses an oversized pax header the parser would ignore', async () => {
    const { dir, pkg } = sandbox();
    const big = `${'9'.repeat(7)} comment=${'x'.repeat(1024 * 1024 + 10)}\n`;
    writeFileSync(pkg, gzipSync(tarOf([...honestMembers().slice(0, 1), { name: 'PaxHeader', type: 'x', data: big }, ...honestMembers().slice(1)])));
    await expectRefusedEverywhere(pkg, dir, /has a pax header of 1048603 bytes, more than the 65536/);
  });

  it('receive refuses the same package and leaves the world as it was', async () => {
    const { dir, pkg } = sandbox();
    writeFileSync(pkg, gzipSync(tarOf([...honestMembers(), { name: 'notes/hidden.md', type: 'V', data: 'smuggled\n' }])));
    const env = testEnv(dir);
    const world = makeWorld(dir, { layout: 'v2' });
    const before = tree(world);
    await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env })).rejects.toThrow(/notes\/hidden\.md/);
    expect(tree(world)).toEqual(before);
  });

  it('still accepts the honest package (the builder makes valid archives)', async () => {
    const { dir, pkg } = sandbox();
    writeFileSync(pkg, gzipSync(tarOf([...honestMembers(), { name: 'notes/', type: '5' }])));
    const v = await verifyPackageDetailed(pkg, { maxSize: MAX });
    expect(v.result).toMatchObject({ ok: true, files: 2 });
    await extractPackage(pkg, join(dir, 'out'), { maxBytes: MAX });
    expect(existsSync(join(dir, 'out', 'notes', 'n.md'))).toBe(true);
  });
});

describe('a manifest that is not UTF-8 is refused', () => {
  it('refuses invalid UTF-8 in manifest.yaml (verify, extract, info)', async () => {
    const { dir, pkg } = sandbox();
    // latin1 turns \u00ff into the lone byte 0xff, which is never valid UTF-8.
    const bad = Buffer.from(manifest(FILES).replace('walnut: nova', 'walnut: nov\u00ff'), 'latin1');
    writeFileSync(pkg, gzipSync(tarOf([{ name: 'manifest.yaml', type: '0', data: bad }, ...honestMembers().slice(1)])));
    await expectRefusedEverywhere(pkg, dir, /manifest\.yaml.*UTF-8/);
    await expect(readPackageHead(pkg)).rejects.toThrow(/manifest\.yaml.*UTF-8/);
  });
});
