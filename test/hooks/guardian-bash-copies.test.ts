/**
 * log-guardian on copies whose source names the text does not spell, and on scripts a shell reads
 * from where the reader did not look: found by an attack review of 2026-12-07 (the fourth), each
 * of these replaced, emptied or removed a signed walnut log and was allowed. cp, mv, install, ln
 * and rsync into a folder write each source under its own last name, so a source named by a glob,
 * a variable or xargs' input may land as log.md; `bash -s ARGS` and `bash < <(…)` run the script
 * they read; `find -execdir` runs its command in each found file's folder.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decide, namesLog } from '../../scripts/lib/guardian/decide.ts';
import { shellWrites } from '../../scripts/lib/guardian/shell.ts';
import { guardianCall } from '../../scripts/lib/hook/input.ts';

const LOG = '---\nwalnut: garden\n---\n\n## 2024-03-01 — squirrel:s3\nPlanted tomatoes.\nsigned: squirrel:s3\n';
const K = '04_Ventures/garden/_kernel';

let base: string;
let world: string;
let home: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'alive-guardian-copies-')));
  world = join(base, 'world');
  home = join(base, 'home');
  mkdirSync(join(world, '.alive'), { recursive: true });
  mkdirSync(join(world, K), { recursive: true });
  writeFileSync(join(world, K, 'log.md'), LOG);
  writeFileSync(join(world, K, 'now.md'), 'now\n');
  mkdirSync(join(world, '04_Ventures', 'tmpl', '_kernel'), { recursive: true });
  for (const f of ['key.md', 'log.md', 'now.md']) writeFileSync(join(world, '04_Ventures', 'tmpl', '_kernel', f), `${f}\n`);
  mkdirSync(join(world, '04_Ventures', 'fresh', '_kernel'), { recursive: true });
  mkdirSync(join(base, 'backups'), { recursive: true });
  for (const f of ['key.md', 'log.md', 'notes.txt']) writeFileSync(join(base, 'backups', f), `${f}\n`);
  mkdirSync(join(base, 'drafts'), { recursive: true });
  for (const f of ['a.md', 'b.md']) writeFileSync(join(base, 'drafts', f), `${f}\n`);
  mkdirSync(join(home, '.alive'), { recursive: true });
  mkdirSync(join(world, 'code', 'src', 'lib'), { recursive: true });
  writeFileSync(join(world, 'code', 'src', 'a.ts'), 'foo\n');
  writeFileSync(join(world, 'code', 'src', 'lib', 'b.ts'), 'foo\n');
  const diff = (file: string) => `diff --git a/${file} b/${file}\n--- a/${file}\n+++ b/${file}\n@@ -1 +1 @@\n-a\n+b\n`;
  writeFileSync(join(base, 'drafts', 'fix.patch'), diff(`${K}/log.md`));
  writeFileSync(join(base, 'drafts', 'ok.patch'), diff(`${K}/now.md`));
  // A mailbox whose body git am decodes (base64), and names in git's C quotes (`l\157g.md`).
  writeFileSync(
    join(base, 'drafts', 'b64.mbox'),
    `From 0 Mon Sep 17 00:00:00 2001\nSubject: [PATCH] x\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n${Buffer.from(diff(`${K}/log.md`)).toString('base64')}\n`,
  );
  writeFileSync(
    join(base, 'drafts', 'folded.mbox'),
    `From 0 Mon Sep 17 00:00:00 2001\nSubject: [PATCH] x\nContent-Transfer-Encoding:\n base64\n\n${Buffer.from(diff(`${K}/log.md`)).toString('base64')}\n`,
  );
  writeFileSync(join(base, 'drafts', 'quoted.patch'), `--- "a/${K}/l\\157g.md"\n+++ "b/${K}/l\\157g.md"\n@@ -1 +1 @@\n-a\n+b\n`);
  writeFileSync(join(world, '04_Ventures', 'garden', 'p.patch'), diff('_kernel/log.md'));
  writeFileSync(join(world, '04_Ventures', 'garden', 'ok.patch'), diff('_kernel/now.md'));
});

function decision(command: string) {
  const call = guardianCall({
    cwd: world,
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command: command.replaceAll('<BASE>', base), description: 'x' },
  });
  expect(call).toBeDefined();
  return decide(call!, { HOME: home, ALIVE_HOME: join(home, '.alive') }, world, shellWrites);
}

function expectDenied(command: string): void {
  const d = decision(command);
  expect(d.allow, command).toBe(false);
  if (!d.allow) expect(d.reason, command).toMatch(/Edit/);
}

describe('log-guardian: copies into a walnut log folder of sources the text does not name', () => {
  it.each([
    `cp 04_Ventures/tmpl/_kernel/*.md ${K}/`,
    `cp <BASE>/backups/*.md ${K}/`,
    `cd ${K} && cp <BASE>/backups/*.md .`,
    `mv -t ${K} <BASE>/backups/*.md`,
    `cp <BASE>/backups/log.m? ${K}/`,
    `cp <BASE>/backups/[l]og.md ${K}/`,
    `install <BASE>/backups/l* ${K}/`,
    `ln -sf <BASE>/backups/*.md ${K}/`,
    `rsync <BASE>/backups/*.md ${K}/`,
    `for f in 04_Ventures/tmpl/_kernel/*.md; do cp "$f" ${K}/; done`,
    `find <BASE>/backups -name '*.md' | xargs -I{} cp {} ${K}/`,
    `find <BASE>/backups -name '*.md' | xargs cp -t ${K}/`,
    `f=<BASE>/backups/log.md; cp "$PREFIX$(basename x)" ${K}/ && cat $f`,
  ])('denies %s', (command) => expectDenied(command));

  it.each([
    `cp <BASE>/backups/*.txt ${K}/`,
    // A glob that matches nothing copies nothing (cp fails on the pattern itself).
    `cp /nonexistent-backup/*.md ${K}/`,
    `cp <BASE>/drafts/*.md ${K}/`,
    `cp ${K}/*.md <BASE>/drafts/`,
    `cp <BASE>/backups/*.md 04_Ventures/fresh/_kernel/`,
    `cp 04_Ventures/tmpl/_kernel/*.md <BASE>/drafts/ && cat ${K}/log.md`,
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));
});

describe('log-guardian: scripts a shell reads from its input', () => {
  it.each([
    `bash -s -- x <<'SH'\nrm ${K}/log.md\nSH`,
    `sh -s arg <<'SH'\n: > ${K}/log.md\nSH`,
    `bash -s -- ${K}/log.md <<'SH'\n: > "$1"\nSH`,
    `bash -xs x <<< 'rm ${K}/log.md'`,
    `echo 'rm ${K}/log.md' | bash -s -- x`,
    `bash < <(echo 'rm ${K}/log.md')`,
    `sh < <(printf 'rm %s\\n' ${K}/log.md)`,
    `bash 0< <(echo 'rm ${K}/log.md')`,
  ])('denies %s', (command) => expectDenied(command));

  // A script it reads in full is read as commands; one a process substitution prints is not seen,
  // and fails closed as one piped in does (`echo 'cat …/log.md' | bash`).
  it.each([`bash -s -- x <<'SH'\ncat ${K}/log.md\nSH`, `bash -s <<< 'wc -l ${K}/log.md'`])('allows %s', (command) =>
    expect(decision(command), command).toEqual({ allow: true }),
  );
});

describe('log-guardian: find -execdir runs its command in the folder of each file found', () => {
  it.each([
    `find . -name now.md -execdir rm -f log.md \\;`,
    `find . -name now.md -execdir truncate -s0 log.md \\;`,
    `find . -name now.md -execdir cp now.md log.md \\;`,
    `find . -type d -name _kernel -execdir rm -f _kernel/log.md \\;`,
    `find . -name now.md -okdir rm -f log.md \\;`,
  ])('denies %s', (command) => expectDenied(command));

  it.each([`find . -name now.md -execdir cat log.md \\;`, `find . -name log.md -execdir wc -l {} \\;`])('allows %s', (command) =>
    expect(decision(command), command).toEqual({ allow: true }),
  );
});

describe('log-guardian: a written name that ends in log.md after a part the text does not tell', () => {
  it.each([
    `cd ${K} && rm "\${PREFIX}log.md"`,
    `rm "${K}/$(true)log.md"`,
    `f=${K}/now.md; rm "\${f%now.md}log.md"`,
    // The text names no log.md here: the quick check lets it through unread (docs/hooks.md); the
    // reader itself works the name out (shell-writes.test.ts).
    `f=${K}/now.md; : > "\${f/now/log}" # log.md`,
  ])('denies %s', (command) => expectDenied(command));

  it.each([`cd ${K} && cat "\${PREFIX}log.md"`, `rm "<BASE>/drafts/$(true)log.md"`])('allows %s', (command) =>
    expect(decision(command), command).toEqual({ allow: true }),
  );
});

describe('log-guardian: programs that remove or rewrite the files they are given', () => {
  it.each([
    `gzip ${K}/log.md`,
    `bzip2 -9 ${K}/log.md`,
    `xz ${K}/log.md`,
    `zstd --rm ${K}/log.md`,
    `zstd -d <BASE>/backups/x.zst -o ${K}/log.md`,
    `zip -m <BASE>/drafts/old.zip ${K}/log.md`,
    `tar -czf <BASE>/drafts/old.tgz --remove-files ${K}/log.md`,
    `iconv -f latin1 -t utf-8 -o ${K}/log.md <BASE>/drafts/a.md`,
    `gawk -i /usr/share/awk/inplace.awk 'NR>1' ${K}/log.md`,
    // The archive tar writes (create) or changes (append, update, catenate) is the -f file: a
    // forgotten archive name (tar -cf file1 file2) made the log a tar archive (a review of 2026-12-08).
    `tar -cf ${K}/log.md ${K}/now.md`,
    `tar cf ${K}/log.md <BASE>/drafts/a.md`,
    `tar -cvzf ${K}/log.md <BASE>/drafts`,
    `tar --create --file=${K}/log.md <BASE>/drafts/a.md`,
    `tar -c -f ${K}/log.md <BASE>/drafts/a.md`,
    `tar -rf ${K}/log.md <BASE>/drafts/a.md`,
    `tar uf ${K}/log.md <BASE>/drafts/a.md`,
    `tar -Af ${K}/log.md <BASE>/drafts/old.tar`,
  ])('denies %s', (command) => expectDenied(command));

  it.each([
    `gzip -k ${K}/log.md`,
    `gzip -c ${K}/log.md > <BASE>/drafts/log.md.gz`,
    `xz --keep ${K}/log.md`,
    `zstd ${K}/log.md -o <BASE>/drafts/log.md.zst`,
    `zip <BASE>/drafts/old.zip ${K}/log.md`,
    `tar -czf <BASE>/drafts/old.tgz ${K}/log.md`,
    `tar cf <BASE>/drafts/old.tar ${K}/log.md`,
    `tar -tf ${K}/log.md`,
    `tar -xflog.md -C <BASE>/drafts`,
    `tar -xf <BASE>/drafts/old.tar -C <BASE>/drafts`,
    `iconv -f latin1 -t utf-8 ${K}/log.md -o <BASE>/drafts/log.md`,
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));
});

describe('log-guardian: file names at the start of the lines grep -r and rg print, handed to a writer', () => {
  it.each([
    `grep -rn signed 04_Ventures | cut -d: -f1 | sort -u | xargs sed -i 's/a/b/'`,
    `sed -i 's/a/b/' $(grep -r signed . | cut -d: -f1)`,
    `grep -rn signed . | cut -d: -f1 | while read f; do sed -i 's/a/b/' "$f"; done`,
    `grep -Hn signed 04_Ventures/*/_kernel/*.md | cut -d: -f1 | xargs sed -i 's/a/b/'`,
    `rg signed | cut -d: -f1 | xargs sed -i 's/a/b/'`,
    // grep's -s only hides error messages: the names are still printed.
    `grep -rns signed . | cut -d: -f1 | xargs sed -i 's/a/b/'`,
  ])('denies %s', (command) => expectDenied(command));

  it.each([
    `grep -rn TODO . | head`,
    `grep -rh signed . | sort | uniq -c`,
    `grep -rn signed . --include='*.ts' | cut -d: -f1 | xargs sed -i 's/a/b/'`,
    `rg -I signed | sort | uniq -c | xargs echo`,
    `grep -rn TODO . | wc -l`,
    // Below folders that hold no log (a bounded look, as find -exec's: paths.ts noLogBelow), the
    // listed names are none: the refactor idiom in a code project inside a world (a review of 2026-12-08).
    `grep -rl foo code/src | xargs sed -i 's/foo/bar/'`,
    `cd code && grep -rl foo src | xargs sed -i 's/foo/bar/'`,
    `grep -rl -e foo code/src code/src/lib | xargs sed -i 's/foo/bar/'`,
    `rg -l foo code/src | xargs sed -i 's/foo/bar/'`,
    `find code/src -type f | xargs sed -i 's/foo/bar/'`,
    `find code/src -name '*.ts' -print0 | xargs -0 sed -i 's/foo/bar/'`,
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));

  it.each([
    // A folder that holds logs, or the pattern taken for one, or one the text does not tell.
    `grep -rl foo code/src 04_Ventures | xargs sed -i 's/foo/bar/'`,
    `grep -rl code/src | xargs sed -i 's/foo/bar/'`,
    `grep -rl foo "$DIR" | xargs sed -i 's/foo/bar/'`,
    `find code/src 04_Ventures -type f | xargs sed -i 's/foo/bar/'`,
    `cd 04_Ventures && rg -l signed garden | xargs sed -i 's/foo/bar/'`,
    // What the command moves there first is not on the disk when the hook looks (a review of this fix).
    `mv 04_Ventures code/src/ && grep -rl foo code/src | xargs sed -i 's/foo/bar/'`,
    `mv 04_Ventures code/src/ && find code/src -type f | xargs sed -i 's/foo/bar/'`,
    `mv 04_Ventures code/src/ && find code/src -type f -exec sed -i 's/foo/bar/' {} +`,
    // A long option by a start of its name (GNU takes one), and starting points find reads from a file.
    `grep -rl --reg=Planted 04_Ventures code/src | xargs sed -i 's/foo/bar/'`,
    `cd code && find -files0-from ../list0 -type f | xargs sed -i 's/foo/bar/'`,
  ])('denies %s', (command) => expectDenied(command));
});

// A review of this session's own fixes (the fifth of 2026-12-07) found these still allowed.
describe('log-guardian: the fixes above, as a review of them tried to get past them', () => {
  it.each([
    `gzip -S.tgz ${K}/log.md`,
    `xz -Ccrc32 ${K}/log.md`,
    `xz -Flzma ${K}/log.md`,
    `tar --remove -czf <BASE>/drafts/x.tgz ${K}/log.md`,
    `tar --remove-files -czf <BASE>/drafts/x.tgz -C ${K} log.md`,
    `tar --remove-files -czf <BASE>/drafts/x.tgz --directory=${K} log.md`,
    `find 04_Ventures -name now.md -execdir env rm log.md \\;`,
    `find . -name now.md -exec nice gzip ${K}/log.md \\;`,
    `find . -name now.md -execdir timeout 5 rm log.md \\;`,
    `gzip -d -f ${K}/log.md.gz`,
    `gunzip -f ${K}/log.md.gz`,
    `pigz ${K}/log.md`,
    `pbzip2 ${K}/log.md`,
    `brotli --rm ${K}/log.md`,
    `rsync -a <BASE>/backups/ ${K}/ && cat ${K}/log.md`,
    `cp -r <BASE>/backups/. ${K}/ && cat ${K}/log.md`,
  ])('denies %s', (command) => expectDenied(command));

  it.each([
    `gzip -d ${K}/log.md.gz`,
    `pigz -k ${K}/log.md`,
    `tar -czf <BASE>/drafts/x.tgz -C ${K} log.md`,
    `find . -name now.md -execdir env cat log.md \\;`,
    `rsync -a <BASE>/drafts/ ${K}/ && cat ${K}/log.md`,
    `brotli ${K}/log.md`,
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));
});

// Fourth review of 2026-12-07 (LOW): `xargs -a FILE` failed closed, `xargs … < FILE` did not.
describe('log-guardian: names read from a file the same command wrote', () => {
  it.each([
    `echo ${K}/log.md > <BASE>/drafts/l; xargs rm < <BASE>/drafts/l`,
    `echo ${K}/log.md > <BASE>/drafts/l; while read f; do rm "$f"; done < <BASE>/drafts/l`,
  ])('denies %s', (command) => expectDenied(command));

  it.each([`xargs rm < <BASE>/drafts/list.txt; cat ${K}/log.md`, `echo notes.md > <BASE>/drafts/l; cat ${K}/log.md < <BASE>/drafts/l`, `wc -l < ${K}/log.md`])(
    'allows %s',
    (command) => expect(decision(command), command).toEqual({ allow: true }),
  );
});

// Fifth review of 2026-12-07: the names zip -m and tar --remove-files read from their input.
describe('log-guardian: names a remover reads from its input', () => {
  it.each([
    `echo ${K}/log.md | zip -m -@ <BASE>/drafts/x.zip`,
    `echo ${K}/log.md | zip -m --names-stdin <BASE>/drafts/x.zip`,
    `echo ${K}/log.md | tar --remove-files -czf <BASE>/drafts/x.tgz -T -`,
  ])('denies %s', (command) => expectDenied(command));

  it.each([`echo ${K}/log.md | zip -@ <BASE>/drafts/x.zip`, `echo ${K}/log.md | tar -czf <BASE>/drafts/x.tgz -T -`])('allows %s', (command) =>
    expect(decision(command), command).toEqual({ allow: true }),
  );
});

// The folder copies above were denied only with `&& cat …/log.md` after them, which makes the
// command's text name log.md: the hook reads only commands that may (namesLog), and these never
// spell it, so `rsync -a backups/ …/_kernel/` still replaced the log (found on 2026-12-07).
describe("log-guardian: copies of a folder's contents that never spell log.md", () => {
  it.each([
    `rsync -a <BASE>/backups/ ${K}/`,
    `rsync -av --progress <BASE>/backups/ ${K}`,
    `cp -r <BASE>/backups/. ${K}/`,
    `cp -a 04_Ventures/tmpl/_kernel/. ${K}`,
    `cd ${K} && cp -r <BASE>/backups/. .`,
    `cp -rT <BASE>/backups ${K}`,
    `cp -r --no-target-directory <BASE>/backups ${K}`,
    `cp -aT 04_Ventures/tmpl/_kernel ${K}/`,
    // GNU cp copies the contents of `SRC/./`; macOS's (BSD) cp those of `SRC/`, and ditto those of SRC.
    `cp -r <BASE>/backups/./ ${K}/`,
    `cp -r <BASE>/backups/ ${K}/`,
    `cp -R <BASE>/backups/ ${K}`,
    `cd <BASE>/backups && cp -r . $PWD/../world/${K}/`,
    `ditto <BASE>/backups ${K}`,
  ])('denies %s', (command) => {
    expect(namesLog(command.replaceAll('<BASE>', base)), command).toBe(true);
    expectDenied(command);
  });

  it.each([
    `rsync -a <BASE>/drafts/ ${K}/`,
    `cp -r <BASE>/drafts/. ${K}/`,
    `cp -rT <BASE>/drafts ${K}`,
    `rsync -a ${K}/ <BASE>/drafts/`,
    `cp -r ${K}/. <BASE>/drafts/`,
    `cp ~/.bashrc <BASE>/drafts/`,
    `cp -r <BASE>/drafts/ ${K}/`,
    `ditto <BASE>/drafts ${K}`,
    `ditto ${K} <BASE>/drafts/kernel-copy`,
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));
});

// A folder copied whole lands under its own name, and its files at the same places below: a
// snapshot's `garden/_kernel/log.md` copied over the walnut's (`cp -r snap/garden 04_Ventures/`,
// `rsync -a snap/garden/ 04_Ventures/garden/`) replaced the log, allowed, as only a log.md directly
// in the folder copied was looked for. A folder copied that is not there when the hook runs (made
// earlier in the same command: a clone) may hold anything, and fails closed over a folder that
// holds a log (review of 2026-12-07).
describe('log-guardian: folders copied over a walnut whose log lies further down', () => {
  beforeAll(() => {
    for (const [dir, files] of [
      ['snap/garden/_kernel', ['log.md', 'now.md']],
      ['snapnolog/garden/_kernel', ['now.md']],
      ['restore/garden/_kernel', ['log.md']],
    ] as const) {
      mkdirSync(join(base, dir), { recursive: true });
      for (const f of files) writeFileSync(join(base, dir, f), `forged ${f}\n`);
    }
  });

  it.each([
    `cp -r <BASE>/snap/garden/_kernel 04_Ventures/garden/`,
    `cp -r <BASE>/snap/garden 04_Ventures/`,
    `cp -a <BASE>/snap/garden 04_Ventures`,
    `cp -R <BASE>/snap/garden/ 04_Ventures/garden`,
    // GNU cp copies `SRC/` itself, macOS's cp its contents: both are read.
    `cp -r <BASE>/snap/garden/ 04_Ventures/`,
    `cp -rT <BASE>/snap/garden 04_Ventures/garden`,
    `cp -r <BASE>/snap/garden/. 04_Ventures/garden/`,
    `cp -r -t 04_Ventures <BASE>/snap/garden`,
    `cd 04_Ventures && cp -r <BASE>/snap/garden .`,
    `rsync -a <BASE>/snap/garden/ 04_Ventures/garden/`,
    `rsync -a <BASE>/snap/garden 04_Ventures/`,
    `rsync -r <BASE>/snap/garden 04_Ventures`,
    `rsync -av --progress <BASE>/snap/ 04_Ventures/`,
    `ditto <BASE>/snap/garden 04_Ventures/garden`,
    // Not there when the hook runs: what it will hold is unknown.
    `git clone https://example.com/garden.git <BASE>/clone && cp -r <BASE>/clone/_kernel/. ${K}/`,
    `git clone https://example.com/garden.git <BASE>/clone && rsync -a <BASE>/clone/ 04_Ventures/garden/`,
    `git clone https://example.com/garden.git <BASE>/clone && cp -r <BASE>/clone/garden 04_Ventures/`,
    // --delete removes what the source lacks, at any depth.
    `rsync -a --delete <BASE>/snapnolog/garden/ 04_Ventures/garden/`,
  ])('denies %s', (command) => {
    expect(namesLog(command.replaceAll('<BASE>', base)), command).toBe(true);
    expectDenied(command);
  });

  it.each([
    `cp -r <BASE>/snapnolog/garden 04_Ventures/`,
    `rsync -a <BASE>/snapnolog/garden/ 04_Ventures/garden/`,
    `cp -r <BASE>/snap/garden <BASE>/restore/`,
    `rsync -a --delete <BASE>/snap/garden/ <BASE>/restore/garden/`,
    `cp -r 04_Ventures/garden <BASE>/restore/`,
    // Into a folder of the same name: it lands in 04_Ventures/garden/garden, which is not there.
    `cp -r <BASE>/snap/garden 04_Ventures/garden`,
    `cp -r <BASE>/snap/garden 04_Ventures/new-garden`,
    `cp -r <BASE>/snap/garden/. 04_Ventures/`,
    `cp -rn <BASE>/snap/garden 04_Ventures/`,
    `rsync -a --ignore-existing <BASE>/snap/garden 04_Ventures/`,
    `rsync -a --exclude=log.md <BASE>/snap/garden/ 04_Ventures/garden/`,
    // Without -r rsync skips folders, and cp refuses them.
    `rsync <BASE>/snap/garden 04_Ventures/`,
    `cp <BASE>/snap/garden 04_Ventures/`,
    `git clone https://example.com/garden.git <BASE>/clone && cp -r <BASE>/clone/. <BASE>/restore/`,
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));
});

// An attack review of the folder-copy fix above (2026-12-07), each reproduced in bash with GNU cp
// 9.1 and rsync 3.2.7: the walnut's _kernel/log.md was replaced or removed, and the hook allowed it.
describe('log-guardian: the folder-copy check, as a review tried to get past it', () => {
  beforeAll(() => {
    for (const [dir, files] of [
      ['snapf/garden/_kernel', ['log.md']],
      ['snap2/04_Ventures/garden/_kernel', ['log.md']],
      ['forged/_kernel', ['log.md']],
      ['snap3/garden', []],
    ] as const) {
      mkdirSync(join(base, dir), { recursive: true });
      for (const f of files) writeFileSync(join(base, dir, f), `forged ${f}\n`);
    }
    writeFileSync(join(base, 'snapf/garden/.rsync-filter'), '+ log.md\n');
    writeFileSync(join(base, 'list'), 'garden/_kernel/log.md\n');
    symlinkSync(join(base, 'forged/_kernel'), join(base, 'snap3/garden/_kernel'));
  });

  it.each([
    // GNU cp takes any unambiguous start of a long option.
    `cp -r --no-target-dir <BASE>/snap/garden 04_Ventures/garden`,
    `cp -r --no-t <BASE>/snap/garden 04_Ventures/garden`,
    // An rsync exclude anchored at the top, or undone by an include or filter rule before or after it.
    `rsync -a --exclude=/log.md <BASE>/snap/garden/ 04_Ventures/garden/`,
    `rsync -a --delete --exclude=/log.md <BASE>/snapnolog/garden/ 04_Ventures/garden/`,
    `rsync -a --include=_kernel/log.md --exclude=log.md <BASE>/snap/garden/ 04_Ventures/garden/`,
    `rsync -a --include=log.md --exclude="*.md" <BASE>/snap/garden/ 04_Ventures/garden/`,
    `rsync -a --exclude=log.md --filter=! <BASE>/snap/garden/ 04_Ventures/garden/`,
    `rsync -a -F --exclude=log.md <BASE>/snapf/garden/ 04_Ventures/garden/`,
    `rsync -a --delete-excluded --exclude=log.md <BASE>/snapnolog/garden/ 04_Ventures/garden/`,
    // What is there kept, but --delete still removes what the source lacks.
    `rsync -a --ignore-existing --delete <BASE>/snapnolog/garden/ 04_Ventures/garden/`,
    // rsync's options that take a value, after the paths.
    `rsync -a <BASE>/snap/garden/ 04_Ventures/garden/ --suffix .x`,
    `rsync -a <BASE>/snap/garden/ 04_Ventures/garden/ -B 1024`,
    `rsync -a <BASE>/snap/garden/ 04_Ventures/garden/ --timeout 9`,
    `rsync -a <BASE>/snap/garden/ 04_Ventures/garden/ --chmod u+w`,
    // Run by find.
    `find <BASE>/snap -maxdepth 1 -name garden -exec cp -r {} 04_Ventures/ \\;`,
    `find <BASE>/snap -maxdepth 1 -name garden -exec rsync -a {} 04_Ventures/ +`,
    // The source filled earlier in the same command.
    `cp <BASE>/snap/garden/_kernel/log.md <BASE>/snapnolog/garden/_kernel/ && cp -r <BASE>/snapnolog/garden 04_Ventures/`,
    `echo FORGED > <BASE>/snapnolog/garden/_kernel/log.md && rsync -a <BASE>/snapnolog/garden/ 04_Ventures/garden/`,
    // A later -i undoes -n.
    `yes | cp -rni <BASE>/snap/garden 04_Ventures/`,
    // Paths kept below the destination.
    `cd <BASE>/snap2 && cp -r --parents 04_Ventures/garden <BASE>/world/`,
    `cd <BASE>/snap2 && cp --parents 04_Ventures/garden/_kernel/log.md <BASE>/world/`,
    `rsync -aR <BASE>/snap2/./04_Ventures/garden <BASE>/world/`,
    `rsync -R <BASE>/snap2/./04_Ventures/garden/_kernel/log.md <BASE>/world/`,
    // Names read from a list.
    `rsync --files-from=<BASE>/list <BASE>/snap/ 04_Ventures/`,
    // A link in the source, followed (-L) or put in a folder's place (--force).
    `cp -rL <BASE>/snap3/garden 04_Ventures/`,
    `rsync -a --force <BASE>/snap3/garden/ 04_Ventures/garden/`,
    // Files sent are removed from the source, a log further down among them.
    `rsync -a --remove-source-files 04_Ventures/ <BASE>/out/`,
    // macOS's ditto: --keepParent copies the folder itself; --arch takes a value.
    `ditto --keepParent <BASE>/snap/garden 04_Ventures`,
    `ditto <BASE>/snap/garden 04_Ventures/garden --arch x86_64`,
  ])('denies %s', (command) => {
    expect(namesLog(command.replaceAll('<BASE>', base)), command).toBe(true);
    expectDenied(command);
  });

  it.each([
    `rsync -a <BASE>/snap/garden/ <BASE>/restore/garden/ --timeout 9`,
    `rsync -a --exclude=log.md <BASE>/snapf/garden/ 04_Ventures/garden/`,
    `find <BASE>/snap -maxdepth 1 -name garden -exec cp -r {} <BASE>/restore/ \\;`,
    `cd <BASE>/snap2 && cp -r --parents 04_Ventures/garden <BASE>/restore/`,
    `rsync -a --remove-source-files <BASE>/snapnolog/ <BASE>/out/`,
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));
});

// A second review of the folder-copy check (2026-12-07), each reproduced in bash: allowed, and the
// walnut's log replaced or removed.
describe('log-guardian: the folder-copy check, as a second review tried to get past it', () => {
  beforeAll(() => {
    mkdirSync(join(base, 'snap4/garden'), { recursive: true });
    writeFileSync(join(base, 'snap4/garden/_kernel'), 'a file where the walnut has a folder\n');
    mkdirSync(join(base, 'snap7/garden/_kernel'), { recursive: true });
    writeFileSync(join(base, 'snap7/garden/_kernel/x'), 'forged\n');
  });

  it.each([
    // Spelled with quotes or a backslash: the quick check did not take them for copies.
    `cp "-r" <BASE>/snap/garden 04_Ventures/`,
    `cp \\-r <BASE>/snap/garden 04_Ventures/`,
    `c\\p -r <BASE>/snap/garden 04_Ventures/`,
    `rs""ync -a <BASE>/snap/garden/ 04_Ventures/garden/`,
    `r\\sync -a <BASE>/snap/garden/ 04_Ventures/garden/`,
    // A program the text does not tell may be cp or rsync.
    `$(which cp) -r <BASE>/snap/garden 04_Ventures/`,
    `x=sync; r$x -a <BASE>/snap/garden/ 04_Ventures/garden/`,
    `o=-r; cp $o <BASE>/snap/garden 04_Ventures/`,
    // The source written earlier, named another way.
    `mv <BASE>/snap7/garden/_kernel/x <BASE>/snap7/garden/_kernel/log.md; cp -r <BASE>/./snap7/garden 04_Ventures/`,
    `cd <BASE> && mv snap7/garden/_kernel/x snap7/garden/_kernel/log.md && cp -r ./snap7/garden world/04_Ventures/`,
    // scp copies locally as cp does.
    `scp -r <BASE>/snap/garden 04_Ventures/`,
    // Rules in an --exclude's value: `+ ` makes it an include, `!` clears the list.
    `rsync -a --exclude='+ log.md' --exclude=log.md <BASE>/snap/garden/ 04_Ventures/garden/`,
    `rsync -a --exclude=log.md --exclude='!' <BASE>/snap/garden/ 04_Ventures/garden/`,
    // --force puts a file in place of a folder, whose log goes with it.
    `rsync -a --force <BASE>/snap4/garden/ 04_Ventures/garden/`,
  ])('denies %s', (command) => {
    expect(namesLog(command.replaceAll('<BASE>', base)), command).toBe(true);
    expectDenied(command);
  });

  it.each([
    // Where it lands is not told, but the source holds no log.
    `rsync -a <BASE>/snapnolog/garden/ "$DEPLOY_DIR"/`,
    `cp -r <BASE>/snapnolog/garden "$OUT"`,
    `"$EDITOR" 04_Ventures/garden/_kernel/now.md`,
    `$(npm bin)/eslint --fix src/`,
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));
});

describe('log-guardian: a folder copied to a place the text does not tell, from a session outside the world', () => {
  function decisionFrom(cwd: string, command: string) {
    const call = guardianCall({ cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command, description: 'x' } });
    return decide(call!, { HOME: home, ALIVE_HOME: join(home, '.alive') }, cwd, shellWrites);
  }

  it('denies a copy into a glob that reaches into the world', () => {
    const d = decisionFrom(base, 'cp -r snap/garden world/04_Ventur*/');
    expect(d.allow).toBe(false);
    if (!d.allow) expect(d.reason).toMatch(/cannot tell from the command text[\s\S]*Edit/);
  });

  // The folder before the glob is looked through whole: one that holds a world (base, here) is
  // refused whatever the glob may match.
  it('allows one into a folder that holds no walnut log, or outside every world', () => {
    expect(decisionFrom(join(base, 'drafts'), 'cp -r ../snap/garden new*/')).toEqual({ allow: true });
    expect(decisionFrom(base, `cp -r snap/garden ${base}/restore/g*/`)).toEqual({ allow: true });
  });
});

