/** relay setup's usage: --login is required with --transport git only (and the usage follows); the usage line names --move. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeUser, tempDir } from './helpers.ts';
import { run } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('setup-usage');
});
afterAll(() => base.cleanup());

describe('relay setup usage', () => {
  it('--login missing with --transport git: exit 2, says it is required with git, and shows the usage', async () => {
    const gina = makeUser(base.dir, 'gina');
    const r = await run(gina, ['setup', '--transport', 'git', '--url', join(base.dir, 'remotes', 'gina.git')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: --login is required with --transport git/);
    expect(r.stderr).toMatch(/usage: alive-p2p relay setup/);
  });

  it('the usage line names --move', async () => {
    const r = await run(makeUser(base.dir, 'hana'), ['setup', '--help']);
    expect(r.stdout.split('\n')[0]).toMatch(/\[--move\]/);
  });
});
