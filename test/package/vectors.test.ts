/**
 * The package vectors (test/package/vectors/, made by vectors/generate.ts): each file is named by
 * the outcome a reader must give. In-process, every `fail_<code>_<case>.walnut` is refused with that
 * code by verify and by extract (into an absent folder, an empty one, and one below missing
 * folders), naming the entry and the reason its case gives, with nothing written anywhere in the
 * sandbox; every `good_<case>.walnut` verifies and extracts. A handful of refusals run through the
 * CLI too.
 * The fail_unsafe_* and fail_unlisted_file_* vectors are checked the same way in vectors-unsafe.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { DEFAULT_MAX_SIZE } from '../../scripts/lib/package/limits.ts';
import { readPackage } from '../../scripts/lib/package/read-package.ts';
import { hashOnlySink } from '../../scripts/lib/package/sinks.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { cliAsync, errorLine, sandboxEnv, snapshotTree, type CliResult } from './helpers.ts';
import { CASES, FILES, RAW_CONTROL, describeReader, isUnsafeHalf, sandboxes } from './vector-reader.ts';
import { GOOD, VECTOR_DIR, outcomeOf, vectorBytes, type Vector } from './vectors/generate.ts';

const sandbox = sandboxes('vectors');

describe('the vector files', () => {
  it('are exactly the cases of generate.ts, each named by its outcome', () => {
    expect(FILES).toEqual([...CASES.keys()].sort());
    for (const f of FILES) expect(outcomeOf(f)).toBe(CASES.get(f)!.outcome);
    expect(FILES.filter((f) => f.startsWith('fail_')).length).toBeGreaterThanOrEqual(25);
  });

  // Regenerating all of them takes a python run per case; a sample of each kind of build shows
  // that generate.ts still makes the committed bytes, deterministically.
  it.each([
    'good_plain.walnut',
    'fail_unsafe_entry_gnu-longname-traversal.walnut',
    'fail_bad_archive_truncated-gzip.walnut',
    'fail_unsafe_entry_pax-global-header.walnut',
  ])('generate.ts makes the committed %s', (file) => {
    expect(vectorBytes(CASES.get(file)!).equals(readFileSync(join(VECTOR_DIR, file)))).toBe(true);
  });
});

// The fail_unsafe_* and fail_unlisted_file_* vectors are read in vectors-unsafe.test.ts.
describeReader(
  'the reader (in-process)',
  FILES.filter((f) => !isUnsafeHalf(f)),
  sandbox,
);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('through the CLI (a handful end to end)', () => {
  function expectCliRefusal(v: Vector, r: CliResult, what: string): void {
    expect(r.status, `${what}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(1);
    const line = errorLine(r);
    if (v.reason) expect(line, what).toMatch(v.reason);
    // A name that is not a plain one is not in our words: it follows the error line in a fence.
    if (v.entry !== undefined && line.includes("the sender's text, follows: untrusted")) {
      expect(r.stderr, what).toMatch(new RegExp(`<<<BEGIN UNTRUSTED ENTRY NAME ([0-9a-f]+)\n${escapeRegExp(v.entry)}\nEND UNTRUSTED ENTRY NAME \\1>>>`));
    } else if (v.entry !== undefined) expect(line, what).toContain(`'${v.entry}'`);
    expect(r.stdout, what).toBe('');
    expect(r.stderr, what).not.toMatch(RAW_CONTROL);
  }

  it.each([
    'fail_unsafe_entry_symlink-chain.walnut',
    'fail_unsafe_entry_escape-in-name.walnut',
    'fail_bad_archive_truncated-gzip.walnut',
    'fail_too_large_past-max-size.walnut',
  ])('%s: extract and verify refuse it, nothing written', async (file) => {
    const v = CASES.get(file)!;
    const pkg = join(VECTOR_DIR, file);
    const sb = sandbox();
    mkdirSync(join(sb.dir, 'home'));
    mkdirSync(join(sb.dir, 'tmp'));
    const extra = v.maxSize ? ['--max-size', String(v.maxSize)] : [];
    const before = snapshotTree(sb.dir);
    // Into an existing empty folder and below missing ones: in-process above, for every vector.
    const [absent, verify] = await Promise.all([
      cliAsync(sb.dir, ['extract', pkg, '--output', join(sb.area, 'out'), ...extra]),
      cliAsync(sb.dir, ['verify', pkg, ...extra]),
    ]);
    expectCliRefusal(v, absent!, 'extract into an absent folder');
    expectCliRefusal(v, verify!, 'verify');
    expect(snapshotTree(sb.dir)).toEqual(before);
  });
});

// The commands' JSON for a good package, in-process: the bundle's entry runs for the refusals above.
describe('through the commands', () => {
  it('good_format-2-1-0.walnut: verify, info and extract accept it', async () => {
    const pkg = join(VECTOR_DIR, 'good_format-2-1-0.walnut');
    const sb = sandbox();
    const run = (args: string[]) => aliveInProcess(args, sandboxEnv(sb.dir));
    const verify = await run(['verify', pkg, '--json']);
    expect(verify.status, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, format_version: '2.1.0', scope: 'full', files: 2 });
    const info = await run(['info', pkg, '--json']);
    expect(info.status, info.stderr).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ format_version: '2.1.0', untrusted: { description: 'C:\\new "quoted"' } });
    const x = await run(['extract', pkg, '--output', join(sb.area, 'out')]);
    expect(x.status, x.stderr).toBe(0);
    expect(readFileSync(join(sb.area, 'out', 'notes/n.md'), 'utf8')).toBe(GOOD['notes/n.md']);
  });
});

/** A plain ustar archive of `count` empty files d000/f000000…, written directly (Python takes seconds). */
function emptyFilesTar(count: number): Buffer {
  // Every header is this one with its own name: the checksum is the template's plus the name's bytes.
  const template = Buffer.alloc(512);
  template.write('0000644\0', 100, 'latin1'); // mode
  template.write('0000000\0', 108, 'latin1'); // uid
  template.write('0000000\0', 116, 'latin1'); // gid
  template.write('00000000000\0', 124, 'latin1'); // size
  template.write('14524770400\0', 136, 'latin1'); // mtime
  template.write('        ', 148, 'latin1'); // checksum, counted as spaces
  template.write('0', 156, 'latin1'); // regular file
  template.write('ustar\0' + '00', 257, 'latin1');
  let templateSum = 0;
  for (const byte of template) templateSum += byte;
  const out = Buffer.alloc((count + 2) * 512);
  for (let i = 0; i < count; i++) {
    const h = out.subarray(i * 512, i * 512 + 512);
    template.copy(h);
    const name = `d${String(Math.floor(i / 1000)).padStart(3, '0')}/f${String(i).padStart(6, '0')}`;
    h.write(name, 0, 'latin1');
    let sum = templateSum;
    for (let j = 0; j < name.length; j++) sum += name.charCodeAt(j);
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  }
  return out;
}

