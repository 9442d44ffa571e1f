/**
 * A package's identity (package/identity.ts): its signed content, whatever its bytes. Two packages
 * that say they are different things are two packages, even with the same files and second.
 */
import { describe, expect, it } from 'vitest';
import { isSamePackage, packageIdentity } from '../../scripts/lib/package/identity.ts';
import type { Manifest } from '../../scripts/lib/package/manifest.ts';

const files = [{ path: '_kernel/key.md', sha256: 'a'.repeat(64), size: 14 }];
const base: Manifest = {
  format_version: '2.0.0',
  generation: 'v2',
  source: { walnut: 'alpha', engine: 'alive-ts' },
  scope: 'full',
  created: '2026-12-06T04:13:09Z',
  encrypted: false,
  files,
  extra: {},
};

describe('packageIdentity', () => {
  it('is the same for the same content however it travels: encrypted, another payload, another format', () => {
    const a = packageIdentity(base, 'alice');
    const rewrapped = packageIdentity(
      { ...base, encrypted: true, payload_sha256: 'c'.repeat(64), format_version: '2.1.0', generation: 'v3' } as Manifest,
      'Alice',
    );
    expect(rewrapped).toEqual(a);
  });

  it('tells apart packages that say they are other walnuts, scopes, bundles or descriptions (same files, same second)', () => {
    const a = packageIdentity(base, 'alice');
    const others = [
      { ...base, source: { walnut: 'beta' } },
      { ...base, scope: 'bundle' as const, bundles: ['notes'] },
      { ...base, bundles: ['notes'] },
      { ...base, description: 'for the garden club' },
    ];
    const ids = others.map((m) => packageIdentity(m, 'alice'));
    for (const id of ids) expect(id.current).not.toBe(a.current);
    // No field's text passes for another's.
    expect(packageIdentity({ ...base, description: 'x' }, 'alice').current).not.toBe(packageIdentity({ ...base, bundles: ['x'] }, 'alice').current);
    expect(packageIdentity(base, 'bob').current).not.toBe(a.current);
  });

  it('a record written before (a v1 identity: signer, created, files) still finds the same package', () => {
    const a = packageIdentity(base, 'alice');
    expect(isSamePackage(a.legacy, a)).toBe(true);
    expect(isSamePackage(a.current, a)).toBe(true);
    expect(isSamePackage(undefined, a)).toBe(false);
    expect(isSamePackage(packageIdentity({ ...base, source: { walnut: 'beta' } }, 'alice').current, a)).toBe(false);
  });
});
