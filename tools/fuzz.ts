/**
 * Opt-in fuzzers for the readers of text someone else wrote (not part of `npm test`):
 *
 *   npm run fuzz -- package [--seconds 60] [--seed 1]   mutated .walnut packages through extract
 *   npm run fuzz -- shell   [--seconds 60] [--seed 1]   generated commands through log-guardian's shell reader
 *
 * Seeded, so a finding reproduces: each one is printed with its case and saved under the folder
 * printed at the start. A finding is, for `package`, a refusal that is not an AliveError with a known
 * code, an extract that takes more than 10 s, a refused extract that leaves its output or a
 * staging folder, or a file on disk the manifest does not list; for `shell`, any exception, or a
 * command read at more than 2 ms per KB (past 200 ms), and a run that does not end (the command it
 * hangs on is `current.txt` in that folder). Exit status 1 when there was a finding.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { AliveError, ERROR_CODES } from '../scripts/lib/errors.ts';
import { shellWrites } from '../scripts/lib/guardian/shell.ts';
import { createPlainPackage } from '../scripts/lib/package/create.ts';
import { extractPackage } from '../scripts/lib/package/extract.ts';

const { values, positionals } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string', default: '1' } },
  allowPositionals: true,
});
const target = positionals[0];
const seconds = Number(values.seconds);
const out = mkdtempSync(join(tmpdir(), `alive-fuzz-${target}-`));
console.log(`fuzz ${target}: seed ${values.seed}, ${seconds} s; findings are saved in ${out}`);

/** xorshift32 */
let state = Number(values.seed) >>> 0 || 1;
const next = () => {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 4294967296;
};
const int = (n: number) => Math.floor(next() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

let findings = 0;
function finding(what: string, input: Buffer | string): void {
  findings += 1;
  const file = join(out, `finding-${findings}.${typeof input === 'string' ? 'txt' : 'walnut'}`);
  writeFileSync(file, input);
  console.log(`FINDING ${findings}: ${what} (${file})`);
}

// --- package: mutated tars of a small walnut, through extractPackage ---

const NAMES = [
  '..',
  '.',
  '',
  '/',
  'a/../b',
  '/etc/x',
  'C:x',
  'a\\b',
  'con',
  'nul.md',
  'x\u202ey',
  'a\u0000b',
  'é',
  'A'.repeat(300),
  `${'a/'.repeat(60)}z`,
  'manifest.yaml',
  './manifest.yaml',
  '.claude/settings.json',
  'CLAUDE.md',
  '\u2028',
  'a b ',
  '#c',
  'x: y',
];

function checksum(block: Buffer, at: number): void {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : block[at + i]!;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, at + 148, 'latin1');
}

function entry(name: string, body: Buffer, type = '0'): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0, 'utf8');
  h.write('0000644\0', 100);
  h.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
  h.write('14000000000\0', 136);
  h[156] = type.charCodeAt(0);
  h.write('ustar\u000000', 257, 'latin1');
  checksum(h, 0);
  return Buffer.concat([h, body, Buffer.alloc((512 - (body.length % 512)) % 512)]);
}

/** The header offsets and sizes of a tar's members (an approximate walk: it is mutated input). */
function members(tar: Buffer): { at: number; name: string; size: number }[] {
  const found: { at: number; name: string; size: number }[] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    if (tar[at] === 0) break;
    const size =
      Number.parseInt(
        tar
          .toString('latin1', at + 124, at + 136)
          .replace(/\0.*$/s, '')
          .trim() || '0',
        8,
      ) || 0;
    found.push({ at, name: tar.toString('utf8', at, at + 100).replace(/\0.*$/s, ''), size });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return found;
}

function mutateManifest(text: string): string {
  const lines = text.split('\n');
  for (let n = 1 + int(3); n > 0; n--) {
    // A manifest cut down to nothing by the mutations before gets a line to work on.
    if (lines.length === 0) lines.push('');
    const i = int(lines.length);
    const r = int(6);
    if (r === 0) lines.splice(i, 1);
    else if (r === 1) lines.splice(i, 0, lines[int(lines.length)]!);
    else if (r === 2) lines[i] = lines[i]!.replace(/: .*/, `: ${pick(NAMES)}`);
    else if (r === 3) lines[i] = lines[i]!.replace(/size: \d+/, `size: ${pick(['0', '-1', '1e3', '99999999999999999999', ' 5'])}`);
    else if (r === 4) lines.splice(i, 0, `  - path: ${pick(NAMES)}`, `    sha256: ${'a'.repeat(64)}`, '    size: 1');
    else
      lines[i] = pick([
        'format_version: "2.1.0"',
        'scope: bundle',
        'encrypted: true',
        'files: []',
        '__proto__:',
        '  constructor: x',
        `payload_sha256: ${'b'.repeat(64)}`,
      ]);
  }
  return lines.join('\n');
}

