import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRemoteSection, remoteUrlInFile } from '../../scripts/lib/relay/git-config-file.ts';
import { GitTransport } from '../../scripts/lib/relay/git-transport.ts';
import { git, gitUser, tempDir } from './helpers.ts';

let dir: string;
let cleanup: () => void;

function remoteConfig(clone: string, remote: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of ['url', 'fetch', 'promisor', 'partialclonefilter']) {
    out[key] = git(['--git-dir', clone, 'config', '--get-all', `remote.${remote}.${key}`])
      .split('\n')
      .filter(Boolean);
  }
  return out;
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir('remote-config'));
});

afterEach(() => cleanup());

describe("the remotes of alive's clone", () => {
  it('a relay that moved replaces the URL, never adds a second one', async () => {
    const alice = gitUser(dir, 'alice');
    await alice.transport.setup(alice.keys.publicKeyPem);
    const moved = join(dir, 'remotes', 'moved.git');
    const again = new GitTransport({ login: 'alice', url: moved, branch: 'main', clonePath: alice.paths.clone, workDir: alice.paths.work });
    await again.setup(alice.keys.publicKeyPem);
    expect(remoteConfig(alice.paths.clone, 'origin').url).toEqual([moved]);
  });

  it('a URL with quotes, backslashes, # and ; reads back as it was written', async () => {
    const alice = gitUser(dir, 'alice');
    const odd = join(dir, 'remotes', 'a "quoted" \\ path #1; x .git');
    const transport = new GitTransport({ login: 'alice', url: odd, branch: 'main', clonePath: alice.paths.clone, workDir: alice.paths.work });
    await transport.setup(alice.keys.publicKeyPem);
    expect(remoteConfig(alice.paths.clone, 'origin').url).toEqual([odd]);
    expect(git(['--git-dir', odd, 'ls-tree', '-r', '--name-only', 'main'])).toContain('keys/alice.pem');
  });
});

describe('addRemoteSection', () => {
  const settings = { url: '/x/relay.git', fetch: '+refs/heads/*:refs/remotes/origin/*' };

  it('adds nothing when the section is there already (another process was first)', () => {
    const repo = join(dir, 'r.git');
    git(['init', '-q', '--bare', repo]);
    expect(addRemoteSection(repo, 'origin', settings)).toBe(true);
    const once = readFileSync(join(repo, 'config'), 'utf8');
    expect(addRemoteSection(repo, 'origin', { ...settings, url: '/y' })).toBe(false);
    expect(readFileSync(join(repo, 'config'), 'utf8')).toBe(once);
  });

  it("leaves the file alone while git's lock is held, and says so", () => {
    const repo = join(dir, 'r.git');
    git(['init', '-q', '--bare', repo]);
    const before = readFileSync(join(repo, 'config'), 'utf8');
    appendFileSync(join(repo, 'config.lock'), '');
    expect(addRemoteSection(repo, 'origin', settings)).toBe(false);
    expect(readFileSync(join(repo, 'config'), 'utf8')).toBe(before);
    expect(existsSync(join(repo, 'config.lock'))).toBe(true);
  });

  it('refuses a value git cannot hold on one line', () => {
    const repo = join(dir, 'r.git');
    git(['init', '-q', '--bare', repo]);
    expect(() => addRemoteSection(repo, 'origin', { url: 'a\nb' })).toThrow(/control character/);
    expect(existsSync(join(repo, 'config.lock'))).toBe(false);
  });
});

describe('remoteUrlInFile', () => {
  /** What `git config --get remote.origin.url` answers for a config file: the URL, or null (exit 1). */
  function gitAnswer(repo: string): string | null {
    const r = spawnSync('git', ['--git-dir', repo, 'config', '--local', '--get', 'remote.origin.url'], { encoding: 'utf8' });
    if (r.status === 1) return null;
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.replace(/\n$/, '');
  }
  const odd = '/r/a "quoted" \\ path #1; x .git';

  it('reads the URL as git does from a file as alive and git write it, and nothing it does not follow', () => {
    const repo = join(dir, 'r.git');
    git(['init', '-q', '--bare', repo]);
    const initial = readFileSync(join(repo, 'config'), 'utf8');
    const cases: Array<[string, string, string | null | undefined]> = [
      ['no remote', initial, null],
      ['another remote only', `${initial}[remote "origin2"]\n\turl = /x\n`, null],
      ['written by alive', '', '/r/relay.git'],
      ['written by alive, odd', '', odd],
      ['written by git config', '', odd],
      ['two URLs', `${initial}[remote "origin"]\n\turl = /a\n\turl = /b\n`, '/b'],
      ['spaces and a comment line', `${initial}# note\n[remote "origin"] ; c\n  url   =   /a b  \n`, '/a b'],
      ['case of the key', `${initial}[Remote "origin"]\n\tURL = /a\n`, '/a'],
      ['an include', `${initial}[include]\n\tpath = other\n[remote "origin"]\n\turl = /a\n`, undefined],
      ['a continued line', `${initial}[remote "origin"]\n\turl = /a\\\n/b\n`, undefined],
      ['a tab in an unquoted value', `${initial}[remote "origin"]\n\turl = /a\t b\n`, undefined],
      ['an escape git reads otherwise', `${initial}[remote "origin"]\n\turl = "/a\\tb"\n`, undefined],
      ['the old section form', `${initial}[remote.origin]\n\turl = /a\n`, undefined],
      ['a section without a URL', `${initial}[remote "origin"]\n\tfetch = x\n`, undefined],
      ['a URL key without a value', `${initial}[remote "origin"]\n\turl\n`, undefined],
    ];
    for (const [name, text, expected] of cases) {
      if (name === 'written by alive') {
        writeFileSync(join(repo, 'config'), initial);
        addRemoteSection(repo, 'origin', { url: '/r/relay.git' });
      } else if (name === 'written by alive, odd') {
        writeFileSync(join(repo, 'config'), initial);
        addRemoteSection(repo, 'origin', { url: odd });
      } else if (name === 'written by git config') {
        writeFileSync(join(repo, 'config'), initial);
        git(['--git-dir', repo, 'config', 'remote.origin.url', odd]);
      } else {
        writeFileSync(join(repo, 'config'), text);
      }
      expect(remoteUrlInFile(repo, 'origin'), name).toBe(expected);
      // Where it answers, git answers the same.
      if (expected !== undefined) expect(gitAnswer(repo), name).toBe(expected);
    }
  });
});
