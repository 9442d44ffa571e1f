/**
 * The shell reader (scripts/lib/guardian/shell.ts) reads a command an agent wrote, which text
 * from anywhere can have shaped. A hook that does not answer within its timeout lets the call
 * through, so the reader must end, and in time linear in the command, whatever it holds: each
 * case runs in a child under a deadline (a hang detector two orders of magnitude above what the
 * reader takes; timing targets live in `npm run bench`), one child for the file's cases, each with
 * its own deadline (test/support/deadline-child.ts). The commands are just under the longest the
 * hook reads (MAX_READ_COMMAND, 256 KiB).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childModules } from '../support/child-modules.ts';
import { deadlineChild } from '../support/deadline-child.ts';
import { shellWrites } from '../../scripts/lib/guardian/shell.ts';

const DEADLINE_MS = 20_000;
const bundled = childModules();
const child = deadlineChild({ deadlineMs: DEADLINE_MS, nodeArgs: ['--max-old-space-size=512'] });
/** log-guardian's timeout in hooks/hooks.json: a hook that answers later lets the call through. */
const withinHookTimeout = deadlineChild({ deadlineMs: 5_000, nodeArgs: ['--max-old-space-size=512'] });
let shellModule = '';
beforeAll(async () => {
  shellModule = await bundled('scripts/lib/guardian/shell.ts');
});

/**
 * Runs `shellWrites` on the command `commandJs` (a JavaScript expression) in the child and returns
 * how many writes it found, the first and last write's path, and the total length of their
 * distinct input texts. Without the reader's deadline (READ_MS), which a busy machine reaches on
 * commands this long (it then reports them unread): these cases are about what it reads, and that
 * it ends; the deadline has cases of its own (shell-writes.test.ts, guardian-bash.test.ts).
 */
async function readWithin(commandJs: string, cwd = '/w'): Promise<{ writes: number; first: string | undefined; last: string | undefined; inputChars: number }> {
  const body = `
    const { shellWrites } = await import(${JSON.stringify(shellModule)});
    const w = shellWrites(${commandJs}, { cwd: ${JSON.stringify(cwd)}, home: '/h', deadline: Infinity });
    const inputs = new Set(w.flatMap((x) => x.input ?? []));
    console.log(JSON.stringify({ writes: w.length, first: w[0]?.path, last: w.at(-1)?.path, inputChars: [...inputs].reduce((n, t) => n + t.length, 0) }));`;
  const label = `the reader on ${commandJs.length > 120 ? `${commandJs.slice(0, 120)}…` : commandJs}`;
  return JSON.parse(await child.run(label, body)) as { writes: number; first: string | undefined; last: string | undefined; inputChars: number };
}

const NEAR_LIMIT = 250_000;

