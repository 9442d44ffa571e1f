/**
 * The key files of an RSA package (2.0 `payload.key`: 512 bytes for RSA-4096; v3
 * `rsa-envelope-v1.json`: a few hundred) were read whole into memory, up to --max-size (4 GiB by
 * default): zeros compress a thousandfold, so a package of a few MB made the reader allocate GBs
 * before the key was even tried. Past a small limit they are refused, unread.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTarFile, writeTarGz } from '../../scripts/lib/package/archive-out.ts';
import { readPackage, type PackageCrypto } from '../../scripts/lib/package/read-package.ts';
import { hashOnlySink } from '../../scripts/lib/package/sinks.ts';
import { serializeManifest } from '../../scripts/lib/package/manifest.ts';

const MiB = 1024 * 1024;

function spyCrypto(calls: number[]): PackageCrypto {
  return {
    passphraseDecryptStream: () => {
      throw new Error('not used');
    },
    unwrapPayloadKey: (wrapped) => {
      calls.push(wrapped.length);
      throw new Error('cannot unwrap');
    },
    unwrapV3Envelope: (json) => {
      calls.push(json.length);
      throw new Error('cannot unwrap');
    },
    aesDecryptStream: () => {
      throw new Error('not used');
    },
  };
}

describe('RSA key files of a package', () => {
  it('refuses a 2.0 payload.key larger than any wrapped key, without reading it into memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alive-keysize-'));
    const manifest = serializeManifest({ walnut: 'w', scope: 'full', created: '2026-03-01T10:00:00Z', encrypted: true, files: [], pluginVersion: '2.0.0' });
    const pkg = join(dir, 'big-key.walnut');
    await writeTarGz(pkg, async (tar) => {
      for (const [name, body] of [
        ['manifest.yaml', Buffer.from(manifest)],
        ['payload.enc', Buffer.from('Salted__12345678')],
        ['payload.key', Buffer.alloc(8 * MiB)],
      ] as const) {
        await tar.addFile({ path: name, size: body.length, mode: 0o644, mtimeSec: 1_700_000_000 }, body);
      }
    });
    const calls: number[] = [];
    await expect(readPackage(pkg, hashOnlySink, { maxBytes: 64 * MiB, crypto: spyCrypto(calls) })).rejects.toMatchObject({ code: 'too_large' });
    expect(calls).toEqual([]);
  });

  it('refuses a v3 rsa-envelope-v1.json larger than any envelope, without reading it into memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alive-keysize-'));
    const pkg = join(dir, 'big-envelope.walnut');
    await writeTarFile(
      pkg,
      async (tar) => {
        for (const [name, body] of [
          ['rsa-envelope-v1.json', Buffer.alloc(8 * MiB, 0x20)],
          ['payload.enc', Buffer.alloc(32)],
        ] as const) {
          await tar.addFile({ path: name, size: body.length, mode: 0o644, mtimeSec: 1_700_000_000 }, body);
        }
      },
      { gzip: false },
    );
    const calls: number[] = [];
    await expect(readPackage(pkg, hashOnlySink, { maxBytes: 64 * MiB, crypto: spyCrypto(calls) })).rejects.toMatchObject({ code: 'too_large' });
    expect(calls).toEqual([]);
  });
});
