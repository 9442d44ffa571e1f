/**
 * `relay setup --url URL` took any repository as the user's relay: erin's typo of bob's relay URL
 * published keys/erin.pem beside keys/bob.pem ("Relay ready"), and erin's pulls then took the
 * packages bob's peers sent bob; a code project got "Publish key of dora" committed into its
 * branch. A repository that publishes another login's key, or holds anything a relay does not, is
 * refused (not_your_relay) before anything is written, there or under ALIVE_HOME. Setup on an empty
 * repository, setup again on one's own relay and --move work as before.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareFiles, commitToBare, git, gitIn, makeUser, tempDir, writeTestKeys } from './helpers.ts';
import { githubBob, relayUser, run, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';
import type { TestUser } from './helpers.ts';
import { emptyRepo } from '../support/fake-github.ts';

let base: ReturnType<typeof tempDir>;
let bob: RelayUser;
beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('not-your-relay');
  bob = await relayUser(base.dir, 'bob');
}, 60_000);
afterAll(() => base.cleanup());

function newUser(login: string): TestUser {
  const u = makeUser(base.dir, login);
  writeTestKeys(u.paths);
  return u;
}

/** A bare repository whose `branch` holds `files` (a code project, say). */
function project(name: string, files: Record<string, string>, branch = 'main'): string {
  const work = join(base.dir, 'work', name);
  git(['init', '--quiet', `--initial-branch=${branch}`, work]);
  for (const [path, text] of Object.entries(files)) writeFileSync(join(work, path), text);
  git(['add', '.'], work);
  git(['-c', 'user.name=d', '-c', 'user.email=d@d', 'commit', '--quiet', '-m', 'the project'], work);
  const repo = join(base.dir, 'remotes', `${name}.git`);
  git(['clone', '--quiet', '--bare', work, repo]);
  return repo;
}

function refusedAndUnchanged(user: TestUser, repo: string, r: Awaited<ReturnType<typeof run>>, files: Map<string, string>) {
  expect(r.code, r.stdout).toBe(1);
  expect(r.json.error.code).toBe('not_your_relay');
  expect(r.json.error.message).toMatch(/check the URL/);
  expect(r.json.error.message).toMatch(/new, empty repository/);
  expect(bareFiles(repo)).toEqual(files);
  expect(existsSync(user.paths.config)).toBe(false);
  expect(existsSync(user.paths.clone)).toBe(false);
}