function mutateTar(original: Buffer): Buffer {
  const tar = Buffer.from(original);
  const all = members(tar);
  if (all.length === 0) return Buffer.concat([tar, entry(pick(NAMES), Buffer.from('x'))]);
  const m = pick(all);
  const whole = (x: { at: number; size: number }) => tar.subarray(x.at, x.at + 512 + Math.ceil(x.size / 512) * 512);
  const rebuilt = (replace: Buffer | null) => Buffer.concat([...all.map((x) => (x === m ? (replace ?? Buffer.alloc(0)) : whole(x))), Buffer.alloc(1024)]);
  switch (int(7)) {
    case 0: {
      const [off, len] = pick([
        [0, 100],
        [100, 8],
        [124, 12],
        [156, 1],
        [157, 100],
        [257, 8],
        [345, 155],
      ] as const);
      tar.fill(0, m.at + off, m.at + off + len);
      tar.write(pick([...NAMES, '7'.repeat(len), '1', '2', '5', 'x', 'g', 'L']).slice(0, len), m.at + off, 'latin1');
      if (next() < 0.9) checksum(tar, m.at);
      return tar;
    }
    case 1: {
      const manifest = all.find((x) => x.name === 'manifest.yaml');
      if (!manifest) return tar;
      const text = tar.toString('utf8', manifest.at + 512, manifest.at + 512 + manifest.size);
      return Buffer.concat([...all.map((x) => (x === manifest ? entry('manifest.yaml', Buffer.from(mutateManifest(text))) : whole(x))), Buffer.alloc(1024)]);
    }
    case 2:
      return next() < 0.5 ? rebuilt(null) : Buffer.concat([rebuilt(whole(m)), whole(m)]);
    case 3:
      return rebuilt(
        Buffer.concat([entry(pick(NAMES), Buffer.from(pick(['hi', `30 path=${pick(NAMES)}\n`])), pick(['0', '5', '2', '1', 'x', 'g', 'L'])), whole(m)]),
      );
    case 4:
      for (let n = 1 + int(8); n > 0; n--) tar[int(tar.length)] = int(256);
      return tar;
    case 5:
      return tar.subarray(0, int(tar.length));
    default:
      if (m.size > 0) tar[m.at + 512] = (tar[m.at + 512]! + 1) & 255;
      return tar;
  }
}

function listedFilesOnly(dir: string, listed: Set<string>, rel = ''): string | undefined {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = `${rel}${e.name}`;
    if (e.isDirectory()) {
      const odd = listedFilesOnly(dir, listed, `${path}/`);
      if (odd) return odd;
    } else if (!e.isFile() || !listed.has(path)) return path;
  }
  return undefined;
}

async function fuzzPackage(): Promise<number> {
  const walnut = join(out, 'garden');
  for (const [path, content] of [
    ['_kernel/key.md', '# key\n'],
    ['_kernel/log.md', '# log\n'],
    ['bundles/a/notes.md', 'hello '.repeat(300)],
    ['live/y.md', 'y\n'],
    ['empty.md', ''],
  ] as const) {
    mkdirSync(join(walnut, path, '..'), { recursive: true });
    writeFileSync(join(walnut, path), content);
  }
  const seedPackage = join(out, 'seed.walnut');
  await createPlainPackage({ walnut, scope: 'full', bundles: [], output: seedPackage, allowSensitive: true });
  const tar = gunzipSync(readFileSync(seedPackage));
  const codes = new Set<string>(ERROR_CODES);
  const end = Date.now() + seconds * 1000;
  let runs = 0;
  while (Date.now() < end) {
    runs += 1;
    let mutated: Buffer = tar;
    for (let n = 1 + int(2); n > 0; n--) mutated = mutateTar(mutated);
    const bytes = gzipSync(mutated);
    const dir = join(out, 'case');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const pkg = join(dir, 'p.walnut');
    writeFileSync(pkg, bytes);
    const output = join(dir, 'out');
    const started = Date.now();
    try {
      const r = await extractPackage(pkg, output, { maxBytes: 64 << 20 });
      const odd = listedFilesOnly(output, new Set(r.manifest.files.map((f) => f.path)));
      if (odd !== undefined) finding(`extracted ${JSON.stringify(odd)}, which the manifest does not list`, bytes);
    } catch (err) {
      if (!(err instanceof AliveError) || !codes.has(err.code)) finding(`refused with ${(err as Error).constructor.name}: ${(err as Error).message}`, bytes);
      const left = readdirSync(dir).filter((n) => n !== 'p.walnut');
      if (left.length > 0) finding(`a refused extract left ${left.join(', ')}`, bytes);
    }
    if (Date.now() - started > 10_000) finding(`took ${Date.now() - started} ms`, bytes);
  }
  return runs;
}

