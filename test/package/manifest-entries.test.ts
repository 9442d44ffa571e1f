/**
 * The `files` entries of a manifest (scripts/lib/package/manifest.ts): each needs a path, a
 * SHA-256 of 64 lowercase hex characters and a whole-number size; anything else is bad_manifest,
 * naming the entry and the field. Other keys of an entry are not kept.
 */
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../scripts/lib/package/manifest.ts';

const SHA = 'a'.repeat(64);

function manifest(entry: string): string {
  return [
    'format_version: "2.0.0"',
    '',
    'source:',
    '  walnut: garden',
    '',
    'scope: full',
    'created: "2026-01-01T00:00:00Z"',
    'encrypted: false',
    '',
    'files:',
    '  - path: _kernel/key.md',
    `    sha256: ${SHA}`,
    '    size: 3',
    entry,
    '',
  ].join('\n');
}

describe('manifest files entries', () => {
  it('keeps path, sha256 and size (a number), and only those', () => {
    const m = parseManifest(manifest(`  - path: notes/a.md\n    sha256: ${'0123456789abcdef'.repeat(4)}\n    size: 1024\n    colour: blue`));
    expect(m.files).toEqual([
      { path: '_kernel/key.md', sha256: SHA, size: 3 },
      { path: 'notes/a.md', sha256: '0123456789abcdef'.repeat(4), size: 1024 },
    ]);
  });

  it.each([
    ['no path', `  - sha256: ${SHA}\n    size: 1`, /files\[1\]: path is missing/],
    ['no sha256', '  - path: b.md\n    size: 1', /files\[1\] \('b\.md'\): sha256 must be 64 lowercase hex characters/],
    ['an uppercase sha256', `  - path: b.md\n    sha256: ${'A'.repeat(64)}\n    size: 1`, /files\[1\] \('b\.md'\): sha256 must be 64 lowercase/],
    ['a short sha256', `  - path: b.md\n    sha256: ${'a'.repeat(63)}\n    size: 1`, /sha256 must be 64 lowercase/],
    ['no size', `  - path: b.md\n    sha256: ${SHA}`, /files\[1\] \('b\.md'\): size must be a whole number/],
    ['a negative size', `  - path: b.md\n    sha256: ${SHA}\n    size: -1`, /size must be a whole number/],
    ['a size with a unit', `  - path: b.md\n    sha256: ${SHA}\n    size: 10MB`, /size must be a whole number/],
    ['a fractional size', `  - path: b.md\n    sha256: ${SHA}\n    size: 1.5`, /size must be a whole number/],
  ])('refuses an entry with %s (bad_manifest)', (_, entry, message) => {
    expect(() => parseManifest(manifest(entry))).toThrow(expect.objectContaining({ code: 'bad_manifest', message: expect.stringMatching(message) }));
  });
});

describe('manifest keys named like an object property', () => {
  const manifest = (extra: string) =>
    `format_version: "2.0.0"\nsource:\n  walnut: garden\n  constructor: planted\nscope: full\ncreated: "2026-01-01T00:00:00Z"\nencrypted: false\n${extra}files:\n  - path: a.md\n    sha256: ${'a'.repeat(64)}\n    size: 1\n    constructor: x\n`;

  it('reads constructor as a key of its own, not a duplicate of an inherited one', () => {
    const m = parseManifest(manifest(''));
    expect(m.source.constructor).toBe('planted');
    expect(m.files).toEqual([{ path: 'a.md', sha256: 'a'.repeat(64), size: 1 }]);
  });

  it('refuses a __proto__ key by name, at the top, in a mapping or in a file entry (bad_manifest)', () => {
    for (const extra of ['__proto__:\n  polluted: yes\n', 'relay:\n  __proto__: x\n']) {
      expect(() => parseManifest(manifest(extra))).toThrow(/the key '__proto__' is not a manifest field/);
    }
    expect(() => parseManifest(manifest('').replace('    constructor: x\n', '    __proto__: x\n'))).toThrow(/'__proto__'/);
  });
});
