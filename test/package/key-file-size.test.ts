/**
 * A key file (`payload.key`, `rsa-envelope-v1.json`) is a few hundred bytes: one whose tar header
 * says more than KEY_FILE_LIMIT is refused before its bytes are read. A package of 1 MB that said
 * 1 GiB of zeros for its payload.key had them spooled to TMPDIR (860 MB in a review of 2026-12-07)
 * before the limit was checked. Each archive here ends after 100 KB of the entry: a reader that
 * reads the entry first fails on the cut archive instead.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { verifyCommand } from '../../scripts/lib/package/commands/verify.ts';
import { KEY_FILE_LIMIT } from '../../scripts/lib/package/read-package.ts';
import { tmp, v2Manifest } from '../receive/helpers.ts';
import { rawMember, ustarHeader } from './tar-fixtures.ts';

const KEY = { '_kernel/key.md': '---\ntype: venture\n---\n# k\n' };
const GIB = 1024 ** 3;

async function refusal(pkg: string) {
  const r = await runCaptured(verifyCommand, [pkg, '--json']);
  expect(r.code, r.stdout + r.stderr).toBe(1);
  return JSON.parse(r.stdout).error as { code: string; message: string };
}

describe('a key file larger than any key', () => {
  it('payload.key after the manifest: refused as too large before it is read', async () => {
    const tar = Buffer.concat([rawMember('manifest.yaml', v2Manifest('fine', 'full', KEY)), ustarHeader('payload.key', GIB), Buffer.alloc(100 * 1024)]);
    const pkg = join(tmp('key-size'), 'p.walnut');
    writeFileSync(pkg, gzipSync(tar));
    const error = await refusal(pkg);
    expect(error.code).toBe('too_large');
    expect(error.message).toContain(`larger than ${KEY_FILE_LIMIT} bytes`);
  });

  it('rsa-envelope-v1.json of a 2.1 envelope: refused as too large before it is read', async () => {
    const tar = Buffer.concat([ustarHeader('rsa-envelope-v1.json', GIB), Buffer.alloc(100 * 1024)]);
    const pkg = join(tmp('key-size'), 'e.walnut');
    writeFileSync(pkg, tar);
    const error = await refusal(pkg);
    expect(error.code).toBe('too_large');
    expect(error.message).toContain(`larger than ${KEY_FILE_LIMIT} bytes`);
  });
});