describe('log-guardian: an alias the command defines', () => {
  it.each([`shopt -s expand_aliases\nalias c=cp\nc -r <BASE>/snap/garden 04_Ventures/`, `shopt -s expand_aliases\nalias s='sed -i'\ns 1d ${K}/log.md`])(
    'is run by a later line, under a name the reader cannot tell from a program: %s',
    (command) => {
      expect(namesLog(command.replaceAll('<BASE>', base)), command).toBe(true);
      const d = decision(command);
      expect(d.allow, command).toBe(false);
    },
  );
});

// A third review of the folder-copy check (2026-12-07), each reproduced in bash.
describe('log-guardian: the folder-copy check, as a third review tried to get past it', () => {
  it.each([
    // Operands that come at run time, one word for all of them.
    `set -- <BASE>/snap/garden 04_Ventures/; cp -r "$@"`,
    `echo <BASE>/snap/garden 04_Ventures/ | xargs cp -r`,
    `a=(<BASE>/snap/garden 04_Ventures/); cp -r "\${a[@]}"`,
    `rsync -a $(echo <BASE>/snap/garden/ 04_Ventures/garden/)`,
    // Brace expansion makes the words, or a word.
    `{cp,-r,<BASE>/snap/garden,04_Ventures/}`,
    `r{s,}ync -a <BASE>/snap/garden/ 04_Ventures/garden/`,
    // After --, an --exclude is a path.
    `rsync -a <BASE>/snap/garden/ -- --exclude=log.md 04_Ventures/garden/`,
    // A backup renamed to log.md (-b with -S .md), or moved into the walnut (--backup-dir).
    `cp -b -S .md <BASE>/backups/notes.txt ${K}/log`,
    `mv --backup=simple --suffix=.md <BASE>/backups/notes.txt ${K}/log`,
    `cp -b --su=.md <BASE>/backups/notes.txt ${K}/log`,
    // The suffix from the environment (SIMPLE_BACKUP_SUFFIX), which the command or the session may set.
    `export SIMPLE_BACKUP_SUFFIX=.md; mv -b ${K}/now.md ${K}/log`,
    `cp -b <BASE>/backups/notes.txt ${K}/log`,
    // Options among the operands the run gives.
    `set -- -r <BASE>/snap/garden 04_Ventures/; cp "$@"`,
    `echo -r <BASE>/snap/garden 04_Ventures/ | xargs cp`,
    `rsync -a -b --backup-dir=<BASE>/world/04_Ventures/garden <BASE>/snap/garden/ <BASE>/restore/garden/`,
  ])('denies %s', (command) => {
    expect(namesLog(command.replaceAll('<BASE>', base)), command).toBe(true);
    expectDenied(command);
  });

  it.each([
    // A glob over a folder that holds no log cannot copy one.
    `cp -r <BASE>/drafts/* 04_Ventures/new-place/`,
    `cp -rf <BASE>/snapnolog/garden/* "$OUT"`,
    `cp -b <BASE>/backups/notes.txt <BASE>/restore/`,
    // A program the text does not tell is read as a copier for a copy's operands, not for one word.
    `$(git rev-parse --show-toplevel)/scripts/build.sh -a dist`,
    `$(npm bin)/mocha -r ts-node/register`,
    // A folder the run tells, copied outside every world.
    `cp -a "$SRC" <BASE>/deploy`,
    `cp -r "$@" <BASE>/out`,
    // What --backup-dir keeps comes from the destination, which holds no log.
    `rsync -a --backup --backup-dir=../backup-$(date +%F) <BASE>/snapnolog/ <BASE>/drafts/`,
    // Kept at its place below the backup folder: restore/garden's _kernel/log.md would land at
    // _kernel/_kernel/log.md, where no log is.
    `rsync -a -b --backup-dir=<BASE>/world/${K} <BASE>/snap/garden/ <BASE>/restore/garden/`,
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));
});

