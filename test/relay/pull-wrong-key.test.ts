/**
 * A package from a pinned peer that the user's relay key cannot open (bob sealed it for carol, and
 * it reached alice's relay under inbox/bob/): pull keeps it under unverified/ and says why with the
 * message receive gives (crypto-adapter.ts, sealedForText): which key was tried, whom the package
 * says it was sealed for (a 2.0 manifest's list, signed; a 2.1 envelope's key ids, its claim), and
 * pull's own next step. It said only the reader's older words, one for each format ("this private
 * key cannot open the package …", "No private key matches any recipient …").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { fingerprint, formatFingerprint, loadPublicKey } from '../../scripts/lib/crypto/keys.ts';
import { isolateProcessGit } from './git-env.ts';
import { commitToBare, tempDir } from './helpers.ts';
import { pair, relayUser, run, type RelayUser } from './in-process.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;
let carol: RelayUser;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('pull-wrong-key');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  carol = await relayUser(base.dir, 'carol');
  await pair(alice, bob);
});
afterAll(() => base.cleanup());

const fp = (pem: string) => formatFingerprint(fingerprint(loadPublicKey(pem)));

/** A package bob signs and seals for carol's key, in `format`. */
async function forCarol(format: '2.0' | '2.1'): Promise<Buffer> {
  const walnut = join(bob.root, 'world', '04_Ventures', `w${format}`);
  mkdirSync(join(walnut, '_kernel'), { recursive: true });
  writeFileSync(join(walnut, '_kernel', 'key.md'), '---\ntype: venture\ngoal: g\n---\n');
  const out = join(bob.root, `for-carol-${format}.walnut`);
  const args = ['--walnut', walnut, '--scope', 'full', '--format', format, '--encrypt', 'rsa', '--recipient', carol.paths.publicKey];
  const made = await run(bob, [...args, '--sign', bob.paths.privateKey, '--output', out, '--json'], createCommand);
  expect(made.code, made.stderr).toBe(0);
  return readFileSync(out);
}

describe('pull with a relay key that cannot open a package', () => {
  it('says what receive says, for a 2.0 and a 2.1 package, with pull’s next step', async () => {
    const names = { '2.0': 'for-carol-20260101-000000-00000001.walnut', '2.1': 'for-carol-20260101-000000-00000002.walnut' };
    commitToBare(alice.url, { [`inbox/bob/${names['2.0']}`]: await forCarol('2.0'), [`inbox/bob/${names['2.1']}`]: await forCarol('2.1') }, 'deposit');
    const pull = await run(alice, ['pull', '--json']);
    expect(pull.code).toBe(1);
    const byName = new Map<string, { verified: boolean; path: string; problems: string[] }>(pull.json.received.map((r: any) => [r.name, r]));
    const which = `your relay key (${alice.paths.privateKey}) cannot open this package: it was encrypted for someone else: `;
    const mine = fp(alice.paths.publicKey);
    const carolFp = fp(carol.paths.publicKey);
    for (const [format, said] of [
      ['2.0', `its signed manifest says it was sealed for ${carolFp}, not your key ${mine}`],
      [
        '2.1',
        `its envelope says it was sealed for ${carolFp.slice(0, 'SHA256:'.length + 19)}…, not your key ${mine} (the package's own claim: no pinned key verified it)`,
      ],
    ] as const) {
      const r = byName.get(names[format])!;
      expect(r.verified, format).toBe(false);
      expect(r.path, format).toBe(join(alice.paths.inbox, 'bob', 'unverified', names[format]));
      const problems = r.problems.join('\n');
      expect(problems, format).toContain(`${which}${said}`);
      // Pull's own next step: the package is kept, and receive opens it with the right key.
      expect(problems, format).toMatch(
        /pull kept it under inbox\/<folder>\/unverified\/\. If that was a previous key of yours, receive it with --private-key and that key/,
      );
      expect(problems, format).not.toMatch(/nothing was written|No private key matches|this private key cannot open/);
    }
  });
});
