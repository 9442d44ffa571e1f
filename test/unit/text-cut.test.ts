import { describe, expect, it } from 'vitest';
import { cutToBytes, utf8CodePointBytes } from '../../scripts/lib/text/cut.ts';

const utf8 = (s: string, max: number) => cutToBytes(s, max, utf8CodePointBytes);

describe('cutToBytes', () => {
  it('gives the text itself when it fits, and nothing when not even its first character does', () => {
    const s = 'abc';
    expect(utf8(s, 3)).toBe(s);
    expect(utf8(s, 100)).toBe(s);
    expect(utf8(s, 2)).toBe('ab');
    expect(utf8('é', 1)).toBe('');
    expect(utf8('', 0)).toBe('');
    expect(utf8('a', -2)).toBe('');
  });

  it('never cuts inside a multi-byte character: a budget that ends inside one leaves it out whole', () => {
    // 'a' (1) + 'é' (2) + '€' (3): 6 bytes.
    const s = 'aé€';
    expect(utf8(s, 6)).toBe(s);
    for (const max of [3, 4, 5]) expect(utf8(s, max), `${max}`).toBe('aé');
    expect(utf8(s, 2)).toBe('a');
    for (let max = 0; max <= 6; max++) expect(Buffer.byteLength(utf8(s, max))).toBeLessThanOrEqual(max);
  });

  it('never splits a surrogate pair: a character outside the BMP (4 bytes, 2 UTF-16 units) goes whole or not at all', () => {
    const s = 'ab😀c'; // 1 + 1 + 4 + 1
    for (const max of [2, 3, 4, 5]) expect(utf8(s, max), `${max}`).toBe('ab');
    expect(utf8(s, 6)).toBe('ab😀');
    expect(utf8(s, 7)).toBe(s);
    const cut = utf8('😀😀', 7);
    expect(cut).toBe('😀');
    expect(cut.length).toBe(2);
  });

  it('counts as Buffer.byteLength does, a lone surrogate too (written as U+FFFD, 3 bytes)', () => {
    const samples = ['plain', 'é€😀', '\ud800', 'x\udc00y', '\u{10ffff}', '\u0000\u007f\u0080\u07ff\u0800\uffff'];
    for (const s of samples) {
      let bytes = 0;
      for (let i = 0; i < s.length; ) {
        const c = s.codePointAt(i)!;
        bytes += utf8CodePointBytes(c);
        i += c > 0xffff ? 2 : 1;
      }
      expect(bytes, JSON.stringify(s)).toBe(Buffer.byteLength(s));
      // Every budget gives the longest prefix that fits.
      for (let max = 0; max <= bytes; max++) {
        const cut = utf8(s, max);
        expect(s.startsWith(cut)).toBe(true);
        expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(max);
        const next = s.slice(cut.length, cut.length + ((s.codePointAt(cut.length) ?? 0) > 0xffff ? 2 : 1));
        if (cut.length < s.length) expect(Buffer.byteLength(cut + next)).toBeGreaterThan(max);
      }
    }
  });

  it('measures with the function it is given', () => {
    // Every code point 10 bytes: 2 of them fit in 25.
    expect(cutToBytes('a😀bc', 25, () => 10)).toBe('a😀');
  });
});