// A differential test of the folder-copy check against bash (800 generated commands, 2026-12-07).
describe('log-guardian: the folder-copy check, against bash', () => {
  it.each([
    // mv with a backup puts a folder in the place of a walnut's (GNU mv renames the old one aside).
    `mv -b <BASE>/snap/garden 04_Ventures`,
    `mv -S .x <BASE>/snap/garden 04_Ventures/`,
    `mv -bT <BASE>/snap/garden/_kernel ${K}`,
    `mv --backup -fT <BASE>/snapnolog/garden 04_Ventures/garden`,
    // A program the text does not tell, copying a glob's files into a log's folder, or moving a folder over one.
    `$(which cp) <BASE>/snap/garden/_kernel/* ${K}`,
    `$(which mv) -b <BASE>/snap/garden/_kernel 04_Ventures/garden`,
    // xargs given every operand, for ln, install and mv too.
    `echo <BASE>/backups/log.md ${K}/log.md | xargs ln -f`,
    `echo <BASE>/backups/* ${K} | xargs install -D -m 644`,
  ])('denies %s', (command) => {
    expect(namesLog(command.replaceAll('<BASE>', base)), command).toBe(true);
    expectDenied(command);
  });

  it.each([
    // A glob of folders into a folder that is not there: nothing to replace.
    `cp -r <BASE>/snap/* 04_Ventures/newdir`,
    `mv -b <BASE>/snapnolog/garden <BASE>/restore/`,
    `mv <BASE>/snap/garden 04_Ventures/`,
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));
});

