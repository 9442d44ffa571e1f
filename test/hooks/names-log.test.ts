/**
 * Which Bash commands log-guardian reads (namesLog): every text that names log.md, in any letter
 * case and through quotes, backslashes, braces or commas: every text the regular expressions it
 * replaced found, and brace alternatives they missed (`{log,now}.md`).
 */
import { describe, expect, it } from 'vitest';
import { namesLog } from '../../scripts/lib/guardian/decide.ts';

/** The rule as it was written with regular expressions. */
const byPattern = (command: string): boolean => /log\.md/i.test(command) || (/["'\\{}]/.test(command) && /log\.md/i.test(command.replace(/["'\\{},]/g, '')));

// Letters of the name in both cases, the characters a shell takes away, others around them, and
// characters whose case mapping is special (Kelvin sign, long s, dotted and dotless i).
const ALPHABET = ['l', 'o', 'g', '.', 'm', 'd', 'L', 'O', 'G', 'M', 'D', '"', "'", '\\', '{', '}', ',', ' ', 'x', '\u212a', '\u017f', '\u0130', '\u0131'];

describe('namesLog', () => {
  it('decides as the regular expressions did, on 60,000 texts made of the name, quoting and look-alikes', () => {
    let seed = 11;
    // The high bits of a linear congruential generator: its low bits repeat with a short period.
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 16;
    const texts = ['log.md', 'LOG.MD', 'l"o"g.md', "'log'.md", 'log\\.md', 'lo{g}.md', 'lo,g.md', 'cat _kernel/Log.Md', 'npm test', ''];
    const pick = () => ALPHABET[next() % ALPHABET.length]!;
    for (let k = 0; k < 60_000; k++) {
      // The name, its letters in either case, with now and then a character slipped between them.
      let text = next() % 2 === 0 ? pick() : '';
      for (const c of 'log.md') {
        text += next() % 2 === 0 ? c : c.toUpperCase();
        if (next() % 4 === 0) text += pick();
      }
      texts.push(text + (next() % 2 === 0 ? pick() : ''));
    }
    // One expect for all (60,000 calls of expect cost a second): the texts decided otherwise, listed.
    expect(texts.filter((text) => byPattern(text) && !namesLog(text))).toEqual([]);
    expect(texts.filter(byPattern).length).toBeGreaterThan(500);
  });

  it('reads a brace group whose alternative makes the name, which the patterns missed', () => {
    for (const text of ['rm _kernel/{log,now}.md', 'git checkout -- {tasks,"log"}.md', 'rm lo{g,x}.md', 'rm {a,{log,b}}.md', "cp x l'o'{g,}.md"]) {
      expect(namesLog(text), text).toBe(true);
    }
    for (const text of ['rm {now,tasks}.md', 'echo {log,x}; cat a.md', 'npm test', 'grep -rn foo src', 'git grep -n foo | head'])
      expect(namesLog(text), text).toBe(false);
    // The names grep or rg lists, given to another command, may be logs (review of 2026-12-07).
    for (const text of ['grep -rl foo . | xargs sed -i s/a/b/', 'sed -i s/a/b/ $(grep -rl foo .)', 'rg -l foo | while read f; do :; done'])
      expect(namesLog(text), text).toBe(true);
  });

  it('reads git pathspecs that exclude or select by attribute, and rsync removing files, which spell no log.md', () => {
    // Review of 2026-12-07 (#7, #13): each reaches a log without naming it.
    const read = [
      "git checkout HEAD~1 -- ':!K/now.md'",
      "git restore -s HEAD~1 -- ':^x'",
      "git checkout HEAD~1 -- ':/!x'",
      "git checkout HEAD~1 -- ':(exclude)*.txt'",
      "git checkout HEAD~1 -- ':(top,exclude)x'",
      "git checkout HEAD~1 -- ':(attr:!binary)'",
      'git checkout HEAD~1 -- :\\!x',
      "git checkout HEAD~1 -- ':'{!,}x",
      'rsync -r --remove-source-files K/ /tmp/bk/',
      'rsync --remove-sent-files K /tmp/bk/',
      'rsync -a --delete /tmp/d/ K/',
      'rsync -a --del /tmp/d/ K/',
      // A folder's contents copied (its log.md among them): read since 2026-12-07.
      'rsync -a src/ /tmp/bk/',
      'cp -r src/. /tmp/bk/',
      'cp -rT src /tmp/bk',
      'cp -r --no-target-directory src /tmp/bk',
      'cp -r src/ /tmp/bk/',
      'cp -a src /tmp/bk/',
      'ditto src /tmp/bk',
    ];
    for (const text of read) expect(namesLog(text), text).toBe(true);
    for (const text of [
      'git checkout HEAD~1 -- src/a.ts',
      'git log --oneline -- ":(top)src"',
      'cp src/a.ts /tmp/bk/',
      'cp -t /tmp/bk src/a.ts',
      'curl https://example.com/x',
      'echo a:b',
    ])
      expect(namesLog(text), text).toBe(false);
  });

  it("reads find's regular expressions, git checkout-index, and what git's listers hand on, which spell no log.md and hold no glob", () => {
    // Third review of 2026-12-07 (M1, M2, M3): each was allowed unread, and bash changed a log.
    const read = [
      "find . -regex '.+\\.md' -delete",
      "find . -type f -iregex '.*\\.\\(md\\|txt\\)' -exec sed -i s/a/b/ {} +",
      "find . '-re'gex '.+\\.md' -delete",
      'git checkout-index -f -a',
      'git ls-files | xargs sed -i s/a/b/',
      'sed -i s/a/b/ $(git diff --name-only HEAD~1)',
      'git status --porcelain | while read s f; do :; done',
      // A find that acts on what it finds, or hands the names on, with no test of the name (2026-12-07).
      'find . -type f -delete',
      'find . -type f | xargs sed -i s/a/b/',
      'sed -i s/a/b/ $(find . -type f)',
    ];
    for (const text of read) expect(namesLog(text), text).toBe(true);
    for (const text of ['find . -type f | wc -l', 'git ls-files | wc -l', 'git diff --name-only HEAD~1', 'git status'])
      expect(namesLog(text), text).toBe(false);
  });

  it('reads sequences, nested groups and groups side by side, which the alternatives alone missed', () => {
    for (const text of ['rm K/lo{f..h}.md', 'rm l{m..p}g.md', 'rm lo{A..Z}.md', 'rm K/{{l,x},y}og.md', 'rm K/{lo,xx}{yy,g.md}', "rm '{'lo,x}g.md"]) {
      expect(namesLog(text), text).toBe(true);
    }
    for (const text of ['rm K/lo{a..c}.md', 'rm K/{lo,xx}{yy,z.md}', 'echo {1..3}; cat a.md', 'echo {a..z}; ls ..']) expect(namesLog(text), text).toBe(false);
  });

  it('decides a megabyte of nested braces in linear time', () => {
    // Cost grows with the text, not its square: eight times the braces cost about eight times as
    // much (a quadratic reader, 64 times). Compared within the test in CPU time, best of three
    // each: wall time counted other processes' turns on a loaded machine, most in the longer run.
    // No absolute limit (timing targets live in npm run bench).
    // Sequences too (each reads its range of letters): a fourth as many, or the test costs twice as much.
    const braces = (n: number) => `${'{a,'.repeat(n)}${'}'.repeat(n)}${'{a..c}'.repeat(n / 4)}`;
    const best = (text: string) => {
      let us = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        const t0 = process.cpuUsage();
        expect(namesLog(text)).toBe(false);
        const t = process.cpuUsage(t0);
        us = Math.min(us, t.user + t.system);
      }
      return us;
    };
    const small = braces(1 << 15);
    const large = braces(1 << 18);
    best(small);
    expect(best(large) / best(small)).toBeLessThan(24);
  });

  it('reads glob words of up to 200 KB of unclosed ${, { and $ in linear time (the glob check runs on every command with a * or ?)', () => {
    // 8,192 and 65,536 repeats: eight times the text costs about eight times as much (measured 7-8.5),
    // a quadratic reader 64 times; twice these sizes cost 0.45 s more for the same ratios. Best of
    // five, under half the quadratic ratio: best of three went to 25 once on a loaded machine
    // (interop scripts beside the suite, the workers' GC on their main thread).
    const best = (text: string) => {
      let us = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 5; i++) {
        const t0 = process.cpuUsage();
        namesLog(text);
        const t = process.cpuUsage(t0);
        us = Math.min(us, t.user + t.system);
      }
      return us;
    };
    for (const unit of ['${', '{', '${a', '$a{', '[!', '[!a']) {
      const word = (n: number) => `rm x.txt*${unit.repeat(n)}`;
      best(word(1 << 13));
      expect(best(word(1 << 16)) / best(word(1 << 13)), unit).toBeLessThan(32);
    }
    expect(namesLog('rm _kernel/{$X*,y}.md')).toBe(true);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced form
    expect(namesLog('rm _kernel/*.${EXT}')).toBe(true);
    expect(namesLog('rm -f *.ts build/*.js')).toBe(false);
    // Bracket expressions are globs too; a negated one may still match LOG.md on disk.
    expect(namesLog("sed -i 's/a/b/' [l]og.md")).toBe(true);
    expect(namesLog('rm _kernel/lo[g].m[d]')).toBe(true);
    expect(namesLog('rm [!l]og.md')).toBe(true);
    expect(namesLog('rm [abc].txt; [ -f x ] && rm y')).toBe(false);
    for (const word of ['[[:alpha:]]og.md', '[[.l.]]og.md', '[\\l]og.md', '[l""]og.md', "[$'l']og.md", '[]l]og.md']) {
      expect(namesLog(`sed -i s/a/b/ ${word}`), word).toBe(true);
    }
  });
});