describe('the shell reader ends, in linear time, on any command', () => {
  it('globs over a folder of thousands of names: stars by the hundred thousand, and patterns past the matching budget', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alive-glob-bounded-'));
    mkdirSync(join(dir, 'big'));
    for (let i = 0; i < 3_000; i++) writeFileSync(join(dir, 'big', `file-${i}.md`), '');
    try {
      // Expanded, and no log.md among the names: nothing to write.
      expect(await readWithin(`'rm -f big/*'`, dir)).toMatchObject({ writes: 0 });
      // A run of stars is `**` (globstar, zsh): not expanded, one write that may be log.md.
      expect(await readWithin(`'rm -f big/' + '*'.repeat(${NEAR_LIMIT - 20})`, dir)).toMatchObject({ writes: 1 });
      // Past the budget of matching work: one write that may be log.md (the guardian fails closed).
      expect(await readWithin(`'rm -f big/' + '?*'.repeat(${Math.floor(NEAR_LIMIT / 2) - 20})`, dir)).toMatchObject({
        writes: 1,
        first: expect.stringMatching(/^big\/\?\*/),
      });
      // Every glob of a long command over the same folder, past the budget of entries read.
      expect((await readWithin(`'rm -f ' + 'big/* '.repeat(${Math.floor(NEAR_LIMIT / 7)})`, dir)).writes).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Each brace group read the word's whole text anew for the names find, grep or rg list
  // (listedInput): 16 s for this one in the child, 14 s in the hook for 250 KB of `{a,b}`, past its
  // 5 s timeout, which lets the call through (2026-12-07). Read once per command, it takes 0.3 s:
  // this case has the hook's own timeout as its deadline (still 16 times what it takes).
  it('a word of tens of thousands of brace groups naming log.md, within the hook timeout (a group past 64 alternatives is read as input)', async () => {
    const body = `
      const { shellWrites } = await import(${JSON.stringify(shellModule)});
      console.log(shellWrites('rm ' + '{,}'.repeat(${Math.floor((NEAR_LIMIT + 12_000) / 3)}) + '/log.md', { cwd: '/w', home: '/h' }).length);`;
    expect(await withinHookTimeout.run('the reader on 87,000 brace groups', body)).toBe('1');
  });

  it('a CRLF command (a carriage return is part of a word in bash, not a blank)', async () => {
    expect(await readWithin(`'echo hi\\r\\n> log.md'`)).toMatchObject({ writes: 1, first: 'log.md' });
  });

  it('a find whose -exec runs find, thousands deep (past 8 levels, what it runs is not read: one write stands for it)', async () => {
    expect(await readWithin(`'find . -name log.md -delete' + ' -exec find'.repeat(${Math.floor(NEAR_LIMIT / 10)})`)).toMatchObject({
      writes: 2,
      first: './<found by find>/log.md',
      last: '<commands past what it reads>',
    });
  });

  // Each -exec read once per starting point that is a log multiplies through nested finds: eight
  // per level, six levels took 7 s in a draft that did so (eight levels, MAX_DEPTH, some minutes).
  it('finds of many logs as starting points, each -exec running another, thousands of them', async () => {
    const level = `'find ${'a/log.md '.repeat(8)}-delete -exec '`;
    expect(await readWithin(`${level}.repeat(${Math.floor(NEAR_LIMIT / 100)}) + 'rm {} ;'`)).toMatchObject({ first: '<found by find>/log.md' });
  });

  it('a find -regex written to backtrack for ever (the pattern is read, never compiled)', async () => {
    expect(await readWithin(`"find . -regex '((((.*)*)*)*)*y' -delete; cat log.md"`)).toMatchObject({ writes: 1, first: './<found by find>/*' });
  });

  it('thousands of here-documents to bash, each a script', async () => {
    expect(await readWithin(`"bash <<'EOF'\\necho x\\nEOF\\n".repeat(${Math.floor(NEAR_LIMIT / 25)}) + ': > log.md'`)).toMatchObject({
      writes: 1,
      first: 'log.md',
    });
  });

  it('a long sh -c script run in a loop of many words: read up to a budget, then the rest fails closed', async () => {
    // 64 readings of a 160 KB script took 10 s, past the hook's timeout.
    const words = Array.from({ length: 64 }, (_, i) => `w${i}`).join(' ');
    expect(await readWithin(`"for f in ${words}; do sh -c '" + 'echo x; '.repeat(20000) + "' _ \\"$f\\"; done; cat log.md"`)).toMatchObject({
      writes: 1,
      first: '<commands past what it reads>',
    });
  });

  it('git with thousands of -C options', async () => {
    expect(await readWithin(`'git' + ' -C a'.repeat(${Math.floor(NEAR_LIMIT / 5)}) + ' checkout log.md'`)).toMatchObject({ writes: 1 });
  });

  it('thousands of variables, then thousands of subshells and command substitutions', async () => {
    const vars = `Array.from({ length: ${Math.floor(NEAR_LIMIT / 20)} }, (_, i) => 'v' + i + '=1').join(';')`;
    expect(await readWithin(`${vars} + ';' + '(:)'.repeat(${Math.floor(NEAR_LIMIT / 8)}) + ' > log.md'`)).toMatchObject({ writes: 1, first: 'log.md' });
    expect(await readWithin(`${vars} + ';' + 'echo $(:)'.repeat(${Math.floor(NEAR_LIMIT / 20)}) + ' > log.md'`)).toMatchObject({ writes: 1, first: 'log.md' });
  });

  it('a pipeline of thousands of xargs, read and while stages, each different', async () => {
    for (const stage of ["' | xargs rm ' + i", "' | while read f' + i + '; do rm \"$f' + i + '\"; done'", "' | read a' + i"]) {
      const command = `'ls log.md' + Array.from({ length: ${Math.floor(NEAR_LIMIT / 40)} }, (_, i) => ${stage}).join('') + ' | xargs rm'`;
      const r = await readWithin(command);
      // What the writes say feeds them is bounded too (the hook checks each of those texts), and
      // still names log.md, which the first stage lists.
      expect(r.writes).toBeGreaterThan(0);
      expect(r.inputChars).toBeLessThan(4 * 1024 * 1024);
    }
  });
  it('a pipeline of thousands of stages each reading a here-document, the bodies after the line', async () => {
    const n = Math.floor(NEAR_LIMIT / 40);
    const command = `'cat <<E' + Array.from({ length: ${n} }, (_, i) => i + ' | xargs rm <<E').join('') + '${n}\\nlog.md\\n' + Array.from({ length: ${n + 1} }, (_, i) => 'E' + i).join('\\nx\\n')`;
    const r = await readWithin(command);
    expect(r.writes).toBeGreaterThan(0);
    expect(r.inputChars).toBeLessThan(4 * 1024 * 1024);
  });
});

describe('blanks are what bash splits words on', () => {
  it.each([
    ['a carriage return ends no word', 'echo x > log.md\r', 'log.md\r'],
    ['nor a vertical tab', 'echo x > log.md\v', 'log.md\v'],
    ['nor a form feed', 'echo x >\flog.md', '\flog.md'],
    ['nor a no-break space', 'echo x > log.md\u00a0', 'log.md\u00a0'],
    ['nor a line separator', 'echo x > log.md\u2028', 'log.md\u2028'],
    ['nor an ideographic space', 'echo x > \u3000log.md', '\u3000log.md'],
    ['nor a byte-order mark', 'echo x > log.md\ufeff', 'log.md\ufeff'],
  ])('%s', (_what, command, path) => {
    expect(shellWrites(command).map((w) => w.path)).toEqual([path]);
  });

  it('reads a CRLF script line by line, each line ending in a carriage return', () => {
    // `notes\r` is not known to be a folder: the cd may fail, and each write is also read where it was.
    expect(shellWrites('cd notes\r\necho x >> log.md\r\n> log.md').map((w) => [w.path, w.dir])).toEqual([
      ['log.md\r', 'notes\r'],
      ['log.md\r', ''],
      ['log.md', 'notes\r'],
      ['log.md', ''],
    ]);
  });
});

describe('what the reader stops following', () => {
  it('a folder past 16 KiB of cd steps is unknown (the write keeps its name)', () => {
    const [w] = shellWrites(`${'cd abcdefghij;'.repeat(2_000)} echo x > log.md`);
    expect(w).toMatchObject({ path: 'log.md', name: 'log.md', dir: undefined });
  });

  it('a git folder past 64 -C options is unknown, and an absolute -C starts over', () => {
    expect(shellWrites(`git${' -C a'.repeat(65)} checkout log.md`)).toMatchObject([{ exact: false, name: 'log.md' }]);
    expect(shellWrites('git -C a -C b checkout log.md')).toMatchObject([{ path: 'a/b/log.md', exact: true }]);
    expect(shellWrites('git -C a -C /w/k checkout log.md')).toMatchObject([{ path: '/w/k/log.md', exact: true }]);
  });

  it('a variable set in a subshell or a substitution is gone after it; one set before is seen inside', () => {
    expect(shellWrites('f=a; (f=b; echo > "$f/log.md"); echo > "$f/log.md"').map((w) => w.path)).toEqual(['b/log.md', 'a/log.md']);
    expect(shellWrites('f=a; echo $(f=b) > "$f/log.md"').map((w) => w.path)).toEqual(['a/log.md']);
    expect(shellWrites('f=a; x=$(echo > "$f/log.md")').map((w) => w.path)).toEqual(['a/log.md']);
  });

  it('a pipeline keeps what each stage was fed, in order', () => {
    const [w] = shellWrites('ls a | grep log.md | xargs rm');
    expect(w).toMatchObject({ path: '<xargs input>', input: 'ls a\ngrep log.md' });
  });
});
