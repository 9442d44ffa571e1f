/**
 * The README's relay story on the git transport runs as written, in order, from both sides
 * (issue 17): the block after `<!-- relay-git-example -->` is run by bash with `alive-p2p` being
 * the bundle, HOME a temporary folder, and `/tmp/` replaced by a temporary folder of its own.
 * Both already have a key (fixed test keys, test/support/test-keys.ts), as users who made one
 * earlier would: setup's RSA-4096 keygen takes seconds of CPU, and exchange-git.test.ts runs it
 * through the same bundle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir, isolatedEnv, writeFixtureKeys } from './helpers.ts';
import { relayPaths } from '../../scripts/lib/relay/paths.ts';
import { bundlePath } from '../support/bundles.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  base = tempDir('readme');
});
afterAll(() => base.cleanup());

function exampleBlock(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const at = readme.indexOf('<!-- relay-git-example');
  expect(at).toBeGreaterThan(0);
  const m = /```sh\n([\s\S]*?)```/.exec(readme.slice(at))!;
  return m[1]!;
}

describe('README relay example (git transport)', () => {
  it('runs as written, in order, from both sides', () => {
    const env = isolatedEnv(base.dir);
    const home = env.HOME!;
    const walnut = join(home, 'world', '04_Ventures', 'garden');
    mkdirSync(join(walnut, '_kernel'), { recursive: true });
    writeFileSync(join(walnut, '_kernel', 'key.md'), '---\ntype: venture\ngoal: garden\n---\n# garden\n');
    writeFileSync(join(walnut, 'notes.md'), 'Seeds.\n');
    mkdirSync(join(home, 'bob-world', '.alive'), { recursive: true });
    const tmp = join(base.dir, 'tmp');
    mkdirSync(tmp);
    const aliceKey = writeFixtureKeys(relayPaths(join(tmp, 'alice', 'relay')), 'alice');
    const bobKey = writeFixtureKeys(relayPaths(join(tmp, 'bob', 'relay')), 'bob');
    const script = [
      'set -euo pipefail',
      `alive-p2p() { node ${JSON.stringify(bundlePath('alive-p2p'))} "$@"; }`,
      `cd ${JSON.stringify(home)}`,
      ...exampleBlock()
        .split('\n')
        .map((l) => l.replaceAll('/tmp/', `${tmp}/`).replace(/^R=\/tmp\b/, `R=${tmp}`)),
    ].join('\n');
    const { ALIVE_HOME: _each, ...shellEnv } = env; // every line of the example sets its own
    const r = spawnSync('bash', ['-c', script], { env: shellEnv, encoding: 'utf8', timeout: 240_000 });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    // Both setups kept the key they found.
    expect(readFileSync(join(tmp, 'alice', 'relay', 'keys', 'private.pem'), 'utf8')).toBe(aliceKey.privateKeyPem);
    expect(readFileSync(join(tmp, 'bob', 'relay', 'keys', 'private.pem'), 'utf8')).toBe(bobKey.privateKeyPem);
    expect(r.stdout.match(/^Your key \(new\): /gm)).toBeNull();
    expect(r.stdout.match(/^Your key: /gm)).toHaveLength(2);
    expect(r.stdout).toMatch(/1 package waiting \(in the folder of pinned peer alice: 1\); as of \S+ \(\d+ s ago\)/);
    expect(r.stdout).toMatch(/Received from alice, saved as /);
    const inbox = readdirSync(join(tmp, 'bob', 'relay', 'inbox', 'alice')).filter((f) => f.endsWith('.walnut'));
    expect(inbox).toHaveLength(1);
    expect(existsSync(join(home, 'bob-world', '.alive', 'imports.json'))).toBe(true);
  }, 300_000);
});