// A function whose body runs its parameters runs the words of each call (each reproduced in bash).
describe('log-guardian: a function that runs its parameters', () => {
  it.each([
    `f(){ "$@"; }; f cp -r <BASE>/snap/garden 04_Ventures/`,
    `run() { command "$@"; }\nrun rsync -a <BASE>/snap/garden/ 04_Ventures/garden/`,
    `function f { "$@"; }; f cp -r <BASE>/snap/garden 04_Ventures/`,
    `f() ( "$@" ); f cp -r <BASE>/snap/garden 04_Ventures/`,
    // Past the first words (shift, "\${@:2}"), or one word's text run by a shell.
    `f(){ shift; "$@"; }; f x cp -r <BASE>/snap/garden 04_Ventures/`,
    `f(){ "\${@:2}"; }; f x cp -r <BASE>/snap/garden 04_Ventures/`,
    `f(){ sh -c "$1"; }; f 'cp -r <BASE>/snap/garden 04_Ventures/'`,
    `f(){ eval "$*"; }; f cp -r <BASE>/snap/garden 04_Ventures/`,
    // Called before the line that defines it, in a loop's second pass.
    `for i in 1 2; do f cp -r <BASE>/snap/garden 04_Ventures/; f(){ "$@"; }; done`,
    // A file's copy, not a folder's.
    `f(){ "$@"; }; f cp <BASE>/backups/log.md ${K}/`,
  ])('denies %s', (command) => {
    expect(namesLog(command.replaceAll('<BASE>', base)), command).toBe(true);
    expectDenied(command);
  });

  it.each([
    `f(){ "$@"; }; f cp -r <BASE>/drafts 04_Ventures/new-place/`,
    `f(){ "$@"; }; f cp -r <BASE>/snap/garden <BASE>/restore/`,
    `say(){ printf '%s\\n' "$@"; }; say copying the garden; cp -r <BASE>/drafts 04_Ventures/new-place/`,
    // The reading from a later word (`dir/.`, read as the `.` builtin) does not make every later
    // name one that may copy.
    `f(){ "$@"; }; f mv -- <BASE>/snapnolog/* 04_Ventures/garden/.`,
    `f(){ "$@"; }; f mv -- 04_Ventures/tmpl/* 04_Ventures/garden/.`,
    `f(){ "$@"; }; f mv <BASE>/drafts/a.md 04_Ventures/garden/.`,
    // A call's words may move the shell: where it runs next is not taken from them.
    `f(){ echo "$@"; }; f cd <BASE>; cp -r <BASE>/drafts 04_Ventures/new-place/`,
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));
});

