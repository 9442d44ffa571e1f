/**
 * `dispatch send @claude hi --root ./ok.sh` (a file) said "cannot read …/ok.sh/runtimes/claude/
 * config.json: ENOTDIR". A --root or HELLOWORLD_ROOT that is no folder is now refused as such, as a
 * usage error (exit 2), before anything is read or written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, dispatch, makeBus, runCli } from './helpers.ts';

describe('a root that is not a folder', () => {
  it.each([['send', '@claude', 'hi'], ['status'], ['inbox', '@claude'], ['serve', '@claude', '--agent', 'echo', '--once']])(
    '--root FILE: %s refused, exit 2, saying it is a file',
    async (...args) => {
      const { base } = makeBus();
      const file = join(base, 'ok.sh');
      writeFileSync(file, 'echo ok\n');
      const r = await dispatch(file, args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^error: --root ${file} is a file, not a folder: give the folder that holds the bus's runtimes/ folder\\n`));
      expect(r.stderr).not.toContain('ENOTDIR');
    },
  );

  it('--root below a file: a part of the path is a file', async () => {
    const { base } = makeBus();
    const file = join(base, 'ok.sh');
    writeFileSync(file, 'echo ok\n');
    const r = await dispatch(join(file, 'bus'), ['send', '@claude', 'hi', '--json']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      error: {
        code: 'usage',
        message: `--root ${file}/bus is not a folder (a part of its path is a file): give the folder that holds the bus's runtimes/ folder`,
      },
    });
  });

  it('HELLOWORLD_ROOT naming a file: named as the variable', async () => {
    const cli = await bundle('scripts/dispatch.ts');
    const { env, base } = makeBus();
    const file = join(base, 'ok.sh');
    writeFileSync(file, 'echo ok\n');
    const r = runCli(cli, ['send', '@claude', 'hi'], { ...env, HELLOWORLD_ROOT: file });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: HELLOWORLD_ROOT \S+ok\.sh is a file, not a folder: give the folder that holds the bus's runtimes\/ folder\n/);
  });
});
