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
  // "$W" may also be an option with its value attached (W=-e…: a script): a write of a name it cannot tell.
  [
    'an unknown folder keeps the known name',
    'sed -i s/a/b/ "$W"/log.md',
    [
      ['$W/log.md', 'replace', false],
      ['<a file sed writes>', 'replace', false],
    ],
  ],
  // bash splits an unquoted value at IFS: blanks run together; each other IFS character cuts once.
  [
    'a value split into words, quoted not',
    `x=" a  b "; rm $x "$x"; IFS=': '; y='c : d::e :'; rm $y`,
    [
      ['a', 'remove', true],
      ['b', 'remove', true],
      [' a  b ', 'remove', true],
      ['c', 'remove', true],
      ['d', 'remove', true],
      ['', 'remove', true],
      ['e', 'remove', true],
    ],
  ],
  [
    'brace sequences: letters, and numbers padded as the wider end',
    'rm lo{f..h}.md x{08..10..2}',
    [
      ['lof.md', 'remove', true],
      ['log.md', 'remove', true],
      ['loh.md', 'remove', true],
      ['x08', 'remove', true],
      ['x10', 'remove', true],
    ],
  ],
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
  ['find -delete of names a bracket range matches', "find . -name '[a-z]og.md' -delete", [['./<found by find>/log.md', 'remove', false]]],
  ['find -delete of names no log.md matches', "find . -name '[!l]og.md' -delete", [['./<found by find>/*', 'remove', false]]],
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
  ['find -exec sh -c with the found name as $1', 'find . -name log.md -exec sh -c \'echo > "$1"\' _ {} \\;', [['./<found by find>/log.md', 'replace', false]]],
  ['find -exec sh -c with {} inside the script', "find . -name log.md -exec sh -c 'echo > {}' \\;", [['./<found by find>/log.md', 'replace', false]]],
  [
    "find -exec sh -c with '{}' quoted inside the script",
    'find . -name log.md -exec sh -c "echo > \'{}\'" \\;',
    [['./<found by find>/log.md', 'replace', false]],
  ],
  [
    'find -exec cp onto {}.bak (a name built on {}, with an extension: the file written)',
    'find . -name log.md -exec cp x {}.bak \\;',
    [['./<found by find>/log.md.bak', 'replace', false]],
  ],
  [
    'cp of one file into a folder the text does not tell: a last name without an extension may be a folder',
    'cp x "$D/_kernel"; cp x y "$D/x.md"',
    [
      ['$D/_kernel', 'replace', false],
      ['$D/_kernel/x', 'replace', false],
      // "$D…" may be cp's -t with its value attached (D=-t.).
      ['<a file cp writes>', 'replace', false],
      ['$D/x.md', 'replace', false],
      ['$D/x.md/x', 'replace', false],
      ['$D/x.md/y', 'replace', false],
      ['<a file cp writes>', 'replace', false],
    ],
  ],
  [
    'cp into "$D/" (a folder: one slash)',
    'cp k/log.md "$D/"',
    [
      ['$D/', 'replace', false],
      ['$D/log.md', 'replace', false],
      ['<a file cp writes>', 'replace', false],
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
  ['busybox runs its applet', "busybox sed -i 's/a/b/' log.md", [['log.md', 'replace', true]]],
  ['busybox sh -c', "busybox sh -c 'echo x >> k/log.md'", [['k/log.md', 'append', true]]],
  ['coproc runs its command', 'coproc rm log.md', [['log.md', 'remove', true]]],
  ['coproc NAME { …; }', 'coproc W { tee log.md; }', [['log.md', 'replace', true]]],
  [
    'set -- sets the positional parameters',
    'set -- k/log.md b; sed -i s/a/b/ "$1"; rm "$2"',
    [
      ['k/log.md', 'replace', true],
      ['b', 'remove', true],
    ],
  ],
  ['set WORD… (no options) sets them too', 'set k/log.md; : > "$1"', [['k/log.md', 'replace', true]]],
  ['set with options only leaves them', 'set -- k/log.md; set -e; rm "$1"', [['k/log.md', 'remove', true]]],
  ['shift moves them down', 'set -- a k/log.md; shift; rm "$1"', [['k/log.md', 'remove', true]]],
  ['shift N', 'set -- a b k/log.md; shift 2; rm "$1"', [['k/log.md', 'remove', true]]],
  ['setsid, ionice and nohup run their command', 'setsid -f ionice -c3 nohup rm log.md', [['log.md', 'remove', true]]],
  ['chrt PRIORITY COMMAND', 'chrt -i 0 rm log.md', [['log.md', 'remove', true]]],
  ['taskset MASK COMMAND', 'taskset -c 0,1 rm log.md', [['log.md', 'remove', true]]],
  ['flock FILE COMMAND', 'flock -w 5 /tmp/l rm log.md', [['log.md', 'remove', true]]],
  ['flock FILE -c STRING', "flock /tmp/l -c 'rm log.md'", [['log.md', 'remove', true]]],
  ['su -c STRING', "su -c 'rm k/log.md' root", [['k/log.md', 'remove', true]]],
  ['runuser --command=STRING', "runuser -u me --command='rm k/log.md'", [['k/log.md', 'remove', true]]],
  ["watch's words, run by sh -c", "watch -n 5 'echo x >> log.md'", [['log.md', 'append', true]]],
  ['watch with the command as words', 'watch -n 5 rm log.md', [['log.md', 'remove', true]]],
  // Found by a second attack on the hook (2026-12-05).
  // "$B" may also be an option (`-t DIR`): a write of a name it cannot tell, read from cp's words.
  [
    'cp -T: the destination is the file, never a folder',
    'cp -T a.md "$B"',
    [
      ['$B', 'replace', false],
      ['<a file cp writes>', 'replace', false],
    ],
  ],
  [
    'mv --no-target-directory',
    'mv --no-target-directory a.md "$B"',
    [
      ['$B', 'replace', false],
      ['a.md', 'remove', true],
      ['<a file mv writes>', 'replace', false],
    ],
  ],
  ['trap runs its command string', "trap 'echo x >> k/log.md' EXIT", [['k/log.md', 'append', true]]],
  [
    'find -fprint FILE and -fls FILE',
    'find . -name x -fprint k/log.md -fls o/log.md',
    [
      ['k/log.md', 'replace', true],
      ['o/log.md', 'replace', true],
    ],
  ],
  ['find -fprintf FILE FORMAT', "find . -fprintf k/log.md '%p'", [['k/log.md', 'replace', true]]],
  ['find -regex matching log.md with -delete', "find . -regex '.*/log\\.md' -delete", [['./<found by find>/log.md', 'remove', false]]],
  ['find -regex not matching log.md', "find . -regex '.*\\.tmp' -delete", [['./<found by find>/*', 'remove', false]]],
  ['find -regex with alternatives', "find . -regex '.*log\\.md\\|.*\\.tmp' -delete", [['./<found by find>/log.md', 'remove', false]]],
  ['find -regex ending in a pattern', "find . -regex '.*/l.*' -delete", [['./<found by find>/log.md', 'remove', false]]],
  ['runuser -u USER -- COMMAND', 'runuser -u root -- rm k/log.md', [['k/log.md', 'remove', true]]],
  ['a script in a here-document to bash', "bash <<'EOF'\nsed -i s/a/b/ k/log.md\nEOF\necho done", [['k/log.md', 'replace', true]]],
  ['a script in a here-document to sh -s, unquoted', 'sh -s <<EOF\nrm k/log.md\nEOF', [['k/log.md', 'remove', true]]],
  ['a here-document that only reads is no write', "bash <<'EOF'\ncat k/log.md\nEOF", []],
  ['a script in a here-string to bash', "bash <<< 'echo x >> k/log.md'", [['k/log.md', 'append', true]]],
  ['source /dev/stdin with a here-document', "source /dev/stdin <<'EOF'\n: > k/log.md\nEOF", [['k/log.md', 'replace', true]]],
  ['a here-document to a script file is the script’s input, not a script', "bash run.sh <<'EOF'\nrm k/log.md\nEOF", []],
  ['L+=WORD appends to a variable set earlier', 'L=k/log; L+=.md; rm "$L"', [['k/log.md', 'remove', true]]],
  [
    'a := default sets the variable for what follows',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
    ': "${Q:=k/log.md}"; : > "$Q"',
    [['k/log.md', 'replace', true]],
  ],
  ['script FILE (its transcript)', 'script -q log.md', [['log.md', 'replace', true]]],
  [
    'script -a, -c and its log options',
    "script -a -c 'rm k/log.md' -O o/log.md log.md",
    [
      ['o/log.md', 'replace', true],
      ['log.md', 'append', true],
      ['k/log.md', 'remove', true],
    ],
  ],
  [
    'script FILE COMMAND (BSD, macOS: the words after the file run)',
    'script -q out.txt sed -i s/a/b/ log.md',
    [
      ['out.txt', 'replace', true],
      ['log.md', 'replace', true],
    ],
  ],
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

  it('runs the command of env -C / --chdir and sudo -D / --chdir in that folder, for that command alone', () => {
    const at = (command: string) => shellWrites(command).map((w) => [w.path, w.kind, w.dir]);
    expect(at('env -C k rm log.md; rm x')).toEqual([
      ['log.md', 'remove', 'k'],
      ['x', 'remove', ''],
    ]);
    expect(at('env --chdir=k sed -i s/a/b/ log.md')).toEqual([['log.md', 'replace', 'k']]);
    expect(at('env -Ck sed -i s/a/b/ log.md')).toEqual([['log.md', 'replace', 'k']]);
    expect(at('cd a && sudo -D k rm log.md')).toEqual([['log.md', 'remove', 'a/k']]);
    expect(at('sudo --chdir /w/k rm log.md')).toEqual([['log.md', 'remove', '/w/k']]);
    expect(at('env -C "$D" rm log.md')).toEqual([['log.md', 'remove', undefined]]);
    expect(at("env -C k sh -c 'echo x >> log.md'")).toEqual([['log.md', 'append', 'k']]);
    // A redirection is the shell's, in the shell's folder.
    expect(at('env -C k cat > log.md')).toEqual([['log.md', 'replace', '']]);
  });

  it("reads env -S's string as a command", () => {
    const paths = (command: string) => shellWrites(command).map((w) => [w.path, w.kind]);
    expect(paths("env -S 'rm k/log.md'")).toEqual([['k/log.md', 'remove']]);
    expect(paths('env --split-string="sed -i s/a/b/" k/log.md')).toEqual([['k/log.md', 'replace']]);
    expect(paths("env -S'rm k/log.md'")).toEqual([['k/log.md', 'remove']]);
  });

  it('reads a default value ($x with :-, -, := or :+ and a WORD) as what the path may be', () => {
    const writes = (command: string) => shellWrites(command).map((w) => [w.path, w.exact, w.input]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
    expect(writes('echo > ${x:-k/log.md}')).toEqual([['${x:-k/log.md}', false, 'k/log.md']]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
    expect(writes('rm "${L-k/log.md}"; sed -i s/a/b/ ${y:=k/log.md}')).toEqual([
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
      ['${L-k/log.md}', false, 'k/log.md'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
      ['${y:=k/log.md}', false, 'k/log.md'],
      // y may be set outside the command, to an option of sed's.
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
      ['<a file sed writes>', false, '-i s/a/b/ ${y:=k/log.md}\nk/log.md'],
    ]);
    // A variable the command set is read as before.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
    expect(writes('x=a/notes; echo > ${x}')).toEqual([['a/notes', true, undefined]]);
  });

  it('reads a pattern operator on a variable (% / : after its name) as what the variable holds', () => {
    const writes = (command: string) => shellWrites(command).map((w) => [w.path, w.exact, w.input]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
    expect(writes('rm "${L/a/b}"')).toEqual([['${L/a/b}', false, '${L/a/b}']]);
    // A glob in the pattern is not worked out: what the variable holds.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
    expect(writes('L=k/log.mdx; rm "${L%x*}"')).toEqual([['${L%x*}', false, 'k/log.mdx']]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
    expect(writes('L=k/now.md; rm "${L:1}"')).toEqual([['${L:1}', false, 'k/now.md']]);
  });

  // Fourth review of 2026-12-07: `f=K/now.md; : > "${f/now/log}"` emptied the log.
  it('works out a plain pattern operator on a variable of known text, as bash does', () => {
    const path = (command: string) => shellWrites(command).map((w) => [w.path, w.exact]);
    for (const [command, result] of [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
      ['L=k/log.mdx; rm "${L%x}"', 'k/log.md'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
      ['L=k/log.md.x.x; rm "${L%%.x.x}"', 'k/log.md'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
      ['L=x/k/log.md; rm "${L#x/}"', 'k/log.md'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
      ['L=k/now.md; rm "${L/now/log}"', 'k/log.md'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
      ['L=k/a.a; rm "${L//a/log}"', 'k/log.log'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
      ['L=now/k/now.md; rm "${L/#now/log}"', 'log/k/now.md'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
      ['L=k/now.md; rm "${L/%now.md/log.md}"', 'k/log.md'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
      ['L=k/now.md; rm "${L%x}"', 'k/now.md'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
      ['L=k/now.md; rm "${L/now}"', 'k/.md'],
    ]) {
      expect(path(command!), command).toEqual([[result, true]]);
    }
  });

  it('reads printf -v NAME as setting NAME from its words', () => {
    const writes = (command: string) => shellWrites(command).map((w) => [w.path, w.exact, w.input]);
    expect(writes('printf -v L \'%s\' k/log.md; : > "$L"')).toEqual([['$L', false, '%s k/log.md']]);
  });

  it('reads a `for NAME;` loop (no `in`) over the positional parameters', () => {
    const writes = (command: string) => shellWrites(command).map((w) => [w.path, w.exact, w.input]);
    expect(writes('sh -c \'for f; do : > "$f"; done\' _ k/log.md')).toEqual([['$@', false, 'k/log.md']]);
  });

  it('reads a script piped into a shell, or given to it or to source as <(…), as input it cannot see into', () => {
    const writes = (command: string) => shellWrites(command).map((w) => [w.path, w.kind, w.exact, w.input]);
    expect(writes("echo 'sed -i s/a/b/ k/log.md' | bash")).toEqual([['<script bash reads>', 'replace', false, "echo 'sed -i s/a/b/ k/log.md'"]]);
    expect(writes("source <(echo 'rm k/log.md')")).toEqual([['<script source reads>', 'replace', false, "<(echo 'rm k/log.md')"]]);
    expect(writes('bash run.sh < input.txt')).toEqual([]);
  });

  it('does not follow pushd +N or -N (a place in the folder stack)', () => {
    expect(shellWrites('pushd +1 && rm log.md')[0]!.dir).toBeUndefined();
    expect(shellWrites('pushd -0 && rm log.md')[0]!.dir).toBeUndefined();
  });

  it("reads a function's positional parameters as the command's text", () => {
    const writes = (command: string) => shellWrites(command).map((w) => [w.path, w.exact, w.input]);
    const command = 'f() { rm "$1"; }; f k/log.md';
    expect(writes(command)).toEqual([['$1', false, command]]);
    const all = 'g() { sed -i s/a/b/ "$@"; }; g k/log.md';
    // "$@" may be -n -i: a write of a name it cannot tell, read from sed's words and the call.
    expect(writes(all)).toEqual([
      ['$@', false, all],
      ['<a file sed writes>', false, `-i s/a/b/ "$@"\n${all}`],
    ]);
    // sh -c has the parameters it is given, and set -- gives them.
    expect(writes('sh -c \'rm "$1"\' _ a')).toEqual([['a', true, undefined]]);
    expect(writes('set -- a b; rm "$@"')).toEqual([['$@', false, 'a\nb']]);
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
    // A substitution's input is its command's text (what it prints is the names).
    expect(input('for f in $(cat list) a; do rm "$f"; done')).toEqual([
      ['$(…)', false, 'cat list'],
      ['a', true, undefined],
    ]);
  });

  it('reads a loop over many words once, as input', () => {
    const words = Array.from({ length: 100 }, (_, k) => `w${k}`).join(' ');
    expect(shellWrites(`for f in ${words} log.md; do rm "$f"; done`).map((w) => [w.path, w.exact, w.input])).toEqual([
      ['$f', false, `${words} log.md`.replaceAll(' ', '\n')],
    ]);
  });

  it('stops at its deadline: what is left is one write for the commands it does not read', () => {
    expect(shellWrites('cd a; rm log.md', { deadline: 0 })).toMatchObject([
      { path: '<commands past what it reads>', unread: true, via: 'commands it had no time left to read' },
    ]);
    expect(shellWrites('cd a; rm log.md', { deadline: Date.now() + 60_000 })).toMatchObject([{ path: 'log.md', kind: 'remove' }, { path: 'log.md' }]);
  });

  it('finishes on hostile input: thousands of brace groups, substitutions and quotes', () => {
    // Without the reader's deadline, which a busy machine may reach on these: what it reads is the point here.
    const readAll = (command: string) => shellWrites(command, { deadline: Infinity });
    const groups = readAll(`rm ${'{a,b}'.repeat(20_000)}/log.md`);
    expect(groups).toHaveLength(1);
    expect(groups[0]!).toMatchObject({ exact: false, name: 'log.md' }); // left unknown: fails closed
    // What a $(…) prints is run as a program: one it cannot read, whose text names log.md (fails closed).
    // Past 8 levels, the rest is one write for the commands it does not read.
    const programs = readAll(`${'$('.repeat(50_000)} > log.md`);
    const read = programs.filter((w) => !w.unread);
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((w) => w.via === '$(…) with a word it cannot read' && w.name === undefined)).toBe(true);
    expect(programs.filter((w) => w.unread)).toMatchObject([{ path: '<commands past what it reads>', via: 'commands nested more than 8 levels deep' }]);
    expect(readAll(`echo ${'"'.repeat(50_001)} > log.md`)).toEqual([]);
    // A loop multiplies the writes to check: at most 1,024 readings in all, the rest read as input
    // (64 runs of the first 16 commands; 200 commands show it as 5,000 did, at a twentieth of the cost).
    const loop = readAll(`for f in ${'a/log.md '.repeat(64)}; do ${'rm "$f"; '.repeat(200)} done`);
    expect(loop).toHaveLength(16 * 64 + (200 - 16));
    expect(loop.at(-1)).toMatchObject({ path: '$f', exact: false, input: expect.stringContaining('a/log.md') });
    // Variables whose value doubles at each step (x=$x$x, a loop over $a $a setting a=$b$b) ran
    // the hook out of memory: what variables expand to is bounded, beyond it they are unknown.
    const t0 = performance.now();
    expect(readAll(`${'x=$x$x; '.repeat(60)}echo $x > a/log.md`)).toMatchObject([{ path: 'a/log.md', exact: true }]);
    expect(readAll(`x=aaaa; ${'x=$x$x; '.repeat(60)}rm "$x/log.md"`)).toMatchObject([{ exact: false, name: 'log.md' }]);
    expect(readAll(`${'for b in $a $a; do a=$b$b; '.repeat(40)}rm "$a/log.md"`).every((w) => w.name === 'log.md')).toBe(true);
    expect(readAll(`x=${'a'.repeat(100_000)}; echo ${'$x'.repeat(40_000)} > log.md`)).toMatchObject([{ path: 'log.md' }]);
    expect(performance.now() - t0).toBeLessThan(5_000);
    // A find -name pattern of a quarter of a million [ is matched in linear time.
    const t1 = performance.now();
    expect(readAll(`find . -name '${'['.repeat(250_000)}' -delete`)).toMatchObject([{ exact: false, name: undefined }]);
    expect(readAll(`find . -name '${'*['.repeat(125_000)}' -delete`)).toMatchObject([{ exact: false, name: undefined }]);
    expect(performance.now() - t1).toBeLessThan(2_000);
  });
});
