/** The shell reader of log-guardian (scripts/lib/guardian/shell.ts), a pure function: table rows. */
import { describe, it, expect } from 'vitest';
import { shellWrites } from '../../scripts/lib/guardian/shell.ts';

const rows: [string, string, [path: string, kind: string, exact: boolean][]][] = [
  ['a redirection after a cd', 'cd a/b && echo x >> log.md', [['log.md', 'append', true]]],
  [
    'brace expansion',
    'mv log.md{,.bak}',
    [
      ['log.md.bak', 'replace', true],
      ['log.md.bak/log.md', 'replace', true],
      ['log.md', 'remove', true],
    ],
  ],
  [
    'nested braces',
    'rm {a,b{c,d}}/log.md',
    [
      ['a/log.md', 'remove', true],
      ['bc/log.md', 'remove', true],
      ['bd/log.md', 'remove', true],
    ],
  ],
  ['a variable set earlier', 'F=x/log.md; tee "$F"', [['x/log.md', 'replace', true]]],
  ['a variable set on the same command (expanded before it is set)', 'F=x/log.md tee "$F"', [['$F', 'replace', false]]],
  ['an unknown folder keeps the known name', 'sed -i s/a/b/ "$W"/log.md', [['$W/log.md', 'replace', false]]],
  ["$'…' strings", "echo x > $'a\\tb/log.md'", [['a\tb/log.md', 'replace', true]]],
  ['descriptor duplications are not files', 'make 2>&1 >&- 3<&0', []],
  ['here-document bodies are not commands', 'cat <<-EOF\n\trm log.md\n\tEOF\necho done', []],
  [
    'a for variable takes each word in turn',
    'for f in a/log.md b; do rm "$f" && echo x > "$f/x"; done',
    [
      ['a/log.md', 'remove', true],
      ['b', 'remove', true],
      ['a/log.md/x', 'replace', true],
      ['b/x', 'replace', true],
    ],
  ],
  [
    'two for variables in one command',
    'for a in 1 2; do for b in x y; do echo > "$a/$b"; done; done',
    [
      ['1/x', 'replace', true],
      ['1/y', 'replace', true],
      ['2/x', 'replace', true],
      ['2/y', 'replace', true],
    ],
  ],
  ['a for loop over no words runs nothing', 'for f in; do rm "$f"; done', []],
  ['the output of a loop', 'for f in a; do echo "$f"; done > log.md', [['log.md', 'replace', true]]],
  ['find -delete of names a bracket range matches', "find . -name '[a-z]og.md' -delete", [['<found by find>/log.md', 'remove', false]]],
  ['find -delete of names no log.md matches', "find . -name '[!l]og.md' -delete", [['<found by find>/*', 'remove', false]]],
  ['bash -c -- SCRIPT (the options end at --)', 'bash -c -- "echo > log.md"', [['log.md', 'replace', true]]],
  ['bash with options before and after -c', "bash -o pipefail -c -e 'echo > log.md'", [['log.md', 'replace', true]]],
  [
    "sh -c's positional parameters",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
    'sh -c \'echo x > "$1"; rm "${2}"\' sh log.md b/log.md',
    [
      ['log.md', 'replace', true],
      ['b/log.md', 'remove', true],
    ],
  ],
  ['find -exec sh -c with the found name as $1', 'find . -name log.md -exec sh -c \'echo > "$1"\' _ {} \\;', [['<found by find>/log.md', 'replace', false]]],
  ['find -exec sh -c with {} inside the script', "find . -name log.md -exec sh -c 'echo > {}' \\;", [['<found by find>/log.md', 'replace', false]]],
  [
    "find -exec sh -c with '{}' quoted inside the script",
    'find . -name log.md -exec sh -c "echo > \'{}\'" \\;',
    [['<found by find>/log.md', 'replace', false]],
  ],
  [
    'find -exec cp onto {}.bak (a name built on {}; a folder of that name too)',
    'find . -name log.md -exec cp x {}.bak \\;',
    [
      ['<found by find>/log.md.bak', 'replace', false],
      ['<found by find>/log.md.bak/x', 'replace', false],
    ],
  ],
  ['curl --output-dir with -o', 'curl --output-dir k -o log.md https://example.com/x', [['k/log.md', 'replace', true]]],
  ['curl -o - and -D - (standard output)', 'curl -D - -o - https://example.com/log.md', []],
  [
    'wget -o (its own log) and -a',
    'wget -o log.md -a k/log.md https://example.com/x',
    [
      ['log.md', 'replace', true],
      ['k/log.md', 'append', true],
    ],
  ],
  ['curl -o', 'curl -sSL -o log.md https://example.com/x', [['log.md', 'replace', true]]],
  ['curl -o glued to other flags', 'curl -sSLo k/log.md https://example.com/x', [['k/log.md', 'replace', true]]],
  ['curl --output', 'curl --output log.md https://example.com/x', [['log.md', 'replace', true]]],
  ["curl -O (the URL's last name)", "curl -O 'https://example.com/a/log.md?x=1#top'", [['log.md', 'replace', true]]],
  ['wget -O', 'wget -qO log.md https://example.com/x', [['log.md', 'replace', true]]],
  ['wget --output-document=', 'wget --output-document=log.md https://example.com/x', [['log.md', 'replace', true]]],
  ['wget -O - (standard output)', 'wget -O - https://example.com/log.md', []],
];