// A review of the function-call reading (2026-12-07), each reproduced in bash: none was refused
// before it either.
describe('log-guardian: functions that run their parameters, as a review tried to get past them', () => {
  it.each([
    // Defined inside a nested script, backquotes, eval or a here-string.
    `bash -c 'f(){ "$@"; }; f cp -r <BASE>/snap/garden 04_Ventures/'`,
    `: \`f(){ "$@"; }; f cp -r <BASE>/snap/garden 04_Ventures/\``,
    `eval 'f(){ "$@"; }'; f cp -r <BASE>/snap/garden 04_Ventures/`,
    `bash <<< 'f(){ "$@"; }; f cp -r <BASE>/snap/garden 04_Ventures/'`,
    // Names with no word character before the parentheses, or a builtin's or a wrapper's name.
    `:(){ "$@"; }; : cp -r <BASE>/snap/garden 04_Ventures/`,
    `f-(){ "$@"; }; f- cp -r <BASE>/snap/garden 04_Ventures/`,
    `typeset(){ "$@"; }; typeset cp -r <BASE>/snap/garden 04_Ventures/`,
    `command(){ shift; "$@"; }; command x cp -r <BASE>/snap/garden 04_Ventures/`,
    `env(){ "\${@:2}"; }; env X cp -r <BASE>/snap/garden 04_Ventures/`,
    // Called without its name: bash's handler of an unknown command, an imported function.
    `command_not_found_handle(){ "\${@:2}"; }; zz cp -r <BASE>/snap/garden 04_Ventures/`,
    `env 'BASH_FUNC_f%%=() { "$@"; }' bash -c 'f cp -r <BASE>/snap/garden 04_Ventures/'`,
    // The body moves into its first parameter, in a subshell or with env -C; a word's text moves the shell.
    `in_dir(){ (cd "$1" && shift && "$@"); }; in_dir 04_Ventures cp -r <BASE>/snap/garden .`,
    `f(){ env -C "$1" "\${@:2}"; }; f 04_Ventures cp -r <BASE>/snap/garden .`,
    `f(){ "$@"; }; f eval 'cd 04_Ventures'; cp -r <BASE>/snap/garden/_kernel garden/`,
    // A nested call from a later word; a command past the eighth word; expansions of the parameters by another name.
    `f(){ "$@"; }; g(){ shift; "$@"; }; f eval 'g x cp -r <BASE>/snap/garden 04_Ventures/'`,
    `f(){ "\${@:9}"; }; f 1 2 3 4 5 6 7 8 cp -r <BASE>/snap/garden 04_Ventures/`,
    `f(){ x=@; "\${!x}"; }; f cp -r <BASE>/snap/garden 04_Ventures/`,
    // The body builds the program from its words.
    `f(){ IFS=,; $1; }; f cp,-r,<BASE>/snap/garden,04_Ventures/`,
    `f(){ "$1$2" "\${@:3}"; }; f c p -r <BASE>/snap/garden 04_Ventures/`,
    `f(){ "\${1}p" "\${@:2}"; }; f c -r <BASE>/snap/garden 04_Ventures/`,
  ])('denies %s', (command) => {
    expect(namesLog(command.replaceAll('<BASE>', base)), command).toBe(true);
    expectDenied(command);
  });

  it.each([
    // A third review (2026-12-07): the parameters by a loop, a program built by assignments, IFS+=,
    // a cd spelled with a backslash, GNU's abbreviated --chdir.
    `f(){ for a; do c+=("$a"); done; "\${c[@]}"; }; f cp -r <BASE>/snap/garden 04_Ventures/`,
    `f(){ p=$1; p+=$2; shift 2; "$p" "$@"; }; f c p -r <BASE>/snap/garden 04_Ventures/`,
    `f(){ IFS+=,; $1; }; f cp,-r,<BASE>/snap/garden,04_Ventures/`,
    `in_dir(){ (c\\d "$1" && shift && "$@"); }; in_dir 04_Ventures cp -r <BASE>/snap/garden .`,
    `f(){ env --chd="$1" "\${@:2}"; }; f 04_Ventures cp -r <BASE>/snap/garden .`,
  ])('denies %s', (command) => {
    expect(namesLog(command.replaceAll('<BASE>', base)), command).toBe(true);
    expectDenied(command);
  });

  // Each call's words are read from each of their starts: past 1,024 readings a command is not read
  // (each costs a nested reading), and refused in a world; 100 calls of five words are read.
  it('refuses a command past the bound of readings of calls, saying so, and reads one within it', () => {
    const calls = (n: number) => `f(){ "$@"; }; ${'f a b c d e; '.repeat(n)}cp -r <BASE>/drafts 04_Ventures/new-place/`;
    const d = decision(calls(300));
    expect(d.allow).toBe(false);
    if (!d.allow) expect(d.reason).toMatch(/calls of functions that run their parameters past 1024 readings/);
    expect(decision(calls(100))).toEqual({ allow: true });
  });

  it.each([
    // A word the reader cannot read that cannot be cd, and a message's text never run as a command.
    `log(){ echo "[$(date +%T)] $*"; }; log "starting $STEP"; cp -r <BASE>/drafts 04_Ventures/garden/`,
    // A cd elsewhere in the command is no body moving into its parameter (the third review).
    `cd <BASE> && r(){ "$@"; }; r cp -r drafts restore-new`,
    `note(){ printf '%s\n' "$*" >> <BASE>/notes.txt; }; note "rm 04_Ventures/garden/_kernel/log.md was refused"`,
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));
});

