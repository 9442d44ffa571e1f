/**
 * log-guardian on find without a test of the name or path: it finds every file below its starting
 * points, walnut logs among them in a world, so what it deletes, what its -exec runs on and the
 * names it prints to a writer (`find . -type f | xargs sed -i …`, the everyday "replace it
 * everywhere") may be logs. Found on 2026-12-07: the reader took such a find for one that finds
 * no log, and the hook did not read such commands at all (their text never spells log.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decide, namesLog } from '../../scripts/lib/guardian/decide.ts';
import { shellWrites } from '../../scripts/lib/guardian/shell.ts';
import { guardianCall } from '../../scripts/lib/hook/input.ts';

const K = '04_Ventures/garden/_kernel';

let world: string;
let home: string;
let outside: string;

beforeAll(() => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'alive-guardian-find-')));
  world = join(base, 'world');
  home = join(base, 'home');
  mkdirSync(join(world, '.alive'), { recursive: true });
  mkdirSync(join(world, K), { recursive: true });
  writeFileSync(join(world, K, 'log.md'), '---\nwalnut: garden\n---\n\n## 2024-03-01 — squirrel:s3\nPlanted.\nsigned: squirrel:s3\n');
  mkdirSync(join(world, 'src'), { recursive: true });
  mkdirSync(join(world, 'dist', 'chunks'), { recursive: true });
  writeFileSync(join(world, 'dist', 'chunks', 'a.js'), 'x\n');
  writeFileSync(join(world, 'dist', 'notes.md'), 'x\n');
  mkdirSync(join(home, '.alive'), { recursive: true });
  outside = join(base, 'scratch');
  mkdirSync(join(outside, 'backups'), { recursive: true });
  writeFileSync(join(outside, 'backups', 'log.md'), 'an older log\n');
});

function decision(command: string) {
  const text = command.replaceAll('<WORLD>', world).replaceAll('<OUTSIDE>', outside);
  const call = guardianCall({ cwd: world, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: text, description: 'x' } });
  expect(call).toBeDefined();
  return decide(call!, { HOME: home, ALIVE_HOME: join(home, '.alive') }, world, shellWrites);
}

describe('log-guardian: find with no test of the name finds the logs too', () => {
  it.each([
    `find . -type f | xargs sed -i 's/foo/bar/'`,
    `find . -type f -print0 | xargs -0 perl -pi -e 's/foo/bar/'`,
    `find 04_Ventures -type f -exec sed -i 's/foo/bar/' {} +`,
    `sed -i 's/foo/bar/' $(find . -type f)`,
    `find . -type f -delete`,
    `find ${K} -mtime +30 -delete`,
    `for f in $(find 04_Ventures -type f); do sed -i 's/a/b/' "$f"; done`,
    `find <WORLD>/04_Ventures -type f -delete`,
    `find <WORLD>/.. -type f -delete`,
  ])('denies %s', (command) => {
    expect(namesLog(command.replaceAll('<WORLD>', world)), command).toBe(true);
    const d = decision(command);
    expect(d.allow, command).toBe(false);
  });

  it.each([
    `find . -type f | wc -l`,
    `find . -type f -name '*.ts' | xargs sed -i 's/a/b/'`,
    `find src -type f | xargs grep -n foo`,
    `find . -type d -exec chmod 755 {} +`,
    `find . -type d -empty -delete`,
    `find . -name node_modules -prune -o -type f -print | head`,
    `find . -samefile src/a.ts -delete`,
    `find <OUTSIDE> -type f -mtime +7 -delete`,
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));
});

// fd (fd-find) lists every file its pattern matches, `.` all of them.
describe('log-guardian: the names fd lists, handed to a writer', () => {
  it.each([`fd -t f . | xargs sed -i 's/foo/bar/'`, `fdfind --type f | xargs -I{} sed -i 's/a/b/' {}`, `sed -i 's/a/b/' $(fd -e md)`])(
    'denies %s',
    (command) => {
      expect(namesLog(command), command).toBe(true);
      expect(decision(command).allow, command).toBe(false);
    },
  );

  it.each([
    `fd -e ts | xargs sed -i 's/a/b/'`,
    `fd -t f . | wc -l`,
    `fd --exclude=log.md -t f . | xargs sed -i 's/a/b/'`,
    `fd -E log.md -t f . | xargs sed -i 's/a/b/'`,
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));
});

// fd runs a command on each file it finds (-x, --exec) or on all of them (-X, --exec-batch).
describe('log-guardian: the commands fd runs on what it finds', () => {
  it.each([
    `fd -t f -x sed -i 's/a/b/'`,
    `fd . 04_Ventures -X perl -pi -e 's/a/b/'`,
    `fd -e md -x sed -i 's/a/b/' {}`,
    `fdfind --type f --exec-batch rm`,
    `fd -t f -x sh -c 'sed -i s/a/b/ "$1"' _ {}`,
  ])('denies %s', (command) => {
    expect(namesLog(command), command).toBe(true);
    expect(decision(command).allow, command).toBe(false);
  });

  it.each([`fd -e ts -x sed -i 's/a/b/'`, `fd . -x cat`, `fd --exclude=log.md -t f -x sed -i 's/a/b/'`, `fd -t f -X wc -l`])('allows %s', (command) =>
    expect(decision(command), command).toEqual({ allow: true }),
  );
});

// A review of the fixes above (late on 2026-12-07): each was allowed and changed the log in bash,
// or was harmless and denied.
describe('log-guardian: the review of the find, fd and folder-copy fixes', () => {
  it.each([
    `find . -type f -not -path "./node_modules/*" -exec sed -i s/a/b/ {} +`,
    `find . -type f -not -path './node_modules/*' | xargs sed -i s/a/b/`,
    `find . -type f ! -name '*.txt' -delete`,
    `find . -type f ! \\( -name '*.ts' \\) -delete`,
    `rsync -a "$BACKUP"/ ${K}/`,
    `cp -r "$SNAP"/. ${K}/`,
    `cp -r "$SNAP/." ${K}/`,
    `for d in <OUTSIDE>/back*; do rsync -a "$d"/ ${K}/; done`,
    `fd -t f -Hx sed -i s/a/b/`,
    `fd -tf --exec-batch=rm`,
    `fd -HIX rm`,
    `find . -type f | xargs -J % rm %`,
    `find . -type f -name "*.\${EXT:-md}" -exec sed -i s/a/b/ {} +`,
    `fd -t f -E LOG.MD -x sed -i s/a/b/`,
    `cp --ar <OUTSIDE>/backups/. ${K}/`,
    `rsync -az host:/backup/garden/_kernel/ ${K}/`,
    `rsync -a rsync://host/backup/_kernel/ ${K}/`,
    `rsync -a me@host:backup/ ${K}`,
  ])('denies %s', (command) => {
    const text = command.replaceAll('<WORLD>', world).replaceAll('<OUTSIDE>', outside);
    expect(namesLog(text), command).toBe(true);
    expect(decision(command).allow, command).toBe(false);
  });

  it.each([
    `rsync -a --exclude=log.md <OUTSIDE>/backups/ ${K}/`,
    `rsync -a --exclude log.md <OUTSIDE>/backups/ ${K}/`,
    `rsync -a --exclude='*.md' <OUTSIDE>/backups/ ${K}/`,
    `rsync -avn <OUTSIDE>/backups/ ${K}/`,
    `rsync -a --dry-run <OUTSIDE>/backups/ ${K}/`,
    `rsync -a --ignore-existing <OUTSIDE>/backups/ ${K}/`,
    `cp -rn <OUTSIDE>/backups/. ${K}/`,
    `fd -tf -E '**/log.md' | xargs sed -i s/a/b/`,
  ])('allows %s', (command) => expect(decision(command), command).toEqual({ allow: true }));
});

