/**
 * A path in single quotes keeps its `~`: the shell expands it only bare. The share skill wrote
 * `--output '~/Desktop/<name>.walnut'`, and create refused it naming ./~/Desktop and saying
 * `mkdir -p './~/Desktop'`: an agent following that made a folder named `~` in the user's folder
 * (which a later `rm -rf ~` would take for the home folder), and extract made it on its own. Both now
 * refuse such a path as a usage error that writes the home folder out, with nothing made.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { extractCommand } from '../../scripts/lib/package/commands/extract.ts';
import { homeDir } from '../../scripts/lib/fs/node-fs.ts';
import { shellQuote } from '../../scripts/lib/text/shell-quote.ts';
import { tmp } from '../receive/helpers.ts';

function walnutIn(dir: string): string {
  const walnut = join(dir, 'garden');
  mkdirSync(join(walnut, '_kernel'), { recursive: true });
  writeFileSync(join(walnut, '_kernel', 'key.md'), '---\ntype: venture\n---\n');
  return walnut;
}

describe('an --output that starts with an unexpanded ~', () => {
  it('create refuses it, naming the path with the home folder written out; nothing is made', async () => {
    const dir = tmp('tilde');
    const walnut = walnutIn(dir);
    const before = process.cwd();
    process.chdir(dir);
    try {
      const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', '~/Desktop/garden.walnut', '--json']);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout).error).toEqual({
        code: 'usage',
        message: `--output '~/Desktop/garden.walnut' starts with ~, which the shell expands only outside quotes: write the home folder out, --output ${shellQuote(join(homeDir(), 'Desktop', 'garden.walnut'))}`,
      });
      expect(existsSync(join(dir, '~'))).toBe(false);
    } finally {
      process.chdir(before);
    }
  });

  it('extract refuses it, and makes no folder named ~', async () => {
    const dir = tmp('tilde-x');
    const walnut = walnutIn(dir);
    const pkg = join(dir, 'g.walnut');
    expect((await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', pkg])).code).toBe(0);
    const before = process.cwd();
    process.chdir(dir);
    try {
      const other = await runCaptured(extractCommand, [pkg, '--output', '~root/garden']);
      expect(other.code).toBe(2);
      expect(other.stderr).toContain(
        "error: --output '~root/garden' starts with ~, which the shell expands only outside quotes: write that user's home folder out",
      );
      for (const out of ['~', '~/garden']) {
        const r = await runCaptured(extractCommand, [pkg, '--output', out]);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toContain(
          `error: --output '${out}' starts with ~, which the shell expands only outside quotes: write the home folder out, --output ${shellQuote(join(homeDir(), out.slice(2)))}`,
        );
        expect(existsSync(join(dir, '~'))).toBe(false);
      }
    } finally {
      process.chdir(before);
    }
  });
});
