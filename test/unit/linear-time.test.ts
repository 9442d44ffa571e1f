/**
 * Readers of text someone else wrote cost the length of that text, not its square. Each hostile
 * input runs in a child process under a deadline, so that a quadratic reader fails its case
 * instead of holding the whole run (a worker busy in a regular expression cannot be interrupted).
 * The deadline is a hang detector, two orders of magnitude above what the readers take: timing
 * targets live in `npm run bench`.
 *
 * The rewritten line readers are checked against the patterns they replace on short inputs, where
 * those patterns are fast.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childModules } from '../support/child-modules.ts';
import { readTaskLine } from '../../scripts/lib/receive/tasks.ts';
import { keyLine } from '../../scripts/lib/world/frontmatter.ts';
import { readSignatureBlock } from '../../scripts/lib/crypto/sign.ts';
import { trimEndOf, trimOf, trimStartOf } from '../../scripts/lib/text/trim.ts';
import { PYTHON } from '../support/python.ts';

const DEADLINE_MS = 20_000;

/** The readers under test, each bundled for the children (test/support/child-modules.ts): path under scripts/lib/ → file URL. */
const bundled = childModules();
const lib: Record<string, string> = {};
beforeAll(async () => {
  const paths = ['crypto/sign.ts', 'receive/tasks.ts', 'world/frontmatter.ts', 'bus/message.ts', 'package/tar-read.ts', 'relay/tree-batch.ts'];
  const urls = await Promise.all(paths.map((path) => bundled(`scripts/lib/${path}`)));
  for (const [i, path] of paths.entries()) lib[path] = urls[i]!;
});