describe('relay setup --url of a repository that is not the user’s relay', () => {
  it("someone else's relay (bob's URL typed by erin): refused, nothing pushed or written, whose key it holds fenced", async () => {
    const erin = newUser('erin');
    const before = bareFiles(bob.url);
    const r = await run(erin, ['setup', '--transport', 'git', '--login', 'erin', '--url', bob.url, '--json']);
    refusedAndUnchanged(erin, bob.url, r, before);
    expect(r.json.error.message).toMatch(/someone else's relay/);
    expect(r.json.error.message.replace(bob.url, 'URL')).not.toContain('bob');
    expect(r.json.error.untrusted.relay_keys).toBe('bob');

    const text = await run(erin, ['setup', '--transport', 'git', '--login', 'erin', '--url', bob.url]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^<<<BEGIN UNTRUSTED RELAY KEYS \S+\nbob\nEND UNTRUSTED RELAY KEYS \S+>>>$/m);
  });

  it('a code project: refused, its branch and its config untouched', async () => {
    const dora = newUser('dora');
    const repo = project('project', { 'main.c': 'int main(void) { return 0; }\n', 'README.md': '# project\n' });
    const config = readFileSync(join(repo, 'config'), 'utf8');
    const before = bareFiles(repo);
    const r = await run(dora, ['setup', '--transport', 'git', '--login', 'dora', '--url', repo, '--json']);
    refusedAndUnchanged(dora, repo, r, before);
    expect(r.json.error.message).toMatch(/not a relay/);
    expect(r.json.error.untrusted.repository_files).toBe('main.c');
    // No relay serving setting (core.compression = 0 …) was written into the project's repository.
    expect(readFileSync(join(repo, 'config'), 'utf8')).toBe(config);
  });

  it('a code project through a file:// URL (git fetches it as any remote): refused the same way', async () => {
    const fred = newUser('fred');
    const repo = project('project-url', { 'main.c': 'int x;\n' });
    const before = bareFiles(repo);
    const r = await run(fred, ['setup', '--transport', 'git', '--login', 'fred', '--url', `file://${repo}`, '--json']);
    refusedAndUnchanged(fred, repo, r, before);
    expect(r.json.error.untrusted.repository_files).toBe('main.c');
  });

  it("a repository whose branches are not the relay's (a project on master): refused, no main branch made in it", async () => {
    const gina = newUser('gina');
    const repo = project('on-master', { 'main.c': 'int y;\n' }, 'master');
    const config = readFileSync(join(repo, 'config'), 'utf8');
    for (const url of [repo, `file://${repo}`]) {
      const r = await run(gina, ['setup', '--transport', 'git', '--login', 'gina', '--url', url, '--json']);
      expect(r.code, r.stdout).toBe(1);
      expect(r.json.error.code).toBe('not_your_relay');
      expect(r.json.error.message).toMatch(/no 'main' branch but has other branches/);
    }
    expect(gitIn(repo, ['for-each-ref', '--format=%(refname)'])).toBe('refs/heads/master');
    expect(readFileSync(join(repo, 'config'), 'utf8')).toBe(config);
    expect(existsSync(gina.paths.config)).toBe(false);
  });

  it("a hosting web UI's new repository (README.md, LICENSE, .gitignore) is a relay; one with a .gitattributes is refused with the way on", async () => {
    const kai = newUser('kai');
    const repo = project('web-new', { 'README.md': '# kai\n', LICENSE: 'MIT\n', '.gitignore': 'node_modules\n' });
    const r = await run(kai, ['setup', '--transport', 'git', '--login', 'kai', '--url', repo, '--json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(bareFiles(repo).has('LICENSE')).toBe(true);
    const pulled = await run(kai, ['pull', '--json']);
    expect(pulled.code, pulled.stdout + pulled.stderr).toBe(0);
    // A .gitattributes may name filters and drivers that run programs where the tree is checked out.
    const lea = newUser('lea');
    const attributed = project('web-attributes', { 'README.md': '# lea\n', LICENSE: 'MIT\n', '.gitattributes': '* filter=x\n' });
    const before = bareFiles(attributed);
    const refused = await run(lea, ['setup', '--transport', 'git', '--login', 'lea', '--url', attributed, '--json']);
    refusedAndUnchanged(lea, attributed, refused, before);
    expect(refused.json.error.untrusted.repository_files).toBe('.gitattributes');
    expect(refused.json.error.message).toMatch(/if this is your own new relay, remove those files .*and run setup again/i);
  });

  it('kept: an empty repository, the own relay again (after relay.json was lost too), --move to an empty one', async () => {
    const hana = newUser('hana');
    const repo = join(base.dir, 'remotes', 'hana-empty.git');
    git(['init', '--quiet', '--bare', repo]);
    expect((await run(hana, ['setup', '--transport', 'git', '--login', 'hana', '--url', repo])).code).toBe(0);
    expect((await run(hana, ['setup'])).code).toBe(0);
    renameSync(hana.paths.config, `${hana.paths.config}.aside`);
    const again = await run(hana, ['setup', '--transport', 'git', '--login', 'hana', '--url', repo]);
    expect(again.code, again.stderr).toBe(0);
    const moved = await run(hana, ['setup', '--transport', 'git', '--login', 'hana', '--url', join(base.dir, 'remotes', 'hana-new.git'), '--move']);
    expect(moved.code, moved.stderr).toBe(0);
    // bob's relay, with packages in it, is still his to set up again.
    commitToBare(bob.url, { 'inbox/alice/x.walnut': 'sealed' });
    expect((await run(bob, ['setup'])).code).toBe(0);
  });
});

describe('relay setup on GitHub when <login>/walnut-relay already holds something else', () => {
  it('other files, or another login’s key: refused, nothing written to the repository', async () => {
    const w = await githubBob('not-your-relay-github', { tokens: { 'tok-ivy': 'ivy' } });
    try {
      const ivy = makeUser(join(base.dir, 'gh'), 'ivy', { GH_ENTERPRISE_TOKEN: 'tok-ivy', GITHUB_API_URL: w.gh.url });
      writeTestKeys(ivy.paths);
      w.gh.repos.set('ivy/walnut-relay', emptyRepo('ivy'));
      w.gh.commitFiles('ivy/walnut-relay', { 'index.html': '<p>hi</p>\n', 'README.md': '# my site\n' });
      const before = w.gh.files('ivy/walnut-relay');
      const r = await run(ivy, ['setup', '--json']);
      expect(r.code, r.stdout).toBe(1);
      expect(r.json.error.code).toBe('not_your_relay');
      expect(r.json.error.message).toMatch(/ivy\/walnut-relay/);
      expect(r.json.error.message).toMatch(/rename it on GitHub/);
      expect(r.json.error.message).toMatch(/if this is your own new relay, remove those files .*and run setup again/i);
      expect(r.json.error.untrusted.repository_files).toBe('index.html');
      expect(w.gh.files('ivy/walnut-relay')).toEqual(before);
      expect(existsSync(ivy.paths.config)).toBe(false);

      w.gh.commitFiles('ivy/walnut-relay', { 'index.html': null, 'keys/jack.pem': 'a key\n' });
      const keyed = await run(ivy, ['setup', '--json']);
      expect(keyed.code, keyed.stdout).toBe(1);
      expect(keyed.json.error.code).toBe('not_your_relay');
      expect(keyed.json.error.untrusted.relay_keys).toBe('jack');
      expect(w.gh.files('ivy/walnut-relay').has('keys/ivy.pem')).toBe(false);

      // bob's own relay, set up before, stays his to set up again.
      expect((await run(w.bob, ['setup'])).code).toBe(0);
    } finally {
      await w.close();
    }
  });
});