describe('limits at their boundaries', () => {
  it('the expanded size counts every entry, the manifest included: exactly the limit passes, one byte less is refused', async () => {
    const pkg = join(VECTOR_DIR, 'good_big-file.walnut');
    const read = await readPackage(pkg, hashOnlySink, { maxBytes: DEFAULT_MAX_SIZE });
    const bytes = read.bytes + Buffer.byteLength(read.manifestText);
    expect(bytes).toBeGreaterThan(200_000);
    await expect(readPackage(pkg, hashOnlySink, { maxBytes: bytes })).resolves.toMatchObject({ bytes: read.bytes });
    await expect(readPackage(pkg, hashOnlySink, { maxBytes: bytes - 1 })).rejects.toMatchObject({ code: 'too_large' });
  });

  // Slow for a reason (the reader goes through 100000 tar headers, about 2 s of CPU): the entry
  // limit packages are read with by default, which the past-max-entries vector checks at 10.
  it('an archive with more than 100000 entries is refused by default, before the reader goes further', async () => {
    const sb = sandbox();
    const pkg = join(sb.dir, 'many.walnut');
    writeFileSync(pkg, gzipSync(emptyFilesTar(100_001), { level: 1 }));
    await expect(readPackage(pkg, hashOnlySink, { maxBytes: DEFAULT_MAX_SIZE })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/has more than 100000 entries/),
    });
  });
});