/** Runs `body` (an ES module; `lib[path]` is the module scripts/lib/<path>) and returns what it printed. */
function runWithin(body: string): string {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const lib = ${JSON.stringify(lib)};\n${body}`], {
    encoding: 'utf8',
    timeout: DEADLINE_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.error || r.status !== 0) {
    throw new Error(`the reader did not finish within ${DEADLINE_MS / 1000} s (status ${r.status}, ${r.error?.message ?? ''}): ${r.stderr.slice(0, 500)}`);
  }
  return r.stdout.trim();
}

const BLANKS = "' \\t'.repeat(150_000)";

describe('hostile text is read in linear time', () => {
  it('a signature block whose signer holds a long run of blanks (crypto/sign.ts)', () => {
    const out = runWithin(`
      const { readSignatureBlock } = await import(lib['crypto/sign.ts']);
      const run = ${BLANKS};
      const b = readSignatureBlock('a: 1\\nsignature:\\n  algorithm: "RSA-SHA256"\\n  signer: a' + run + 'b\\n  value: "AAAA"\\n');
      console.log(b.signer.length, b.value);`);
    expect(out).toBe('300002 AAAA');
  });

  it('a tasks.md line with a long run of blanks inside its title (receive/tasks.ts)', () => {
    const out = runWithin(`
      const { parseTasksMd } = await import(lib['receive/tasks.ts']);
      const run = ${BLANKS};
      const r = parseTasksMd('- [ ] a' + run + 'b @sam\\n- [x] c' + run + '\\n', 'b', 'now', 's');
      console.log(r.tasks.length, r.tasks[0].title.length, r.tasks[0].session, r.tasks[1].title, r.leftover);`);
    expect(out).toBe('2 300002 sam c false');
  });

  it('a key.md line with a long run of blanks before a lone carriage return (world/frontmatter.ts)', () => {
    const out = runWithin(`
      const { splitFrontmatter, frontmatterValues } = await import(lib['world/frontmatter.ts']);
      const run = ${BLANKS};
      const fm = splitFrontmatter('---\\ntype: venture\\nk:' + run + '\\rx\\ngoal:' + run + 'grow\\n---\\nbody\\n');
      const v = frontmatterValues(fm);
      console.log(v.get('type'), v.has('k'), v.get('goal'));`);
    expect(out).toBe('venture false grow');
  });

  it('a message with a long run of blanks in a header, its body and its context (bus/message.ts)', () => {
    const out = runWithin(`
      const { parseMessage } = await import(lib['bus/message.ts']);
      const run = ${BLANKS};
      const m = parseMessage('# HelloWorld Message\\n# From: @gemini\\n# Thread: t' + run + 'x\\n\\nhi' + run + 'there' + run + '\\n\\n# Context\\nc' + run + 'd' + run + '\\n');
      console.log(m.thread.length, m.body.length, m.context.length);`);
    expect(out).toBe('300002 300007 300002');
  });

  it('a tar of thousands of entries 2,000 folders deep (package/tar-read.ts)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alive-deep-tar-'));
    try {
      const tar = join(dir, 'deep.tar');
      // Written by Python's tarfile (pax names), as a hostile peer would.
      const py = spawnSync(
        PYTHON,
        [
          '-c',
          `import tarfile,io,sys
deep='/'.join(['a']*2000)
with tarfile.open(sys.argv[1],'w',format=tarfile.PAX_FORMAT) as t:
    for i in range(3000):
        ti=tarfile.TarInfo(f'{deep}/{i}'); ti.size=1; t.addfile(ti,io.BytesIO(b'x'))`,
          tar,
        ],
        { encoding: 'utf8' },
      );
      expect(py.status, py.stderr).toBe(0);
      const out = runWithin(`
        const { readTarStream } = await import(lib['package/tar-read.ts']);
        const { createReadStream } = await import('node:fs');
        let files = 0;
        await readTarStream(createReadStream(${JSON.stringify(tar)}), 'none', { maxBytes: 1e9, maxEntries: 1e6, label: 'deep.tar' }, async (e) => {
          if (e.kind === 'file') { files++; for await (const _ of e.body) {} }
        });
        console.log(files);`);
      expect(out).toBe('3000');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A seeded generator of short strings over the characters that matter to these readers. */
function corpus(alphabet: string[], count: number, maxLength: number, seed = 7): string[] {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x;
  };
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const len = next() % (maxLength + 1);
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[next() % alphabet.length]!;
    out.push(s);
  }
  return out;
}

const SPACES = [' ', '\t', '\r', '\u2028', '\u00a0', '\n'];

/**
 * Compares every input's `got` with its `expected` (deep and strict, as node:util compares) and
 * asserts once that none differ, showing the first ten that do: one expect per input made these
 * cases cost half a second each.
 */
function differences<T>(inputs: Iterable<T>, compare: (input: T) => { got: unknown; expected: unknown }): void {
  const differ: { input: T; got: unknown; expected: unknown }[] = [];
  let count = 0;
  for (const input of inputs) {
    count++;
    const { got, expected } = compare(input);
    if (!isDeepStrictEqual(got, expected)) differ.push({ input, got, expected });
  }
  expect(count).toBeGreaterThan(0);
  expect({ differ: differ.length, first: differ.slice(0, 10) }).toEqual({ differ: 0, first: [] });
}

describe('a relay tree with many names is changed in linear time', () => {
  // Fourth review of 2026-12-07: every name of a folder was copied again for each next one (an array
  // spread per entry): 80,000 names of one blob in a peer's folder made relay pull take 92 s.
  it('200,000 removals in one folder (relay/tree-batch.ts)', () => {
    const out = runWithin(`
      const { planTrees } = await import(lib['relay/tree-batch.ts']);
      const changes = [];
      for (let i = 0; i < 200000; i++) changes.push({ parts: ['inbox', 'alice', 'n' + i + '.walnut'], oid: i % 2 ? null : 'a'.repeat(40) });
      const trees = [];
      const root = planTrees(null, changes, 20, trees);
      console.log(trees.length, typeof root);`);
    expect(out).toBe('3 string');
  });
});

describe('the line readers read what the patterns they replace read', () => {
  it('task lines', () => {
    const old = /^- \[([ ~x])\]\s+(.+?)(?:\s+@(\S+))?\s*$/;
    const lines = corpus([...SPACES, '@', 'a', 'b', '#'], 8_000, 9).flatMap((tail) => [`- [ ]${tail}`, `- [x] ${tail}`, `- [~]${tail}b`]);
    differences(lines, (line) => {
      const m = old.exec(line);
      const expected = m && m[2]!.trim() ? { mark: m[1], title: m[2]!.trim(), session: m[3] } : undefined;
      const got = readTaskLine(line);
      return { got: got && { mark: got.mark, title: got.title.trim(), session: got.session }, expected };
    });
  });

  it('frontmatter key lines', () => {
    const old = /^([A-Za-z0-9_][\w-]*):(?:[ \t]+(.*?)|[ \t]*)$/;
    const lines = corpus([...SPACES, ':', 'a', '"'], 8_000, 8).flatMap((tail) => [`k:${tail}`, `key-1:${tail}`, `${tail}:x`]);
    differences(lines, (line) => {
      const m = old.exec(line);
      return { got: keyLine(line), expected: m ? { key: m[1], value: m[2] ?? '' } : undefined };
    });
  });

  it('a scalar of the signature block, with or without a comment', () => {
    const old = (raw: string) => raw.trim().replace(/(?:^|\s+)#.*$/, '');
    // One line; quoted scalars are read apart.
    const values = corpus([...SPACES, '#', 'a'], 20_000, 8).filter((v) => !v.includes('\n') && !/^\s*["']/.test(v));
    differences(values, (v) => ({ got: readSignatureBlock(`signature:\n  signer: ${v}\n`)!.signer, expected: old(v) }));
  });

  it('trimming a set of characters', () => {
    differences(corpus([' ', '\t', 'a', '\n', '.'], 2_000, 8), (s) => ({
      got: [trimEndOf(s, ' \t'), trimStartOf(s, ' \t'), trimOf(s, '\n.')],
      expected: [s.replace(/[ \t]+$/, ''), s.replace(/^[ \t]+/, ''), s.replace(/^[\n.]+/, '').replace(/[\n.]+$/, '')],
    }));
  });
});