describe('log-guardian: a diff in a file, applied by git apply, git am or patch', () => {
  // The diff's ---/+++ lines name the files written: a file's the text does not show. A review of
  // 2026-12-08 rewrote a signed entry with `git apply fix.patch`, allowed; only a diff in the
  // command's own text (a here-document) was read.
  it.each([
    'git apply <BASE>/drafts/fix.patch',
    'git -C . apply -p1 <BASE>/drafts/fix.patch',
    'git am <BASE>/drafts/fix.patch',
    'patch -p1 < <BASE>/drafts/fix.patch',
    'patch -p1 -i <BASE>/drafts/fix.patch',
    'cd <BASE>/drafts && git apply fix.patch',
    // A name the text does not tell: what it holds cannot be told.
    'git apply "$PATCH"',
    // Found by a review of that fix: a body git am decodes, C-quoted names, the folder -C and -d
    // name, a diff on a pipe.
    'git am <BASE>/drafts/b64.mbox',
    'git apply <BASE>/drafts/quoted.patch',
    'git -C 04_Ventures/garden apply p.patch',
    'git -C 04_Ventures -C garden apply p.patch',
    'patch -d 04_Ventures/garden -p1 -i p.patch',
    'patch --directory=04_Ventures/garden -p1 < 04_Ventures/garden/p.patch',
    'cat <BASE>/drafts/fix.patch | git apply',
    'curl -s https://example.com/x.patch | git apply',
    // A third review (2026-12-08): git's own diffs on a pipe, a file the command wrote under another
    // spelling, a here-string, a group's input, a folded mail header.
    'git diff HEAD HEAD~1 | git apply',
    'git stash show -p | git apply',
    'cat <BASE>/drafts/fix.patch > ./e.patch; git apply e.patch',
    'cp <BASE>/drafts/fix.patch ./e.patch && git apply e.patch',
    'git apply <<< "$(cat <BASE>/drafts/fix.patch)"',
    '{ git apply; } < <BASE>/drafts/fix.patch',
    'git am <BASE>/drafts/folded.mbox',
    // Written earlier in the command: its text is the command's.
    `cat > <BASE>/drafts/new.patch <<'P'\n--- a/${K}/log.md\n+++ b/${K}/log.md\nP\ngit apply <BASE>/drafts/new.patch`,
  ])('denies %s', (command) => expectDenied(command));

  it.each([
    'git apply <BASE>/drafts/ok.patch',
    'patch -p1 < <BASE>/drafts/ok.patch',
    'git apply --check <BASE>/drafts/fix.patch',
    'git apply --stat <BASE>/drafts/fix.patch',
    // No such file: the command fails, writing nothing.
    'git apply <BASE>/drafts/missing.patch',
    'git -C 04_Ventures/garden apply ok.patch',
    'patch -d 04_Ventures/garden -p1 -i ok.patch',
    'cat <BASE>/drafts/ok.patch | git apply',
    'git apply --directory=04_Ventures/garden <BASE>/drafts/ok.patch',
    'git apply --exclude docs/x.md <BASE>/drafts/ok.patch',
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));
});
