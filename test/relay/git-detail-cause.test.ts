/**
 * git's lines that say why it failed (`fatal: '…' does not appear to be a git repository`, `ssh:
 * Could not resolve hostname …`) come before its boilerplate footer ("Please make sure you have the
 * correct access rights / and the repository exists."): the untrusted detail keeps them, bounded,
 * not only the last two lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { GitError, runGit } from '../../scripts/lib/relay/git-run.ts';
import { isolateProcessGit } from './git-env.ts';
import { tempDir } from './helpers.ts';
import { relayUser, run } from './in-process.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('git-detail-cause');
});
afterAll(() => base.cleanup());

async function failingWith(lines: string[], code = 128): Promise<GitError> {
  const script = `f() { printf '%s\\n' ${lines.map((l) => `'${l.replace(/'/g, `'\\''`)}'`).join(' ')} >&2; exit ${code}; }; f`;
  const err = await runGit(['-c', `alias.boom=!${script}`, 'boom'], { timeoutMs: 20_000 }).catch((e: unknown) => e);
  if (err instanceof GitError) return err;
  throw new Error('git did not fail as a GitError');
}

const FOOTER = ['Please make sure you have the correct access rights', 'and the repository exists.'];

describe("a git failure's detail keeps the lines that explain it", () => {
  it('ssh could not resolve the host: the ssh: and fatal: lines are kept with the footer', async () => {
    const err = await failingWith([
      'ssh: Could not resolve hostname nohost.invalid: Name or service not known',
      'fatal: Could not read from remote repository.',
      '',
      ...FOOTER,
    ]);
    const detail = err.untrusted?.json.git_output ?? '';
    expect(detail).toContain('ssh: Could not resolve hostname nohost.invalid');
    expect(detail).toContain('fatal: Could not read from remote repository.');
    expect(detail).toContain('and the repository exists.');
    expect(err.untrusted?.lines.join('\n')).toMatch(/^<<<BEGIN UNTRUSTED GIT OUTPUT /);
  });

  it('bounded: a flood of fatal: lines keeps only the last few, within the length cap', async () => {
    const err = await failingWith([...Array.from({ length: 50 }, (_, i) => `fatal: line ${i} ${'x'.repeat(40)}`), ...FOOTER]);
    const detail = err.untrusted?.json.git_output ?? '';
    expect(detail).not.toContain('fatal: line 0 ');
    expect(detail).toContain('fatal: line 49');
    expect(detail.length).toBeLessThanOrEqual(600);
  });

  it('add-peer --url to a folder that is not a repository: the detail says so', async () => {
    const alice = await relayUser(base.dir, 'alice');
    const r = await run(alice, ['add-peer', 'bob', '--url', join(base.dir, 'remotes', 'bbo.git'), '--json']);
    expect(r.code).not.toBe(0);
    expect(r.json.error.untrusted.git_output).toContain('does not appear to be a git repository');
  });
});