// A find below a folder that holds no log finds none: `find dist -type f -delete` was allowed
// unread before the fixes above, and must stay so (the same review, a false positive).
describe('log-guardian: find below a folder without logs', () => {
  it.each([`find dist -type f -delete`, `find dist -type f -exec rm {} +`, `find ./dist -type f -mmin +60 -delete`, `find <WORLD>/dist -type f -delete`])(
    'allows %s',
    (command) => expect(decision(command), command).toEqual({ allow: true }),
  );

  it.each([`find 04_Ventures -type f -delete`, `find . -type f -delete`, `find <WORLD> -type f -exec rm {} +`, `find dist/../04_Ventures -type f -delete`])(
    'denies %s',
    (command) => expect(decision(command).allow, command).toBe(false),
  );
});

// Homebrew installs GNU coreutils, findutils and tar on macOS under g-prefixed names (gsed was read).
describe('log-guardian: GNU tools under their Homebrew names', () => {
  it.each([
    `grm ${K}/log.md`,
    `gtruncate -s0 ${K}/log.md`,
    `gcp <OUTSIDE>/backups/log.md ${K}/log.md`,
    `gmv ${K}/log.md /tmp/old.md`,
    `gshred -u ${K}/log.md`,
    `gfind . -type f -delete`,
    `gtar --remove-files -czf /tmp/x.tgz ${K}/log.md`,
    `gfind . -type f | xargs sed -i s/a/b/`,
    `ggrep -rl foo . | xargs sed -i s/a/b/`,
  ])('denies %s', (command) => expect(decision(command).allow, command).toBe(false));

  it.each([`gcp ${K}/log.md /tmp/backup.md`, `gfind dist -type f -delete`, `gzcat x.gz`])('allows %s', (command) =>
    expect(decision(command), command).toEqual({ allow: true }),
  );
});
