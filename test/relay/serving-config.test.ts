/**
 * A relay in a local folder serves blob-less listings and fetches by id only with its serving
 * settings (uploadpack.allowFilter, uploadpack.allowAnySHA1InWant; no recompression). Setup wrote
 * them only into a repository it had just made: a bare repository the user made with
 * `git init --bare`, or one a setup interrupted right after `git init` left, stayed without them,
 * setup run again said "Relay ready", and a peer's large package then made every listing fail
 * (relay_ignores_filter). Every setup makes sure of them, and says so when it cannot.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitIn, makeUser, tempDir, writeTestKeys } from './helpers.ts';
import { run } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('serving-config');
});
afterAll(() => base.cleanup());

/** The repository's own value of `key`, or null. */
function setting(repo: string, key: string): string | null {
  try {
    return gitIn(repo, ['--git-dir', repo, 'config', '--local', '--get', key]);
  } catch {
    return null;
  }
}

const serving = (repo: string) => ({
  allowFilter: setting(repo, 'uploadpack.allowFilter'),
  allowAnySHA1InWant: setting(repo, 'uploadpack.allowAnySHA1InWant'),
  compression: setting(repo, 'core.compression'),
  window: setting(repo, 'pack.window'),
});
const SERVING = { allowFilter: 'true', allowAnySHA1InWant: 'true', compression: '0', window: '0' };

function userWithBareRepo(login: string) {
  const user = makeUser(base.dir, login);
  writeTestKeys(user.paths);
  const url = join(base.dir, 'remotes', `${login}.git`);
  mkdirSync(url, { recursive: true });
  gitIn(url, ['init', '--quiet', '--bare', '--initial-branch=main']);
  return { user, url };
}

it('setup gives a bare repository the user made (or an interrupted setup left) its serving settings', async () => {
  const { user, url } = userWithBareRepo('ann');
  expect(serving(url)).toMatchObject({ allowFilter: null, allowAnySHA1InWant: null });
  const r = await run(user, ['setup', '--transport', 'git', '--login', 'ann', '--url', url, '--json']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.json.warning).toBeUndefined();
  expect(serving(url)).toEqual(SERVING);
});

it('setup run again puts back serving settings that were lost, and keeps the compression the owner chose', async () => {
  const { user, url } = userWithBareRepo('ben');
  expect((await run(user, ['setup', '--transport', 'git', '--login', 'ben', '--url', url, '--json'])).code).toBe(0);
  gitIn(url, ['--git-dir', url, 'config', '--local', '--unset', 'uploadpack.allowFilter']);
  gitIn(url, ['--git-dir', url, 'config', '--local', 'uploadpack.allowAnySHA1InWant', 'false']);
  gitIn(url, ['--git-dir', url, 'config', '--local', 'core.compression', '1']);
  const again = await run(user, ['setup', '--json']);
  expect(again.code, again.stderr).toBe(0);
  expect(serving(url)).toEqual({ ...SERVING, compression: '1' });
});

it('says so, and what to run, when it cannot write them', async () => {
  const { user, url } = userWithBareRepo('cyd');
  writeFileSync(join(url, 'config.lock'), ''); // another git writing its config, or a killed one's lock
  const r = await run(user, ['setup', '--transport', 'git', '--login', 'cyd', '--url', url, '--json']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.json.warning).toContain('uploadpack.allowFilter');
  expect(r.json.warning).toContain(`git --git-dir=${url} config uploadpack.allowFilter true`);
  const text = await run(user, ['setup']);
  expect(text.stderr).toMatch(/^warning: .*relay_ignores_filter/m);
});
