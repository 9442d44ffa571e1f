/**
 * Regular expressions that backtrack over a whole input overflow V8's regexp stack on a large one
 * (RangeError: Maximum call stack size exceeded), which the CLI reports as an unexpected failure
 * instead of a refusal (attack review): a 9 KB package whose signature value is 9 MB (the quoted
 * scalar's pattern, when the manifest is parsed, and the base64 pattern, when a key is pinned), and
 * a log.md with 9 million blank lines after its frontmatter (the blank-line strip, in a real
 * receive only). They are read by loops now, and a signature value longer than any is refused.
 */
import { describe, expect, it } from 'vitest';
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSignatureBlock, verifyManifestText } from '../../scripts/lib/crypto/sign.ts';
import { parseManifest } from '../../scripts/lib/package/manifest.ts';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { formatLogEntry, prependLogEntry } from '../../scripts/lib/world/log.ts';
import { testKeyPair } from '../support/test-keys.ts';
import { makeWorld, testEnv, tmp, v2Manifest, writePackage, type PackageFiles } from './helpers.ts';

const BIG = 9_000_000;
const MANIFEST = `format_version: "2.0.0"\nsource:\n  walnut: w\nscope: full\ncreated: "2026-01-01T00:00:00Z"\nencrypted: false\nfiles:\n  - path: a.md\n    sha256: ${'0'.repeat(64)}\n    size: 1\n`;
const signed = (value: string) => `${MANIFEST}\nsignature:\n  algorithm: "RSA-SHA256"\n  signer: "alice"\n  value: ${value}\n`;

describe('a signature value of 9 MB', () => {
  it('is read from the manifest (double- or single-quoted), not a RangeError', () => {
    expect(readSignatureBlock(signed(`"${'A'.repeat(BIG)}!"`))?.value.length).toBe(BIG + 1);
    expect(readSignatureBlock(signed(`'${'A'.repeat(BIG)}'' x'`))?.value.length).toBe(BIG + 3);
    expect(() => parseManifest(signed(`"${'A'.repeat(BIG)}!"`))).not.toThrow(RangeError);
  });

  it('quoted scalars read as before: escapes, a quote left open, a comment', () => {
    expect(readSignatureBlock(signed('"a\\"b\\\\c\\n" # note'))?.value).toBe('a"b\\c\\n');
    expect(readSignatureBlock(signed("'it''s' # note"))?.value).toBe("it's");
    expect(readSignatureBlock(signed("'a''"))?.value).toBe('a');
    expect(readSignatureBlock(signed('"open # note'))?.value).toBe('"open');
    expect(readSignatureBlock(signed('plain # note'))?.value).toBe('plain');
  });

  it('is refused by the check against a pinned key, saying why', () => {
    const publicKey = createPublicKey(testKeyPair(5).publicKeyPem);
    for (const value of [`"${'A'.repeat(BIG)}!"`, `"${'A'.repeat(BIG)}"`]) {
      expect(verifyManifestText(signed(value), publicKey)).toMatchObject({
        present: true,
        ok: false,
        reason: expect.stringMatching(/longer than any RSA signature/),
      });
    }
    expect(verifyManifestText(signed('"AAAA!"'), publicKey)).toMatchObject({ ok: false, reason: 'the signature value is not base64' });
    expect(verifyManifestText(signed('"AAA="'), publicKey)).toMatchObject({ ok: false, reason: expect.stringMatching(/^bad signature/) });
    for (const bad of ['"AAAAA"', '"AA=A"', '"A==="', '"===="', '"AAA-"'])
      expect(verifyManifestText(signed(bad), publicKey).reason, bad).toBe('the signature value is not base64');
  });
});

describe('a log.md with 9 million blank lines', () => {
  const meta = { walnut: 'w', timestamp: '2026-05-04T12:00:00Z', summary: 's' };
  const entry = formatLogEntry(meta.timestamp, 'sess', ['Did a thing.']);

  it('takes an entry after its frontmatter, and without one', () => {
    const out = prependLogEntry(`---\nwalnut: w\n---\n${'\n'.repeat(BIG)}## old\n`, entry, meta);
    expect(out.endsWith(`signed: squirrel:sess\n\n## old\n`)).toBe(true);
    expect(prependLogEntry(`${' \n'.repeat(BIG)}## old\n`, entry, meta).endsWith('signed: squirrel:sess\n\n## old\n')).toBe(true);
  });

  it('in a package, is received', async () => {
    const base = tmp();
    const world = makeWorld(base, { layout: 'v2' });
    const files: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n', '_kernel/log.md': `---\nwalnut: garden\n---\n${'\n'.repeat(BIG)}## entry\n` };
    const pkg = await writePackage(join(base, 'blank.walnut'), v2Manifest('garden', 'full', files), files);
    await receivePackage({ packagePath: pkg, world, maxBytes: 1 << 30, env: testEnv(base) });
    expect(readFileSync(join(world, '03_Inbox', 'garden', '_kernel', 'log.md'), 'utf8').endsWith('## entry\n')).toBe(true);
  });
});
