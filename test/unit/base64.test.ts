/**
 * isStandardBase64 (text/base64.ts), the one check of standard padded base64: the manifest
 * signature's value, the v3 RSA envelope's fields, a file's content in a GitHub contents answer.
 * It answers as the regular expression it replaced did, without that expression's stack: on 9 MB
 * the expression throws RangeError (Maximum call stack size exceeded).
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isStandardBase64 } from '../../scripts/lib/text/base64.ts';

const REPLACED = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

describe('isStandardBase64', () => {
  it('takes what Buffer writes, of every length modulo 3', () => {
    for (let n = 0; n <= 64; n++) {
      const text = randomBytes(n).toString('base64');
      expect(isStandardBase64(text), text).toBe(true);
    }
    expect(isStandardBase64(Buffer.from([0xfb, 0xff, 0xbf]).toString('base64'))).toBe(true); // '+/+/'
  });

  it('refuses what is not: a cut group, misplaced or extra padding, URL-safe digits, white space, other characters', () => {
    for (const text of [
      'A',
      'AB',
      'ABC',
      'ABCDE',
      '=',
      '==',
      '====',
      'A===',
      'AB=C',
      'A=BC',
      '=ABC',
      'AB==AB==',
      'AB-_',
      'AB_=',
      ' ABC',
      'ABC ',
      'AB\nCD==',
      'ABCD\n',
      'ABé=',
      'AB\u0000=',
    ]) {
      expect(isStandardBase64(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('answers as the regular expression it replaced', () => {
    const alphabet = ['A', 'z', '0', '+', '/', '=', '-', '_', ' ', '\n', 'é'];
    const texts = [''];
    for (let len = 1; len <= 4; len++) {
      for (const prefix of texts.filter((t) => t.length === len - 1)) for (const c of alphabet) texts.push(prefix + c);
    }
    for (let i = 0; i < 2000; i++) {
      const t = randomBytes(1 + (i % 9)).toString('base64');
      const at = i % t.length;
      texts.push(t, t.slice(0, at) + alphabet[i % alphabet.length] + t.slice(at + 1));
    }
    for (const text of texts) expect(isStandardBase64(text), JSON.stringify(text)).toBe(REPLACED.test(text));
  });

  it('answers on 9 MB without throwing (the regular expression overflowed its stack there)', () => {
    const text = Buffer.alloc(9 * 1024 * 1024 * 0.75).toString('base64');
    expect(text.length).toBe(9 * 1024 * 1024);
    expect(isStandardBase64(text)).toBe(true);
    expect(isStandardBase64(`${text.slice(0, -4)}AB=C`)).toBe(false);
    expect(isStandardBase64(`!${text.slice(1)}`)).toBe(false);
  });
});