describe('shellWrites', () => {
  for (const [what, command, expected] of rows) {
    it(what, () => {
      expect(shellWrites(command).map((w) => [w.path, w.kind, w.exact])).toEqual(expected);
    });
  }

  it('reports the folder of each write after cd, and none after a cd it cannot follow', () => {
    expect(shellWrites('cd a && cd ../b && echo x > log.md')[0]!.dir).toBe('a/../b');
    expect(shellWrites('cd "$D" && echo x > log.md')[0]!.dir).toBeUndefined();
    expect(shellWrites('cd && echo x > log.md', { home: '/home/u' })[0]!.dir).toBe('/home/u');
  });

  it('expands $HOME and $PWD like ~ and the starting folder, unless the command sets them', () => {
    const paths = (command: string) => shellWrites(command, { home: '/home/u', cwd: '/w' }).map((w) => [w.path, w.exact]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
    expect(paths('echo x > $HOME/log.md; echo x > "${HOME}"/log.md')).toEqual([
      ['/home/u/log.md', true],
      ['/home/u/log.md', true],
    ]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
    expect(paths('echo x > $PWD/log.md; cd a && rm ${PWD}/log.md; cd "$D"; rm $PWD/log.md')).toEqual([
      ['/w/log.md', true],
      ['/w/a/log.md', true],
      ['$PWD/log.md', false],
    ]);
    expect(paths('HOME=/x; echo x > $HOME/log.md')).toEqual([['/x/log.md', true]]);
    expect(shellWrites('echo x > $HOME/log.md; echo x > $PWD/log.md').map((w) => w.exact)).toEqual([false, false]);
  });

  it('says what a variable read from input was read from', () => {
    const input = (command: string) => shellWrites(command).map((w) => [w.path, w.exact, w.input]);
    expect(input('while read -r f; do rm "$f"; done < <(ls */log.md)')).toEqual([['$f', false, '<(ls */log.md)']]);
    expect(input('ls a | grep log.md | while read f; do rm "$f"; done')).toEqual([['$f', false, 'ls a\ngrep log.md']]);
    expect(input('L=a/log.md; while read f; do rm "$f"; done < "$L"')).toEqual([['$f', false, 'a/log.md']]);
    expect(input('read f < list; rm "$f"; rm x')).toEqual([
      ['$f', false, 'list'],
      ['x', true, undefined],
    ]);
    expect(input('for f in $(cat list) a; do rm "$f"; done')).toEqual([
      ['$(…)', false, '$(cat list)'],
      ['a', true, undefined],
    ]);
  });

  it('reads a loop over many words once, as input', () => {
    const words = Array.from({ length: 100 }, (_, k) => `w${k}`).join(' ');
    expect(shellWrites(`for f in ${words} log.md; do rm "$f"; done`).map((w) => [w.path, w.exact, w.input])).toEqual([
      ['$f', false, `${words} log.md`.replaceAll(' ', '\n')],
    ]);
  });

  it('finishes on hostile input: thousands of brace groups, substitutions and quotes', () => {
    const groups = shellWrites(`rm ${'{a,b}'.repeat(20_000)}/log.md`);
    expect(groups).toHaveLength(1);
    expect(groups[0]!).toMatchObject({ exact: false, name: 'log.md' }); // left unknown: fails closed
    expect(shellWrites(`${'$('.repeat(50_000)} > log.md`)).toEqual([]);
    expect(shellWrites(`echo ${'"'.repeat(50_001)} > log.md`)).toEqual([]);
    // A loop multiplies the writes to check: at most 1,024 readings in all, the rest read as input.
    const loop = shellWrites(`for f in ${'a/log.md '.repeat(64)}; do ${'rm "$f"; '.repeat(5_000)} done`);
    expect(loop).toHaveLength(16 * 64 + (5_000 - 16));
    expect(loop.at(-1)).toMatchObject({ path: '$f', exact: false, input: expect.stringContaining('a/log.md') });
    // Variables whose value doubles at each step (x=$x$x, a loop over $a $a setting a=$b$b) ran
    // the hook out of memory: what variables expand to is bounded, beyond it they are unknown.
    const t0 = performance.now();
    expect(shellWrites(`${'x=$x$x; '.repeat(60)}echo $x > a/log.md`)).toMatchObject([{ path: 'a/log.md', exact: true }]);
    expect(shellWrites(`x=aaaa; ${'x=$x$x; '.repeat(60)}rm "$x/log.md"`)).toMatchObject([{ exact: false, name: 'log.md' }]);
    expect(shellWrites(`${'for b in $a $a; do a=$b$b; '.repeat(40)}rm "$a/log.md"`).every((w) => w.name === 'log.md')).toBe(true);
    expect(shellWrites(`x=${'a'.repeat(100_000)}; echo ${'$x'.repeat(40_000)} > log.md`)).toMatchObject([{ path: 'log.md' }]);
    expect(performance.now() - t0).toBeLessThan(5_000);
    // A find -name pattern of a quarter of a million [ is matched in linear time.
    const t1 = performance.now();
    expect(shellWrites(`find . -name '${'['.repeat(250_000)}' -delete`)).toMatchObject([{ exact: false, name: undefined }]);
    expect(shellWrites(`find . -name '${'*['.repeat(125_000)}' -delete`)).toMatchObject([{ exact: false, name: undefined }]);
    expect(performance.now() - t1).toBeLessThan(2_000);
  });
});