// --- shell: generated and mutated commands, through shellWrites ---

const ATOMS = [
  'log.md',
  'a',
  'dir/log.md',
  '~',
  '$HOME',
  '$PWD',
  '$f',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell text, not a template
  '${f}',
  '$1',
  '$@',
  '*',
  '?',
  '{a,b}',
  '{,.bak}',
  "'",
  '"',
  '\\',
  '`',
  '$(',
  ')',
  '(',
  '$((',
  '<(',
  '${',
  "$'\\x41'",
  '-',
  '--',
  '-i',
  '-c',
  '-C',
  '-o',
  '-O',
  '-exec',
  '{}',
  '\\;',
  '-name',
  '-delete',
  'of=log.md',
  'f=log.md',
  'x=$x$x',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u0000',
  'é',
  '\t',
];
const COMMANDS = [
  'echo',
  'cat',
  'sed',
  'perl',
  'tee',
  'sort',
  'cp',
  'mv',
  'ln',
  'rm',
  'truncate',
  'dd',
  'patch',
  'git',
  'find',
  'xargs',
  'sudo',
  'env',
  'exec',
  'timeout',
  'eval',
  'sh',
  'bash',
  'cd',
  'pushd',
  'read',
  'for',
  'in',
  'do',
  'done',
  'while',
  'if',
  'then',
  'fi',
  'case',
  'esac',
  'function',
  'export',
  '{',
  '}',
  'mktemp',
  'curl',
  'wget',
  'checkout',
  'push',
];
const OPERATORS = [
  ' ',
  ' ',
  ';',
  '\n',
  '\r\n',
  '&&',
  '||',
  '|',
  '&',
  '>',
  '>>',
  '>|',
  '&>',
  '2>&1',
  '<',
  '<<',
  '<<<',
  "<<'EOF'",
  '<<EOF',
  '\nEOF\n',
  '\\\n',
  '#',
  '(',
  ')',
  '$(',
  '`',
];

function command(depth = 0): string {
  let s = '';
  for (let n = 1 + int(12); n > 0; n--) {
    const r = next();
    if (r < 0.25) s += `${pick(COMMANDS)} `;
    else if (r < 0.55) s += pick(ATOMS);
    else if (r < 0.85) s += pick(OPERATORS);
    else if (r < 0.9 && depth < 4) s += `$(${command(depth + 1)})`;
    else if (r < 0.95 && depth < 4) s += `'${command(depth + 1)}'`;
    else if (depth < 4) s += `sh -c ${JSON.stringify(command(depth + 1))}`;
  }
  return s;
}

function fuzzShell(): number {
  const current = join(out, 'current.txt');
  const end = Date.now() + seconds * 1000;
  let runs = 0;
  while (Date.now() < end) {
    runs += 1;
    let c = command();
    if (next() < 0.1) c = c.repeat(1 + int(2000));
    // A reader that never returns cannot report itself: the case it hangs on is this file.
    writeFileSync(current, c);
    const started = performance.now();
    try {
      shellWrites(c, { home: '/home/u', cwd: '/w' });
    } catch (err) {
      finding(`threw ${(err as Error).constructor.name}: ${(err as Error).message}`, c);
    }
    const ms = performance.now() - started;
    if (ms > 200 && ms / (c.length / 1000) > 2) finding(`took ${ms.toFixed(0)} ms for ${c.length} characters`, c);
  }
  return runs;
}

let runs: number;
if (target === 'package') runs = await fuzzPackage();
else if (target === 'shell') runs = fuzzShell();
else {
  console.error('usage: npm run fuzz -- package|shell [--seconds N] [--seed N]');
  process.exit(2);
}
console.log(`${runs} cases, ${findings} finding${findings === 1 ? '' : 's'}`);
if (findings === 0) rmSync(out, { recursive: true, force: true });
process.exitCode = findings > 0 ? 1 : 0;
