/**
 * `relay setup --login NAME --url URL` without `--transport git` (the usual slip when setting up a
 * relay on a Git remote) is a usage error that says which flag to add; with it, setup works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeUser, tempDir, writeTestKeys } from './helpers.ts';
import { run } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;

beforeAll(() => {
  isolateProcessGit();
  base = tempDir('setup-hint');
});
afterAll(() => base.cleanup());

describe('relay setup --url without --transport git', () => {
  it('says to add --transport git, and that command sets the relay up', async () => {
    const dana = makeUser(base.dir, 'dana');
    writeTestKeys(dana.paths);
    const url = join(base.dir, 'remotes', 'dana.git');
    const slip = await run(dana, ['setup', '--login', 'dana', '--url', url]);
    expect(slip.code).toBe(2);
    expect(slip.stderr).toMatch(/^error: .*add --transport git/m);
    const fixed = await run(dana, ['setup', '--login', 'dana', '--url', url, '--transport', 'git', '--json']);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.json).toMatchObject({ ok: true, transport: 'git' });
  });
});
