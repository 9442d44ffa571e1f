/**
 * What reading a manifest costs is bounded by what a package can hold, not by the 32 MiB a
 * manifest.yaml may take. A 33 KB package whose manifest was 32 MiB of `#` lines (16 million lines,
 * each kept as a string by the line reader) took verify to 886 MB of memory and 5 s, info to 375
 * MB; one listing 2.8 million bundles took verify to 615 MB and 9 s, one listing 310,000 files
 * (none of which could be in a package of 100,000 entries) to 470 MB. The line readers (the
 * manifest's, the signature block's) now walk the text without keeping its lines; a manifest of
 * more lines than MANIFEST_LINES_LIMIT, or with a list (files, bundles) longer than the entries a
 * package holds, is refused (`too_large`) where it passes the limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runNode } from '../../bench/lib.ts';
import { MANIFEST_LINES_LIMIT, MAX_PACKAGE_ENTRIES } from '../../scripts/lib/package/limits.ts';
import { canonicalManifestForSignature, readSignatureBlock } from '../../scripts/lib/crypto/sign.ts';
import { parseManifest } from '../../scripts/lib/package/manifest.ts';
import { CLI, rmrf, sandboxEnv, tempRoot } from './helpers.ts';
import { TAR_END, rawMember } from './tar-fixtures.ts';

const EMPTY_SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const HEAD = [
  'format_version: "2.0.0"',
  '',
  'source:',
  '  walnut: w',
  '  plugin_version: "2.0.0"',
  '',
  'scope: full',
  'created: "2026-04-01T12:00:00Z"',
  'encrypted: false',
  '',
  'files:',
  '  - path: _kernel/key.md',
  `    sha256: ${EMPTY_SHA}`,
  '    size: 0',
  '',
].join('\n');
/** Just under the 32 MiB a manifest.yaml may take. */
const ROOM = 32 * 1024 * 1024 - HEAD.length - 1024;

/** A package of that manifest (first) and an empty _kernel/key.md, gzipped at `level`. */
function packageOf(path: string, manifest: string | Buffer, level = 6): string {
  writeFileSync(path, gzipSync(Buffer.concat([rawMember('manifest.yaml', manifest), rawMember('_kernel/key.md', ''), TAR_END]), { level }));
  return path;
}

/**
 * `  - b0\n  - b1\n…`, whole lines of at most `room` bytes: millions of bundles. Made as bytes
 * 10,000 lines at a time (joining 33 MB of strings took the worker half a second more).
 */
function bundleLinesFilling(room: number): Buffer {
  const parts: Buffer[] = [];
  let bytes = 0;
  for (let n = 0; bytes < room; n += 10_000) {
    let lines = '';
    for (let i = n; i < n + 10_000; i++) lines += `  - b${i}\n`;
    parts.push(Buffer.from(lines, 'latin1'));
    bytes += parts[parts.length - 1]!.length;
  }
  const all = Buffer.concat(parts, bytes);
  return all.subarray(0, all.lastIndexOf(0x0a, room - 1) + 1);
}

const bundleLines = (count: number) => `bundles:\n${Array.from({ length: count }, (_, i) => `  - b${i}\n`).join('')}`;
const fileLines = (count: number) => Array.from({ length: count }, (_, i) => `  - path: f${i}\n    sha256: ${EMPTY_SHA}\n    size: 0\n`).join('');

let root: string;
beforeAll(() => {
  root = tempRoot('manifest-memory');
});
afterAll(() => rmrf(root));

describe('a manifest: what reading it costs is bounded', () => {
  it(`a list of more than ${MAX_PACKAGE_ENTRIES} items (files or bundles) is refused (too_large); one of as many is read`, () => {
    const files = `${HEAD.replace(/\n\n$/, '\n')}${fileLines(MAX_PACKAGE_ENTRIES)}`;
    expect(() => parseManifest(files)).toThrow(
      expect.objectContaining({ code: 'too_large', message: expect.stringMatching(/lists more than 100000 items under 'files'/) }),
    );
    // The same list without its last two files.
    expect(parseManifest(files.slice(0, files.indexOf(`  - path: f${MAX_PACKAGE_ENTRIES - 2}\n`))).files).toHaveLength(MAX_PACKAGE_ENTRIES - 1);
    expect(() => parseManifest(HEAD + bundleLines(MAX_PACKAGE_ENTRIES + 1))).toThrow(
      expect.objectContaining({ code: 'too_large', message: expect.stringMatching(/lists more than 100000 items under 'bundles'/) }),
    );
  });

  it(`a manifest of more than ${MANIFEST_LINES_LIMIT} lines is refused (too_large); one of as many is read`, () => {
    const text = (lines: number) => HEAD + '#\n'.repeat(lines - HEAD.split('\n').length + 1);
    expect(text(MANIFEST_LINES_LIMIT).split('\n')).toHaveLength(MANIFEST_LINES_LIMIT + 1);
    expect(parseManifest(text(MANIFEST_LINES_LIMIT)).files).toHaveLength(1);
    expect(() => parseManifest(`${text(MANIFEST_LINES_LIMIT)}#`)).toThrow(
      expect.objectContaining({
        code: 'too_large',
        message: expect.stringMatching(/it is more than 1000000 lines long, longer than any package's \(line 1000001\)/),
      }),
    );
  });

  it('the signature block is read, and the signed text made, as before (a walked text, not a split one)', () => {
    const block = 'signature:\n  algorithm: "rsa-sha256"\n  signer: "alice"\n  signer: "mallory"\n  value: "QUJD"\n';
    const text = `${HEAD}bundles:\n  - b\n${block}\nnote: x\r\n\n  \n\n`;
    expect(readSignatureBlock(text)).toEqual({ algorithm: 'rsa-sha256', signer: 'alice', value: 'QUJD' });
    expect(canonicalManifestForSignature(text)).toBe(`${HEAD}bundles:\n  - b\n\nnote: x\r\n`);
    expect(canonicalManifestForSignature(`${block}\n\n`)).toBe('\n');
    expect(canonicalManifestForSignature('a')).toBe('a\n');
    expect(readSignatureBlock(HEAD)).toBeUndefined();
  });

  // Child processes' peak RSS (a memory bound, not a timing). verify, which took the most (it reads
  // the signature block too); info goes through the same manifest reader, refused above in-process.
  it('verify of a 33 KB package whose manifest is 32 MiB of comment lines, or of millions of bundles, stays under 200 MiB and refuses it', () => {
    const env = sandboxEnv(root);
    const comments = packageOf(join(root, 'comments.walnut'), HEAD + '#\n'.repeat(Math.floor(ROOM / 2)));
    // gzip's fastest level: the list compresses to about 6.4 MB at any level, at a quarter of level 6's CPU.
    const many = packageOf(join(root, 'bundles.walnut'), Buffer.concat([Buffer.from(`${HEAD}bundles:\n`), bundleLinesFilling(ROOM)]), 1);
    for (const [pkg, why] of [
      [comments, /is more than 1000000 lines long/],
      [many, /lists more than 100000 items under 'bundles'/],
    ] as const) {
      for (const command of ['verify']) {
        const r = runNode(CLI, [command, pkg], { env, cwd: root });
        expect(r.peakRssMb, 'peak RSS was not measured').toBeGreaterThan(10);
        expect(r.peakRssMb!, `${command} ${pkg}: peak RSS ${r.peakRssMb!.toFixed(0)} MiB`).toBeLessThan(200);
        expect(r.status, r.stderr).toBe(1);
        expect(r.stderr).toMatch(why);
      }
    }
  }, 120_000);
});
