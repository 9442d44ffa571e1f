import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRemoteSection } from '../../scripts/lib/relay/git-config-file.ts';
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
