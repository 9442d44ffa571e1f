/**
 * A walnut keeps its squirrels' sessions in a `.alive/` of its own (cli.md). Since a folder holding
 * `_kernel/key.md` is no world root (receive took such a walnut for the world and wrote into it),
 * a walnut with sessions that lies outside every world was no longer guarded at all: a Write over
 * its log, `echo > _kernel/log.md` and an Edit of a signed line were allowed (review 2026-12-06).
 * The guardian guards it as before; inside a world, the world is the root.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decide } from '../../scripts/lib/guardian/decide.ts';
import { shellWrites } from '../../scripts/lib/guardian/shell.ts';
import { findGuardedRoot } from '../../scripts/lib/world/root.ts';

const LOG = '---\nwalnut: garden\n---\n\n## 2024-01-01 — squirrel:a\nPlanted.\nsigned: squirrel:a\n';

function walnutWithSessions(parent: string): string {
  const walnut = join(parent, 'garden');
  mkdirSync(join(walnut, '.alive', '_squirrels'), { recursive: true });
  mkdirSync(join(walnut, '_kernel'), { recursive: true });
  writeFileSync(join(walnut, '_kernel', 'key.md'), '---\ntype: venture\n---\n');
  writeFileSync(join(walnut, '_kernel', 'log.md'), LOG);
  return walnut;
}

describe('a walnut holding .alive/ outside every world', () => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'alive-walnut-sessions-')));
  const walnut = walnutWithSessions(base);
  const log = join(walnut, '_kernel', 'log.md');
  const env = { HOME: join(base, 'home'), ALIVE_HOME: join(base, 'home', '.alive') };

  it('is guarded: a Write over its log, a shell overwrite and an Edit of a signed entry are denied', () => {
    const write = decide({ tool: 'Write', cwd: walnut, filePath: log, content: 'wiped\n' }, env, walnut);
    expect(write.allow).toBe(false);
    const bash = decide({ tool: 'Bash', cwd: walnut, command: 'echo wiped > _kernel/log.md' }, env, walnut, shellWrites);
    expect(bash.allow).toBe(false);
    const edit = decide(
      { tool: 'Edit', cwd: walnut, filePath: log, edits: [{ oldString: 'signed: squirrel:a', newString: 'x', replaceAll: false }] },
      env,
      walnut,
    );
    expect(edit.allow).toBe(false);
  });

  it('inside a world, the world is the root the guardian finds, not the walnut', () => {
    const world = join(base, 'world');
    mkdirSync(join(world, '.alive'), { recursive: true });
    const inner = walnutWithSessions(join(world, '04_Ventures'));
    expect(findGuardedRoot(join(inner, '_kernel'), env)).toBe(world);
    expect(findGuardedRoot(join(walnut, '_kernel'), env)).toBe(walnut);
  });
});
